using System.Linq;
using QualityGate.Diagnostics;
using QualityGate.Policy;
using QualityGate.Results;
using Xunit;
using static QualityGate.Tests.Policy.GateFixture;

namespace QualityGate.Tests.Baseline;

/// <summary>One baseline for the solution serves each project's gate: each judges its own slice, and says so.</summary>
public class BaselineSliceTests
{
    [Fact]
    public void A_projects_gate_takes_its_slice_of_the_solutions_baseline_instead_of_refusing_it()
    {
        var unit = MakeRun("App.UnitTests", 95, ("binding", 1));
        var integration = MakeRun("App.IntegrationTests", 20, ("async", 1));
        var solution = RatchetTests.Record(MakeCoverage(("src/App/Services/PriceService.cs", 46, 50), ("src/App/Workers/ReportWorker.cs", 30, 60)), unit, integration);

        // The unit tests alone cover less than the solution did: not a fall, a part.
        var report = Judge(solution, MakeRun("App.UnitTests", 95, ("binding", 1)), services: 40);

        Assert.DoesNotContain(report.Violations, v => v.Code is DiagnosticCode.BaselineScopeMismatch or DiagnosticCode.CoverageFell or DiagnosticCode.NewFailure or DiagnosticCode.PassRateFell);
        Assert.Equal(["App.UnitTests"], report.Baseline!.Slice);
        Assert.Contains(report.Baseline.Notes, n => n.Contains("this project's slice of the solution's baseline (App.UnitTests of 2 test assemblies)", System.StringComparison.Ordinal));
        Assert.Empty(report.Baseline.GoneFailures); // the integration tests' known failure is not this gate's to call gone
    }

    [Fact]
    public void A_new_failure_in_a_projects_slice_still_fails_its_gate()
    {
        var solution = RatchetTests.Record(MakeCoverage(("src/App/Services/PriceService.cs", 46, 50), ("src/App/Workers/ReportWorker.cs", 30, 60)),
            MakeRun("App.UnitTests", 95, ("binding", 1)), MakeRun("App.IntegrationTests", 20));

        var report = Judge(solution, MakeRun("App.UnitTests", 95, ("binding", 2)), services: 46);

        Assert.Contains(report.Violations, v => v.Code == DiagnosticCode.NewFailure && v.Message.Contains("App.UnitTests.T.binding1", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_run_with_a_project_the_baseline_does_not_know_is_refused_with_what_to_do()
    {
        var solution = RatchetTests.Record(MakeCoverage(("src/App/Services/PriceService.cs", 46, 50), ("src/App/Workers/ReportWorker.cs", 30, 60)), MakeRun("App.UnitTests", 95));

        var error = Assert.Throws<QualityGateException>(() => Judge(solution, MakeRun("App.E2E", 5), services: 46));

        Assert.Equal(DiagnosticCode.BaselineScopeMismatch, error.Code);
        Assert.Contains("record the baseline again with 'dotnet gate baseline'", error.Message);
    }

    private static QualityGate.Reports.GateReport Judge(QualityGate.Baseline.BaselineData baseline, RecordedRun run, int services) =>
        GateEvaluator.Evaluate(new GateInput(MakeConfig(), [run])
        {
            Baseline = baseline,
            Coverage = MakeCoverage(("src/App/Services/PriceService.cs", services, 50), ("src/App/Workers/ReportWorker.cs", 30, 60)),
            JudgeNextPhase = false,
        });
}
