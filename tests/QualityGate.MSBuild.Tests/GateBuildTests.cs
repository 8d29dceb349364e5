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
[Collection(PackageTestGroup.Name)]
public class GateBuildTests(PackageFeed feed)
{
    private const string Project = "Gate.Sample/App.Tests";
    private const string NoFailures = "Kind!=Failing";

    [Fact]
    public void A_run_that_meets_every_target_passes_and_its_layer_figures_equal_an_independent_count()
    {
        var (exit, output) = Gate("met", filter: NoFailures);

        Assert.True(exit == 0, output);
        Assert.Contains("QualityGate met: PASS", output);
        var report = Report();
        Assert.Equal("pass", report.GetProperty("verdict").GetString());
        var coverage = CoverageAttachment();
        foreach (var (layer, folder) in new[] { ("services", "Services/"), ("workers", "Workers/") })
        {
            var lines = report.GetProperty("layers").EnumerateArray().Single(l => l.GetProperty("name").GetString() == layer).GetProperty("lines");
            Assert.Equal(CountLines(coverage, folder), (lines.GetProperty("covered").GetInt32(), lines.GetProperty("valid").GetInt32()));
        }

        var total = report.GetProperty("total").GetProperty("lines");
        Assert.Equal(CountLines(coverage, string.Empty), (total.GetProperty("covered").GetInt32(), total.GetProperty("valid").GetInt32()));
    }

    [Fact]
    public void A_layer_below_its_phase_target_fails_the_build_with_the_measured_value_and_the_gap()
    {
        var (exit, output) = Gate("strict", filter: NoFailures);

        Assert.Equal(1, exit);
        Assert.Contains("error QG4001: workers: line coverage 57.1 % < 95.0 % required by strict (gap 37.9 pp; 12/21 lines)", output);
        Assert.Contains("qualitygate.json", output.Split('\n').Single(l => l.Contains("error QG4001: workers")));
        Assert.Equal("fail", Report().GetProperty("verdict").GetString());
    }

    [Fact]
    public void Failing_tests_within_their_category_budget_do_not_fail_the_build()
    {
        var (exit, output) = Gate("budget");

        Assert.True(exit == 0, output);
        Assert.Contains("[FAIL]", output); // the test did fail
        Assert.Contains("assertion: 1 failing of 1 allowed", output);
    }

    [Fact]
    public void Failing_tests_in_a_category_without_a_budget_fail_the_build_and_point_at_the_test()
    {
        var (exit, output) = Gate("met");

        Assert.Equal(1, exit);
        Assert.Contains("PriceServiceTests.cs(21): QualityGate error QG4007: assertion: 1 failing test", output);
    }

    [Fact]
    public void Failing_tests_beyond_their_budget_fail_the_build()
    {
        var (exit, output) = Gate("tight");

        Assert.Equal(1, exit);
        Assert.Contains("error QG4006: assertion: 1 failing test > 0 allowed by tight", output);
    }

    [Fact]
    public void Warn_only_reports_violations_as_warnings_and_passes()
    {
        var (exit, output) = Gate("strict", filter: NoFailures, "-p:QualityGateWarnOnly=true");

        Assert.True(exit == 0, output);
        Assert.Contains("warning QG4001: workers", output);
        Assert.DoesNotContain("error QG", output);
    }

    [Fact]
    public void An_unknown_phase_is_a_configuration_error_listing_the_phases()
    {
        var (exit, output) = Gate("phase-9", filter: NoFailures);

        Assert.Equal(1, exit);
        Assert.Contains("error QG1003: there is no phase 'phase-9'. Phases in this configuration: met, budget, strict, tight.", output);
    }

    [Fact]
    public void Coverage_targets_without_a_coverage_report_fail_closed()
    {
        var (exit, output) = feed.Test(Project, "--logger", "gate", "--filter", NoFailures, "-p:QualityGatePhase=met");

        Assert.Equal(1, exit);
        Assert.Contains("error QG3001", output);
        Assert.Contains("produced no coverage report", output);
    }

