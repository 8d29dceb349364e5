using System;
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

public class BaselineUpdaterTests
{
    private static readonly DateTimeOffset Today = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    private static CoverageData Covered(int services) => MakeCoverage(("src/App/Services/A.cs", services, 100), ("src/App/Workers/B.cs", 50, 100));

    private static (BaselineUpdate Update, GateReport Report) Update(BaselineData? old, CoverageData coverage, RecordedRun run, BaselineUpdateOptions? options = null)
    {
        var config = MakeConfig();
        var report = GateEvaluator.Evaluate(new GateInput(config, [run]) { Coverage = coverage, Baseline = old });
        options ??= new BaselineUpdateOptions();
        options.Clock = () => Today;
        return (BaselineUpdater.Update(old, report, config, [run], options), report);
    }

    [Fact]
    public void Tightening_is_always_allowed_fixed_failures_leave_and_known_ones_keep_their_date()
    {
        var old = RatchetTests.Record(Covered(91), MakeRun("App.UnitTests", 95, ("binding", 2)));

        var (update, _) = Update(old, Covered(95), MakeRun("App.UnitTests", 96, ("binding", 1)));

        Assert.Empty(update.Loosened);
        Assert.Equal(95, update.Baseline.Layers["services"].Lines.Covered);
        var known = Assert.Single(update.Baseline.KnownFailures.Values);
        Assert.Equal(("App.UnitTests.T.binding0", "2026-11-01"), (known.Test, known.Since));
        Assert.Equal("2A", update.Baseline.Phase); // the run met 2A, so 2A is reached
    }

    [Fact]
    public void Loosening_is_refused_without_a_reason_and_lists_what_would_loosen()
    {
        var old = RatchetTests.Record(Covered(95), MakeRun("App.UnitTests", 95, ("binding", 1)));

        var error = Assert.Throws<QualityGateException>(() => Update(old, Covered(91), MakeRun("App.UnitTests", 95, ("binding", 1), ("mocking", 1))));

        Assert.Equal(DiagnosticCode.LooseningRefused, error.Code);
        Assert.Contains("layer services lines 95.0 % → 91.0 %", error.Message);
        Assert.Contains("new known failure App.UnitTests.T.mocking0 (mocking)", error.Message);
        Assert.Contains("--allow-loosening --reason", error.Message);
    }

    [Fact]
    public void Loosening_with_a_reason_is_recorded_in_the_baseline_for_review()
    {
        var old = RatchetTests.Record(Covered(95), MakeRun("App.UnitTests", 95));

        var (update, _) = Update(old, Covered(91), MakeRun("App.UnitTests", 95), new BaselineUpdateOptions { AllowLoosening = true, Reason = "Removed the dead export code; its tests went with it." });

        var loosening = Assert.Single(update.Baseline.Loosenings);
        Assert.Equal(("2026-11-21", "Removed the dead export code; its tests went with it."), (loosening.Date, loosening.Reason));
        Assert.Contains("layer services lines 95.0 % → 91.0 %", loosening.Changes);
        Assert.Contains("\"reason\": \"Removed the dead export code; its tests went with it.\"", BaselineFile.Format(update.Baseline));
    }

    [Fact]
    public void Promotion_records_the_next_phase_only_when_all_its_targets_are_met()
    {
        var strong = MakeCoverage(("src/App/Services/A.cs", 95, 100), ("src/App/Workers/B.cs", 90, 100));
        var weak = Covered(91);

        var fast = MakeRun("App.UnitTests", 100);
        fast.DurationMs = 100;

        var (promoted, _) = Update(null, strong, fast, new BaselineUpdateOptions { Promote = true });
        var error = Assert.Throws<QualityGateException>(() => Update(null, weak, MakeRun("App.UnitTests", 100), new BaselineUpdateOptions { Promote = true }));

        Assert.Equal("2B", promoted.Baseline.Phase);
        Assert.Equal(DiagnosticCode.PromotionRefused, error.Code);
        Assert.Contains("dotnet gate check --phase 2B", error.Message);
    }
}
