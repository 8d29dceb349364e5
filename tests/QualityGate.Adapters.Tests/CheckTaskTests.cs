using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using QualityGate.Tasks;
using QualityGate.Tests;
using Xunit;

namespace QualityGate.AdapterTests;

/// <summary>QualityGateCheck through Execute: it judges exactly this run's file, and warn-only never passes an untrusted run.</summary>
public class CheckTaskTests
{
    private const string Plan = """{ "phases": [ { "name": "p", "passRate": 90, "maxFailures": { "assertion": 5 } } ] }""";

    [Fact]
    public void A_run_that_left_no_results_is_an_error_that_says_the_test_run_failed()
    {
        using var temp = new TempFolder();
        var (task, engine) = Task(temp, Path.Combine(temp.Path, "none.qualitygate.json"), "run1");
        task.TestRunSucceeded = false;

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("QG2014", error.Code);
        Assert.EndsWith("The test run itself failed before it finished.", error.Message);
        Assert.Empty(engine.Warnings);
    }

    [Fact]
    public void An_earlier_runs_file_at_the_decided_path_is_refused()
    {
        using var temp = new TempFolder();
        var (task, engine) = Task(temp, RecordedRun.Write(temp, "earlier", passed: 10), "now");

        Assert.False(task.Execute());

        Assert.Equal("QG2015", Assert.Single(engine.Errors).Code);
    }

    [Fact]
    public void A_run_that_meets_the_phase_passes_and_shows_the_table()
    {
        using var temp = new TempFolder();
        var (task, engine) = Task(temp, RecordedRun.Write(temp, "run1", passed: 10), "run1");

        Assert.True(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));

        Assert.Contains(engine.Messages, m => m.Importance == MessageImportance.High && m.Message == "QualityGate p: PASS");
    }

    [Fact]
    public void Warn_only_turns_a_missed_target_into_a_warning_but_never_passes_a_run_that_executed_nothing()
    {
        using var temp = new TempFolder();
        var (missed, missedEngine) = Task(temp, RecordedRun.Write(temp, "run1", passed: 1, failed: 1), "run1");
        missed.WarnOnly = true;
        Assert.True(missed.Execute());
        Assert.Contains(missedEngine.Warnings, w => w.Code == "QG4005");

        var (nothing, nothingEngine) = Task(temp, RecordedRun.Write(temp, "run2", passed: 0), "run2");
        nothing.WarnOnly = true;
        Assert.False(nothing.Execute());
        Assert.Equal("QG4011", Assert.Single(nothingEngine.Errors).Code);
    }

    [Fact]
    public void A_failed_gate_says_where_its_reports_are_in_one_line_and_its_errors_point_to_the_html_report()
    {
        using var temp = new TempFolder();
        var (task, engine) = Task(temp, RecordedRun.Write(temp, "run1", passed: 1, failed: 1), "run1");
        task.ReportsDirectory = Path.Combine(temp.Path, "qg");
        task.Ci = "none";
        task.JsonReportPath = Path.Combine(temp.Path, "report.json");

        Assert.False(task.Execute());

        Assert.Contains(engine.Messages, m => m.Importance == MessageImportance.High && m.Message!.StartsWith("  QualityGate reports: qg/qualitygate-report.html, report.json (and ", System.StringComparison.Ordinal));
        Assert.All(engine.Errors, e => Assert.EndsWith(" Report: qg/qualitygate-report.html", e.Message!, System.StringComparison.Ordinal));
        Assert.NotEmpty(engine.Errors);
    }

    // Were real 'dotnet test' runs of the MSBuild tier: the run, its coverage and the build's exit path are the ones the
    // tier's other verdicts take (GateBuildTests, HandOffBuildTests: QG4006 there too); the message is the task's.
    [Fact]
    public void An_unknown_phase_is_a_configuration_error_listing_the_phases()
    {
        using var temp = new TempFolder();
        var (task, engine) = Task(temp, RecordedRun.Write(temp, "run1", passed: 10), "run1", """
            { "phases": [ { "name": "met", "passRate": 50 }, { "name": "budget", "passRate": 50 }, { "name": "strict", "passRate": 90 }, { "name": "tight", "passRate": 100 } ] }
            """);
        task.Phase = "phase-9";

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("QG1003", error.Code);
        Assert.StartsWith("there is no phase 'phase-9'. Phases in this configuration: met, budget, strict, tight.", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Failing_tests_beyond_their_budget_fail_the_build_naming_the_phase()
    {
        using var temp = new TempFolder();
        var (task, engine) = Task(temp, RecordedRun.Write(temp, "run1", passed: 3, failed: 1), "run1", """{ "phases": [ { "name": "tight", "maxFailures": { "assertion": 0 } } ] }""");

        Assert.False(task.Execute());

        Assert.Contains(engine.Errors, e => e.Code == "QG4006" && e.Message!.StartsWith("assertion: 1 failing test > 0 allowed by tight", System.StringComparison.Ordinal));
    }

    private static (QualityGateCheck Task, FakeBuildEngine Engine) Task(TempFolder temp, string results, string runId, string plan = Plan) =>
        RecordedRun.Judged(temp, results, runId, plan);
}