    [Fact]
    public void Coverlet_msbuild_coverage_is_written_and_judged_even_when_tests_fail()
    {
        var project = Path.Combine(feed.Fresh("Gate.Sample"), "App.Tests");
        var (exit, output) = feed.Test(
            project, "--logger", "gate", "-p:QualityGatePhase=budget",
            "-p:UseCoverletMSBuild=true", "-p:CollectCoverage=true", "-p:CoverletOutputFormat=cobertura");

        Assert.True(exit == 0, output);
        Assert.Contains("[FAIL]", output);
        Assert.Matches(@"services\s+100\.0 % \(12/12\)", output);
        Assert.Contains("coverage.cobertura.xml", output); // coverlet.msbuild's own report, written before the gate
    }

    [Fact]
    public void Microsoft_code_coverage_in_cobertura_format_is_judged_too()
    {
        var project = Path.Combine(feed.Fresh("Gate.Sample"), "App.Tests");
        var (exit, output) = feed.Test(project, "--logger", "gate", "-p:QualityGatePhase=met", "--filter", NoFailures, "--collect", "Code Coverage;Format=cobertura");

        Assert.True(exit == 0, output);
        Assert.Matches(@"services\s+\d+\.\d % \(\d+/\d+\)", output);
    }

    [Fact]
    public void On_GitHub_Actions_one_run_writes_the_step_summary_annotations_html_report_and_badges()
    {
        var project = Path.Combine(feed.Fresh("Gate.Sample"), "App.Tests");
        var summary = Path.Combine(feed.Work, project, "step-summary.md");
        File.WriteAllText(summary, "## earlier step\n");
        var github = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary, ["GITHUB_WORKSPACE"] = feed.Work, ["GITHUB_SHA"] = "0123abc" };

        var (exit, output) = feed.Test(project, github, "--logger", "gate", "--collect", "XPlat Code Coverage", "-p:QualityGatePhase=strict");

        Assert.Equal(1, exit);
        var text = File.ReadAllText(summary);
        Assert.StartsWith("## earlier step\n", text);
        Assert.Contains("QualityGate: fail", text);
        Assert.Contains("| services |", text);
        Assert.Contains(output.Split('\n'), l => l.TrimStart().StartsWith("::error ", System.StringComparison.Ordinal) && l.Contains("QG4001"));
        Assert.Contains(output.Split('\n'), l => l.TrimStart().StartsWith("::", System.StringComparison.Ordinal) && l.Contains("Discount_of_zero_is_the_price"));
        var reports = Path.Combine(feed.Work, project, "TestResults", "qualitygate", "App.Tests.net10.0");
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(reports, "badges", "total.svg")));
        Assert.True(File.Exists(Path.Combine(reports, "badges", "services.svg")));
        var html = File.ReadAllText(Path.Combine(reports, "qualitygate-report.html"));
        Assert.Contains("<html", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public void Without_the_gate_logger_the_build_behaves_as_the_sdk_does()
    {
        var (exit, output) = feed.Test(Project, "--collect", "XPlat Code Coverage");

        Assert.Equal(1, exit); // the failing test fails the run, as without QualityGate
        Assert.DoesNotContain("QualityGate met", output);
    }

    private (int Exit, string Output) Gate(string phase, string? filter = null, params string[] extra)
    {
        var arguments = new List<string> { "--logger", "gate", "--collect", "XPlat Code Coverage", $"-p:QualityGatePhase={phase}" };
        if (filter is not null)
        {
            arguments.AddRange(["--filter", filter]);
        }

        arguments.AddRange(extra);
        return feed.Test(Project, [.. arguments]);
    }

    private string ResultsDirectory => Path.Combine(feed.Work, "Gate.Sample", "App.Tests", "TestResults");

    private JsonElement Report()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(ResultsDirectory, "App.Tests.net10.0.qualitygate-report.json")));
        Assert.Equal("qualitygate.report/2", document.RootElement.GetProperty("schema").GetString());
        return document.RootElement.Clone();
    }

    private string CoverageAttachment()
    {
        var results = ResultsFile.Read(Path.Combine(ResultsDirectory, "App.Tests.net10.0.qualitygate.json"));
        return results.Run.GetProperty("attachments").EnumerateArray()
            .Select(a => a.GetProperty("path").GetString()!)
            .Single(p => p.EndsWith("coverage.cobertura.xml", System.StringComparison.Ordinal));
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
