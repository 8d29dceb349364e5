using System.Linq;
using QualityGate.Baseline;
using QualityGate.Coverage;
using QualityGate.Diagnostics;
using QualityGate.Policy;
using QualityGate.Reports;
using QualityGate.Results;
using Xunit;
using static QualityGate.Tests.Policy.GateFixture;

namespace QualityGate.Tests.Baseline;

/// <summary>The ratchet: coverage, pass rate and the set of failing tests can only get better.</summary>
public class RatchetTests
{
    private static CoverageData Covered(int services, int workers = 30) => MakeCoverage(
        ("src/App/Services/PriceService.cs", services, 50),
        ("src/App/Services/OrderService.cs", 45, 50),
        ("src/App/Workers/ReportWorker.cs", workers, 60));

    private static RecordedRun Unit(params (string Category, int Count)[] failures) => MakeRun("App.UnitTests", 95, failures);

    /// <summary>A baseline recorded from a run, exactly as 'dotnet gate baseline' records it.</summary>
    internal static BaselineData Record(CoverageData coverage, params RecordedRun[] runs)
    {
        var config = MakeConfig();
        var report = GateEvaluator.Evaluate(new GateInput(config, runs) { Coverage = coverage });
        return BaselineUpdater.Update(null, report, config, runs, new BaselineUpdateOptions { Clock = () => new System.DateTimeOffset(2026, 11, 1, 0, 0, 0, System.TimeSpan.Zero) }).Baseline;
    }

    private static GateReport Judge(BaselineData baseline, CoverageData coverage, string? phase = null, params RecordedRun[] runs) =>
        GateEvaluator.Evaluate(new GateInput(MakeConfig(), runs) { Coverage = coverage, Baseline = baseline, PhaseOverride = phase });

    [Fact]
    public void A_layer_that_falls_beyond_the_tolerance_fails_with_before_and_after()
    {
        var baseline = Record(Covered(46), Unit(("binding", 2)));

        var report = Judge(baseline, Covered(44), null, Unit(("binding", 2)));

        var violation = Assert.Single(report.Violations, v => v.Code == DiagnosticCode.CoverageFell && v.Subject == "services" && v.Message.Contains("line coverage"));
        Assert.Equal("services: line coverage fell 91.0 % → 89.0 % (−2.0 pp; tolerance 0.1 pp) since the baseline. Add the tests back, or accept the loss with 'dotnet gate baseline --allow-loosening --reason \"…\"'.", violation.Message);
        Assert.Contains(report.Violations, v => v.Code == DiagnosticCode.FileCoverageFell && v.Subject == "src/App/Services/PriceService.cs");
        var change = report.Baseline!.Layers.Single(c => c.Name == "services");
        Assert.Equal((91.0, 89.0), (change.Before!.Value, change.After!.Value));
        Assert.Equal("src/App/Services/PriceService.cs", Assert.Single(report.Baseline.FilesLost).Name);
    }

    [Fact]
    public void The_same_coverage_or_better_passes_and_gains_are_reported()
    {
        var baseline = Record(Covered(46), Unit());

        var report = Judge(baseline, Covered(50, 40), null, Unit());

        Assert.True(report.Passed, string.Join("\n", report.Violations.Select(v => v.Message)));
        Assert.Equal(["src/App/Services/PriceService.cs", "src/App/Workers/ReportWorker.cs"], report.Baseline!.FilesGained.Select(f => f.Name).OrderBy(n => n));
    }

    [Fact]
    public void A_file_whose_coverable_lines_changed_is_not_held_to_its_old_rate()
    {
        var baseline = Record(Covered(46), Unit());
        var edited = MakeCoverage(("src/App/Services/PriceService.cs", 40, 80), ("src/App/Services/OrderService.cs", 45, 50), ("src/App/Workers/ReportWorker.cs", 30, 60));

        var report = Judge(baseline, edited, null, Unit());

        Assert.DoesNotContain(report.Violations, v => v.Code == DiagnosticCode.FileCoverageFell);
    }

