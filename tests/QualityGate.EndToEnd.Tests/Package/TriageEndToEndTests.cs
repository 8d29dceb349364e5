using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace QualityGate.PackageTests;

/// <summary>
/// Failure triage (issue 12) through the real package: root causes in every output of one 'dotnet test', and MSTest 3's
/// expected exceptions. The tests that kill their host are CrashEndToEndTests.
/// </summary>
[Collection(PackageTestGroup.VSTest)]
public class TriageEndToEndTests(PackageFeed feed)
{
    [Fact]
    public void Forty_five_failures_from_two_broken_methods_are_two_root_causes_on_the_console_and_in_every_report()
    {
        var (_, output) = LoggerEndToEndTests.Failures(feed);

        // The fixture's phase allows the 45 failures: the gate passes and reports the two causes (the solution run's
        // exit code is the other projects' failures; this project's verdict is its PASS line and no error of its own).
        Assert.Contains("QualityGate triage: PASS", output);
        Assert.DoesNotContain(output.Split('\n'), l => l.Contains("RootCauses.Xunit", System.StringComparison.Ordinal) && l.Contains("error QG", System.StringComparison.Ordinal));
        Assert.Contains("error: 45 failures, 2 root causes", output);
        Assert.Contains("40 failures: System.NullReferenceException at Shop.PriceCatalog.Lookup", output);
        Assert.Contains("error: 45 failing of 45 allowed, 2 root causes", output);

        var results = Path.Combine(feed.Work, "RootCauses.Xunit", "TestResults");
        var file = ResultsFile.Read(Path.Combine(results, "RootCauses.Xunit.net10.0.qualitygate.json"));
        Assert.Equal(45, file.Failed.Count());
        Assert.Equal(2, file.Failed.Select(t => t.GetProperty("failure").GetProperty("rootCause").GetString()).Distinct().Count());
        Assert.Equal(2, file.Run.GetProperty("summary").GetProperty("rootCauses").GetProperty("error").GetInt32());

        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(results, "RootCauses.Xunit.net10.0.qualitygate-report.json")));
        var causes = report.RootElement.GetProperty("rootCauses").EnumerateArray().ToList();
        Assert.Equal([40, 5], causes.Select(c => c.GetProperty("count").GetInt32()));
        Assert.Equal("Shop.Ledger.ParseCents", causes[1].GetProperty("frame").GetString());

        Assert.Contains("**Root causes:** 2 for 45 failing tests", File.ReadAllText(Path.Combine(results, "RootCauses.Xunit.net10.0.qualitygate-report.md")));
        var html = File.ReadAllText(Path.Combine(results, "qualitygate", "RootCauses.Xunit.net10.0", "qualitygate-report.html"));
        Assert.Contains("2 root causes behind 45 failing tests.", html);
    }

    [Fact]
    public void MSTest_3_expected_exceptions_land_where_the_exception_actually_thrown_says()
    {
        var (exit, output) = LoggerEndToEndTests.Failures(feed);

        Assert.Equal(1, exit);
        var results = ResultsFile.Read(Path.Combine(feed.Work, "Failures.MSTest3", "TestResults", "Failures.MSTest3.net10.0.qualitygate.json"));
        var wrong = results.Failed
            .Where(t => ResultsFile.Trait(t, "Expect") != t.GetProperty("failure").GetProperty("category").GetString())
            .Select(t => $"{t.GetProperty("displayName")}: expected {ResultsFile.Trait(t, "Expect")}, got {t.GetProperty("failure").GetProperty("rule")}")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong) + "\n" + output);
        Assert.Equal(10, results.Failed.Count());
    }
}
