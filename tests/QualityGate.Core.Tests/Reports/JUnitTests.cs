using System.Linq;
using System.Xml.Linq;
using QualityGate.Reports.JUnit;
using QualityGate.Results;
using Xunit;

namespace QualityGate.Tests.Reports;

public class JUnitTests
{
    [Fact]
    public void The_results_as_JUnit_match_the_snapshot()
    {
        var runs = ReportSamples.Runs(newFailures: true);
        runs[0].Tests = runs[0].Tests.Take(3).Concat(runs[0].Tests.Where(t => t.Outcome == TestOutcome.Failed))
            .Append(new RecordedTest("App.UnitTests.T.Skipped", "App.UnitTests.T.Skipped", TestOutcome.Skipped)).ToList();
        runs[1].Tests = runs[1].Tests.Take(2).Concat(runs[1].Tests.Where(t => t.Outcome == TestOutcome.Failed)).ToList();

        Snapshot.Match(JUnitReport.ToXml(runs), "JUnit.results", "xml");
    }

    [Fact]
    public void Counts_add_up_per_suite_and_failures_carry_their_category()
    {
        var runs = ReportSamples.Runs(newFailures: true);

        var xml = XDocument.Parse(JUnitReport.ToXml(runs));

        var suites = xml.Root!.Elements("testsuite").ToList();
        Assert.Equal(["App.UnitTests", "App.IntegrationTests"], suites.Select(s => (string)s.Attribute("name")!));
        Assert.Equal("119", (string)xml.Root.Attribute("tests")!);
        Assert.Equal("4", (string)xml.Root.Attribute("failures")!);
        Assert.Equal(["binding", "mocking", "async", "async"], xml.Descendants("failure").Select(f => (string)f.Attribute("type")!));
        var theory = xml.Descendants("testcase").First(t => t.Element("failure") is not null);
        Assert.Equal(("App.UnitTests.PricingServiceTests", "Discounted_in_currency(price: 100, percent: 10, expected: 90, ???: \"EUR\")"), ((string)theory.Attribute("classname")!, (string)theory.Attribute("name")!));
    }
}
