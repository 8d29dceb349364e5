using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using QualityGate.PackageTests;
using Xunit;

namespace QualityGate.MSBuildTests;

/// <summary>
/// 'dotnet test --logger gate' on a project with the package and a qualitygate.json: the gate's verdict decides the
/// build, with coded errors that name the target, the measured value and the gap.
/// </summary>
[Collection(MSBuildTestGroup.Gate)]
public class GateBuildTests(SourceFixtures fixtures)
{
    private const string NoFailures = GateSample.NoFailures;

    private readonly GateSample _sample = new(fixtures);

    [Fact]
    public void A_layer_below_its_phase_target_fails_the_build_with_the_measured_value_and_the_gap()
    {
        var (exit, output) = _sample.StrictOnPassingTests();

        Assert.Equal(1, exit);
        Assert.Contains("error QG4001: workers: line coverage 57.1 % < 95.0 % required by strict (gap 37.9 pp; 12/21 lines)", output);
        Assert.Contains("qualitygate.json", output.Split('\n').Single(l => l.Contains("error QG4001: workers")));
        Assert.Equal("fail", _sample.Report("strict").GetProperty("verdict").GetString());
    }

    // Also the passing verdict of a run that meets every target (it was a run of its own, on the passing tests).
    [Fact]
    public void Failing_tests_within_their_category_budget_pass_the_build_and_its_layer_figures_equal_an_independent_count()
    {
        var (exit, output) = _sample.Gate("budget", "budget");

        Assert.True(exit == 0, output);
        Assert.Contains("[FAIL]", output); // the test did fail
        Assert.Contains("assertion: 1 failing of 1 allowed", output);
        Assert.Contains("QualityGate budget: PASS", output);
        Assert.DoesNotContain("warning", output, System.StringComparison.OrdinalIgnoreCase); // within budget: no warning either
        var report = _sample.Report("budget");
        Assert.Equal("pass", report.GetProperty("verdict").GetString());
        var coverage = _sample.CoverageAttachment("budget");
        foreach (var (layer, folder) in new[] { ("services", "Services/"), ("workers", "Workers/") })
        {
            var lines = report.GetProperty("layers").EnumerateArray().Single(l => l.GetProperty("name").GetString() == layer).GetProperty("lines");
            Assert.Equal(CountLines(coverage, folder), (lines.GetProperty("covered").GetInt32(), lines.GetProperty("valid").GetInt32()));
        }

        var total = report.GetProperty("total").GetProperty("lines");
        Assert.Equal(CountLines(coverage, string.Empty), (total.GetProperty("covered").GetInt32(), total.GetProperty("valid").GetInt32()));
    }

    // On GitHub Actions, as CI runs it: the verdict in the build log, and the step summary, the annotations, the HTML
    // report and the badges of the same run (they were two runs, the GitHub one on phase strict).
    [Fact]
    public void Failing_tests_in_a_category_without_a_budget_fail_the_build_point_at_the_test_and_on_GitHub_write_the_summary_annotations_html_and_badges()
    {
        var summary = Path.Combine(Directory.CreateDirectory(_sample.Results("met-failing")).FullName, "step-summary.md");
        File.WriteAllText(summary, "## earlier step\n");
        var github = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary, ["GITHUB_WORKSPACE"] = fixtures.Work, ["GITHUB_SHA"] = "0123abc" };

        var (exit, output) = _sample.Test("met-failing", github, "--logger", "gate", "--collect", "XPlat Code Coverage", "-p:QualityGatePhase=met");

        Assert.Equal(1, exit);
        Assert.Contains("PriceServiceTests.cs(21): QualityGate error QG4007: assertion: 1 failing test", output);
        var text = File.ReadAllText(summary);
        Assert.StartsWith("## earlier step\n", text);
        Assert.Contains("QualityGate: fail", text);
        Assert.Contains("| services |", text);
        Assert.Contains(output.Split('\n'), l => l.TrimStart().StartsWith("::error ", System.StringComparison.Ordinal) && l.Contains("QG4007"));
        Assert.Contains(output.Split('\n'), l => l.TrimStart().StartsWith("::", System.StringComparison.Ordinal) && l.Contains("Discount_of_zero_is_the_price"));
        var reports = Path.Combine(_sample.Results("met-failing"), "qualitygate", "App.Tests.net10.0");
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(reports, "badges", "total.svg")));
        Assert.True(File.Exists(Path.Combine(reports, "badges", "services.svg")));
        var html = File.ReadAllText(Path.Combine(reports, "qualitygate-report.html"));
        Assert.Contains("<html", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public void Coverage_targets_without_a_coverage_report_fail_closed()
    {
        var (exit, output) = _sample.Test("no-coverage", new Dictionary<string, string>(), "--logger", "gate", "--filter", NoFailures, "-p:QualityGatePhase=met");

        Assert.Equal(1, exit);
        Assert.Contains("error QG3001", output);
        Assert.Contains("produced no coverage report", output);
    }

    [Fact]
    public void Without_the_gate_logger_the_build_behaves_as_the_sdk_does()
    {
        var (exit, output) = _sample.Test("no-logger", new Dictionary<string, string>(), "--collect", "XPlat Code Coverage");

        Assert.Equal(1, exit); // the failing test fails the run, as without QualityGate
        Assert.DoesNotContain("QualityGate met", output);
    }

    // Independent of QualityGate's reader: distinct (file, line) pairs of the Cobertura classes, covered if any class hit them.
    private static (int Covered, int Valid) CountLines(string cobertura, string folder)
    {
        var lines = XDocument.Load(cobertura).Descendants("class")
            .Where(c => c.Attribute("filename")!.Value.Replace('\\', '/').Contains(folder, System.StringComparison.Ordinal))
            .SelectMany(c => c.Element("lines")!.Elements("line").Select(l => (File: c.Attribute("filename")!.Value, Line: l.Attribute("number")!.Value, Hits: long.Parse(l.Attribute("hits")!.Value))))
            .GroupBy(l => (l.File, l.Line))
            .ToList();
        return (lines.Count(g => g.Any(l => l.Hits > 0)), lines.Count);
    }
}