    [Fact]
    public void A_new_failing_test_fails_whatever_the_budget_while_known_failures_keep_ci_green()
    {
        var baseline = Record(Covered(46), Unit(("binding", 1), ("async", 3)));

        var same = Judge(baseline, Covered(46), null, Unit(("binding", 1), ("async", 3)));
        var worse = Judge(baseline, Covered(46), null, Unit(("binding", 2), ("async", 3)));

        Assert.True(same.Passed, string.Join("\n", same.Violations.Select(v => v.Message))); // async has no budget, but its failures are known
        Assert.Equal(4, same.Baseline!.KnownFailures.Count);
        var violation = Assert.Single(worse.Violations, v => v.Code == DiagnosticCode.NewFailure);
        Assert.StartsWith("new failing test (binding): App.UnitTests.T.binding1", violation.Message);
        Assert.Equal(("/repo/tests/App.UnitTests/T.cs", 11), (violation.File, violation.Line));
    }

    [Fact]
    public void A_known_failure_that_now_passes_is_reported_as_fixed()
    {
        var baseline = Record(Covered(46), Unit(("binding", 2)));
        var run = Unit(("binding", 1));
        run.Tests = [.. run.Tests, new RecordedTest("App.UnitTests.T.binding1", "App.UnitTests.T.binding1", TestOutcome.Passed) { TestLayer = "unit" }];

        var report = Judge(baseline, Covered(46), null, run);

        Assert.True(report.Passed, string.Join("\n", report.Violations.Select(v => v.Message)));
        Assert.Equal("App.UnitTests.T.binding1", Assert.Single(report.Baseline!.FixedFailures).Name);
    }

    [Fact]
    public void A_test_layers_pass_rate_may_not_fall_below_the_baseline()
    {
        var baseline = Record(Covered(46), MakeRun("App.UnitTests", 95, ("binding", 1)));
        var report = Judge(baseline, Covered(46), null, MakeRun("App.UnitTests", 90, ("binding", 1)));

        Assert.Contains(report.Violations, v => v.Code == DiagnosticCode.PassRateFell && v.Subject == "unit tests");
    }

    [Fact]
    public void A_phase_once_reached_holds_even_when_the_configuration_names_a_lower_one()
    {
        var baseline = Record(Covered(46), Unit());
        baseline.Phase = "2B";

        var report = Judge(baseline, Covered(46), "2A", Unit());

        Assert.Equal("2B", report.Phase);
        Assert.Contains(report.Baseline!.Notes, n => n.Contains("the phase the baseline records as reached"));
        Assert.Contains(report.Violations, v => v.Code == DiagnosticCode.SuiteTooSlow); // a target only 2B sets
    }

    [Fact]
    public void Without_a_baseline_the_run_passes_on_its_targets_and_says_how_to_start_the_ratchet()
    {
        var report = GateEvaluator.Evaluate(new GateInput(MakeConfig(), [Unit()]) { Coverage = Covered(46) });

        Assert.True(report.Passed);
        Assert.False(report.Baseline!.Exists);
        Assert.Contains("dotnet gate baseline", Assert.Single(report.Baseline.Notes));
    }

    [Fact]
    public void A_required_baseline_that_is_missing_fails_closed()
    {
        var config = MakeConfig(Json.Replace("\"phase\": \"2A\"", "\"phase\": \"2A\", \"baseline\": { \"required\": true }"));

        var error = Assert.Throws<QualityGateException>(() => GateEvaluator.Evaluate(new GateInput(config, [Unit()]) { Coverage = Covered(46) }));

        Assert.Equal(DiagnosticCode.BaselineMissing, error.Code);
    }

    [Fact]
    public void A_baseline_recorded_from_other_test_assemblies_is_refused()
    {
        var baseline = Record(Covered(46), Unit(), MakeRun("App.IntegrationTests", 10));

        var error = Assert.Throws<QualityGateException>(() => Judge(baseline, Covered(46), null, MakeRun("App.E2E", 3)));

        Assert.Equal(DiagnosticCode.BaselineScopeMismatch, error.Code);
        Assert.Contains("App.IntegrationTests, App.UnitTests", error.Message);
    }

    [Fact]
    public void The_next_phase_is_announced_when_all_of_its_targets_are_met()
    {
        var strong = MakeCoverage(("src/App/Services/A.cs", 95, 100), ("src/App/Workers/B.cs", 90, 100));

        var fast = MakeRun("App.UnitTests", 100);
        fast.DurationMs = 100;

        var report = GateEvaluator.Evaluate(new GateInput(MakeConfig(), [fast]) { Coverage = strong });

        Assert.Equal((true, "2B"), (report.NextPhaseMet!.Value, report.NextPhase));
    }
}
