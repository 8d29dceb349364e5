using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace QualityGate.PackageTests;

/// <summary>
/// 'dotnet tool install QualityGate.Tool', then 'dotnet gate check' on the results and coverage of real
/// 'dotnet test --logger gate' runs, from the folder that holds qualitygate.json, as a CI job runs it. The installed
/// command runs as a process once per exit code (0 with the current folder's default glob, 1, 2, 3); the other
/// scenarios call the installed tool's entry point in this process (<see cref="ToolFeed.InProcess"/>).
/// </summary>
[Collection(PackageTestGroup.Tool)]
public class ToolEndToEndTests(PackageFeed feed)
{
    private readonly ToolFeed _tool = ToolFeed.For(feed);

    [Fact]
    public void A_run_that_meets_the_phase_exits_0_and_writes_a_passing_report()
    {
        var results = _tool.Full;

        var (exit, output) = Check("--results", Path.Combine(results, "*.qualitygate.json"), "--phase", "met", "--report", "met/report.json", "--markdown", "met/report.md");

        Assert.True(exit == 0, output);
        Assert.Contains("QualityGate met: PASS", output);
        Assert.DoesNotContain("error", output);
        Assert.Equal("pass", Report("met/report.json").GetProperty("verdict").GetString());
        Assert.Contains("QualityGate: pass", File.ReadAllText(Path.Combine(_tool.FixtureDirectory, "met", "report.md")));
    }

    [Fact]
    public void The_tool_measures_each_layer_exactly_as_the_msbuild_gate_does_on_the_same_run()
    {
        var results = _tool.Full;

        var (exit, output) = Check("--results", Path.Combine(results, "App.Tests.net10.0.qualitygate.json"), "--report", "same/report.json", "--markdown", "same/report.md");

        Assert.True(exit == 0, output);
        var msbuild = Report(Path.Combine(results, "App.Tests.net10.0.qualitygate-report.json"));
        var tool = Report("same/report.json");
        Assert.Equal(msbuild.GetProperty("verdict").GetString(), tool.GetProperty("verdict").GetString());
        Assert.Equal(LineFigures(msbuild), LineFigures(tool));
        Assert.Equal(new[] { "services", "workers", "total" }, LineFigures(tool).Keys.ToArray());
    }

