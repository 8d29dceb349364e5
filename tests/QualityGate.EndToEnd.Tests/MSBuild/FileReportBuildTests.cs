using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace QualityGate.MSBuildTests;

/// <summary>
/// A failed gate in the build says what closes each missed target, where its reports are, and its errors point to
/// the HTML report, whose drill-down reaches a file's uncovered lines.
/// </summary>
[Collection(MSBuildTestGroup.Gate)]
public class FileReportBuildTests(SourceFixtures fixtures)
{
    [Fact]
    public void A_missed_target_prints_what_closes_it_and_the_build_says_where_its_reports_are()
    {
        // The same run as GateBuildTests' missed layer: the phase strict on the passing tests, into TestResults/strict.
        var sample = new GateSample(fixtures);
        var (exit, output) = sample.StrictOnPassingTests();

        Assert.Equal(1, exit);
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains(lines, l => l.EndsWith("services: cover 2 more lines — start with PriceService.cs (2)", System.StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("workers: cover 8 more lines — start with ReportWorker.cs (8 of 9)", System.StringComparison.Ordinal));
        var reports = Assert.Single(lines, l => l.Contains("QualityGate reports: ", System.StringComparison.Ordinal));
        Assert.Contains("TestResults/strict/qualitygate/App.Tests.net10.0/qualitygate-report.html, TestResults/strict/App.Tests.net10.0.qualitygate-report.json, TestResults/strict/App.Tests.net10.0.qualitygate-report.md", reports);
        var error = Assert.Single(lines, l => l.Contains("error QG4001: workers", System.StringComparison.Ordinal));
        Assert.Matches("To close it, cover 8 more lines: ReportWorker.cs [0-9–, ]+ \\(8\\)\\. Report: TestResults/strict/qualitygate/App.Tests.net10.0/qualitygate-report.html", error);

        var folder = Path.Combine(sample.Results("strict"), "qualitygate", "App.Tests.net10.0");
        var html = File.ReadAllText(Path.Combine(folder, "qualitygate-report.html"));
        Assert.Contains("<h2>What closes the gap</h2>", html);
        var page = Regex.Match(html, "<a href=\"(files/reportworker\\.cs-[0-9a-f]{8}\\.html)\">").Groups[1].Value;
        var source = File.ReadAllText(Path.Combine(folder, page));
        Assert.Contains("class=\"unc\"><th>", source);
        Assert.Contains("public string Describe(int count)", source);
    }
}