    [Fact]
    public void A_layer_below_the_phase_target_exits_1_with_QG4001_in_the_output_and_in_the_report()
    {
        var results = _tool.Full;
        File.Delete(Path.Combine(_tool.FixtureDirectory, "qualitygate-report.json"));

        // The installed command: exit code 1 of a real process.
        var (exit, output) = Installed("--results", Path.Combine(results, "*.qualitygate.json"), "--phase", "strict");

        Assert.True(exit == 1, output);
        Assert.Contains("QualityGate strict: FAIL (2 violations)", output);
        Assert.Contains("error QG4001: workers: line coverage 57.1 % < 95.0 % required by strict (gap 37.9 pp; 12/21 lines).", output);
        Assert.Contains("  report: qualitygate-report.json", output);
        var report = Report("qualitygate-report.json");
        Assert.Equal("fail", report.GetProperty("verdict").GetString());
        Assert.Equal("strict", report.GetProperty("phase").GetString());
        Assert.Contains("QG4001", report.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("code").GetString()));
        Assert.True(File.Exists(Path.Combine(_tool.FixtureDirectory, "qualitygate-report.md")));
    }

    [Fact]
    public void Warn_only_prints_violations_as_warnings_and_exits_0()
    {
        var results = _tool.Full;

        var (exit, output) = Check("--results", Path.Combine(results, "*.qualitygate.json"), "--phase", "strict", "--warn-only", "--report", "warn/report.json", "--markdown", "warn/report.md");

        Assert.True(exit == 0, output);
        Assert.Contains("warning QG4001: workers", output);
        Assert.DoesNotContain("error QG", output);
        Assert.Equal("fail", Report("warn/report.json").GetProperty("verdict").GetString());
    }

    [Fact]
    public void Without_results_it_judges_every_results_file_under_a_TestResults_folder_below_the_current_one()
    {
        var results = _tool.Full;
        var solution = Directory.CreateDirectory(Path.Combine(feed.Work, "tool-default-glob")).FullName;
        var copy = Path.Combine(solution, "src", "App.Tests", "TestResults", "deep", "App.Tests.net10.0.qualitygate.json");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(Path.Combine(_tool.FixtureDirectory, results, "App.Tests.net10.0.qualitygate.json"), copy, overwrite: true);

        // The installed command: exit code 0 of a real process, and the folder it was started in is the one searched.
        var (exit, output) = _tool.Installed(solution, "check", "--config", Path.Combine(_tool.FixtureDirectory, "qualitygate.json"), "--phase", "met");

        Assert.True(exit == 0, output);
        var inputs = ReportAt(Path.Combine(solution, "qualitygate-report.json")).GetProperty("inputs").GetProperty("results");
        Assert.Equal(copy, Assert.Single(inputs.EnumerateArray()).GetString());
    }

    [Fact]
    public void An_earlier_run_left_under_TestResults_is_refused_not_merged_with_todays_run()
    {
        var today = _tool.Full;
        var earlier = _tool.Lower;
        var solution = Directory.CreateDirectory(Path.Combine(feed.Work, "tool-stale-run")).FullName;
        foreach (var (run, folder) in new[] { (today, "today"), (earlier, "old") })
        {
            var copy = Path.Combine(solution, "App.Tests", "TestResults", folder, "App.Tests.net10.0.qualitygate.json");
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(Path.Combine(_tool.FixtureDirectory, run, "App.Tests.net10.0.qualitygate.json"), copy, overwrite: true);
        }

        var (exit, output) = _tool.InProcess(solution, "check", "--config", Path.Combine(_tool.FixtureDirectory, "qualitygate.json"), "--phase", "met");

        Assert.True(exit == 3, output);
        Assert.Contains("error QG2016: App.Tests (net10.0) was recorded 2 times", output);
        Assert.Contains("TestResults/old/App.Tests.net10.0.qualitygate.json", output);
        Assert.DoesNotContain(": PASS", output);
    }

    [Fact]
    public void Init_writes_a_plan_and_baseline_that_pass_the_measured_run_and_fail_when_a_covered_line_is_lost()
    {
        var full = _tool.Full;
        var lower = _tool.Lower;
        var plan = Path.Combine(feed.Work, "tool-init");
        foreach (var folder in new[] { "App", "App.Tests" })
        {
            Copy(Path.Combine(_tool.FixtureDirectory, folder), Path.Combine(plan, folder));
        }

        var (exit, output) = _tool.InProcess(plan, "init", "--results", Path.Combine(_tool.FixtureDirectory, full, "*.qualitygate.json"));
        Assert.True(exit == 0, output);
        Assert.Contains("QualityGate plan written: qualitygate.json (baseline: qualitygate.baseline.json)", output);
        Assert.Contains("layer services", output);
        var written = File.ReadAllText(Path.Combine(plan, "qualitygate.json"));
        Assert.Contains("\"services\": { \"include\": [\"App/Services/**/*.cs\"] }", written);
        Assert.True(File.Exists(Path.Combine(plan, "qualitygate.schema.json")));

        var (again, refused) = _tool.InProcess(plan, "init", "--results", Path.Combine(_tool.FixtureDirectory, full, "*.qualitygate.json"));
        Assert.True(again == 2, refused);
        Assert.Contains("error QG1011", refused);

        var (pass, passed) = _tool.InProcess(plan, "check", "--results", Path.Combine(_tool.FixtureDirectory, full, "*.qualitygate.json"));
        Assert.True(pass == 0, passed);
        var (fail, failed) = _tool.InProcess(plan, "check", "--results", Path.Combine(_tool.FixtureDirectory, lower, "*.qualitygate.json"));
        Assert.True(fail == 1, failed);
        Assert.Contains("error QG4001: services: line coverage", failed);
    }

    [Theory]
    [InlineData("--results", "TestResults/nothing-here/*.qualitygate.json", "QG2008")]
    [InlineData("--coverage", "TestResults/nothing-here/**/coverage.cobertura.xml", "QG3001")]
    public void A_glob_that_matches_nothing_exits_3_naming_the_pattern_even_beside_inputs_that_exist(string option, string pattern, string code)
    {
        var results = _tool.Full;

        var (exit, output) = Check("--results", Path.Combine(results, "*.qualitygate.json"), option, pattern, "--phase", "met", "--report", "none/report.json", "--markdown", "none/report.md");

        Assert.True(exit == 3, output);
        Assert.Contains($"error {code}: no ", output);
        Assert.Contains($"'{pattern}'", output);
        NoStackTrace(output);
    }

    [Fact]
    public void A_truncated_results_file_exits_3()
    {
        var results = _tool.Full;
        var text = File.ReadAllText(Path.Combine(_tool.FixtureDirectory, results, "App.Tests.net10.0.qualitygate.json"));
        var truncated = Path.Combine(feed.Work, "tool-truncated", "App.Tests.net10.0.qualitygate.json");
        Directory.CreateDirectory(Path.GetDirectoryName(truncated)!);
        File.WriteAllText(truncated, text[..(text.Length / 2)]);

        // The installed command: exit code 3 of a real process.
        var (exit, output) = Installed("--results", truncated, "--phase", "met", "--report", "truncated/report.json", "--markdown", "truncated/report.md");

        Assert.True(exit == 3, output);
        Assert.Contains($"{truncated}: error QG2006: the results file is not valid JSON", output);
        NoStackTrace(output);
    }

    [Fact]
    public void An_unknown_phase_exits_2_listing_the_phases()
    {
        var results = _tool.Full;

        // The installed command: exit code 2 of a real process.
        var (exit, output) = Installed("--results", Path.Combine(results, "*.qualitygate.json"), "--phase", "phase-9", "--report", "unknown/report.json", "--markdown", "unknown/report.md");

        Assert.True(exit == 2, output);
        Assert.Contains("error QG1003: there is no phase 'phase-9'. Phases in this configuration: met, budget, strict, tight.", output);
        NoStackTrace(output);
    }

    [Fact]
    public void A_qualitygate_json_with_an_unknown_key_exits_2_naming_the_key()
    {
        var results = _tool.Full;
        var config = Path.Combine(feed.Work, "tool-broken-config", "qualitygate.json");
        Directory.CreateDirectory(Path.GetDirectoryName(config)!);
        File.WriteAllText(config, """{ "treshold": 80 }""");

        var (exit, output) = Check("--results", Path.Combine(results, "*.qualitygate.json"), "--config", config, "--report", "broken/report.json", "--markdown", "broken/report.md");

        Assert.True(exit == 2, output);
        Assert.Contains($"{config}: error QG1002:", output);
        Assert.Contains("treshold", output);
        NoStackTrace(output);
    }

    private (int ExitCode, string Output) Check(params string[] arguments) => _tool.InProcess(_tool.FixtureDirectory, ["check", .. arguments]);

    // The installed command as a process, from the fixture's folder: for a test that proves the process's exit code.
    private (int ExitCode, string Output) Installed(params string[] arguments) => _tool.Installed(_tool.FixtureDirectory, ["check", .. arguments]);

    private JsonElement Report(string pathInFixture) => ReportAt(Path.Combine(_tool.FixtureDirectory, pathInFixture));

    private static JsonElement ReportAt(string path)
    {
        Assert.True(File.Exists(path), $"no report at {path}");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        Assert.Equal("qualitygate.report/2", document.RootElement.GetProperty("schema").GetString());
        return document.RootElement.Clone();
    }

    // Layer name -> lines covered/valid, for every source layer and the total, in report order.
    private static Dictionary<string, (int Covered, int Valid)> LineFigures(JsonElement report)
    {
        var figures = new Dictionary<string, (int, int)>();
        foreach (var layer in report.GetProperty("layers").EnumerateArray().Append(report.GetProperty("total")))
        {
            var lines = layer.GetProperty("lines");
            figures.Add(layer.GetProperty("name").GetString()!, (lines.GetProperty("covered").GetInt32(), lines.GetProperty("valid").GetInt32()));
        }

        return figures;
    }

    private static void NoStackTrace(string output) => Assert.DoesNotContain("   at ", output);

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj" or "TestResults"))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
            File.Copy(file, Path.Combine(to, relative), overwrite: true);
        }
    }
}
