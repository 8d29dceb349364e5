using System.IO;
using System.Linq;
using System.Text.Json;
using QualityGate.Tasks;
using QualityGate.Tests;
using Xunit;

namespace QualityGate.AdapterTests;

/// <summary>
/// The ratchet through QualityGateCheck's Execute: a baseline recorded from a run with one known failure (F0) holds the
/// runs after it. Were real 'dotnet test' runs of the gate fixture (BaselineBuildTests), which keeps what only a real
/// build proves: the MSBuild properties reach the task, a baseline is recorded, read, held and written with a reason.
/// </summary>
public class BaselineTaskTests
{
    private const string Plan = """{ "phases": [ { "name": "met", "passRate": 50 } ] }""";

    [Fact]
    public void A_new_failing_test_fails_the_build_while_the_known_failure_does_not()
    {
        using var temp = new TempFolder();
        var baseline = Record(temp);
        var (task, engine) = Task(temp, "broken", ["P0", "P1", "P2"], ["F0", "F1"], baseline);

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors, e => e.Code == "QG5003");
        Assert.StartsWith("new failing test (assertion): App.Tests.T.F1 — the baseline does not know it", error.Message, System.StringComparison.Ordinal);
        Assert.Contains(engine.Errors, e => e.Code == "QG5004"); // and the pass rate fell
        Assert.DoesNotContain(engine.Errors.Select(e => e.Message).Concat(engine.Warnings.Select(w => w.Message)), m => m!.Contains("T.F0", System.StringComparison.Ordinal));
        Assert.Equal("App.Tests.T.F0", Assert.Single(Report(task).GetProperty("baseline").GetProperty("knownFailures").EnumerateArray()).GetProperty("test").GetString());
    }

    [Fact]
    public void A_fixed_known_failure_passes_and_is_reported_and_an_update_locks_it_in()
    {
        using var temp = new TempFolder();
        var baseline = Record(temp);
        var (task, engine) = Task(temp, "fixed", ["P0", "P1", "P2", "F0"], [], baseline);

        Assert.True(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));

        var fixedTest = Assert.Single(Report(task).GetProperty("baseline").GetProperty("fixedFailures").EnumerateArray());
        Assert.Equal("App.Tests.T.F0", fixedTest.GetProperty("test").GetString());
        Assert.Contains("Fixed since the baseline", File.ReadAllText(task.MarkdownReportPath!));

        var (update, updateEngine) = Task(temp, "fixed-update", ["P0", "P1", "P2", "F0"], [], baseline);
        update.UpdateBaseline = true;

        Assert.True(update.Execute(), string.Join("\n", updateEngine.Errors.Select(e => e.Message)));
        Assert.DoesNotContain("App.Tests.T.F0", File.ReadAllText(baseline));
    }

    [Fact]
    public void An_update_that_loosens_is_refused_without_a_reason_and_leaves_the_baseline_as_it_was()
    {
        using var temp = new TempFolder();
        var baseline = Record(temp);
        var before = File.ReadAllText(baseline);
        var (task, engine) = Task(temp, "loosens", ["P0", "P1"], ["F0", "P2"], baseline);
        task.UpdateBaseline = true;
        task.AllowLoosening = true; // a reason is needed as well

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors, e => e.Code == "QG5008");
        Assert.StartsWith("the update would loosen the baseline: ", error.Message, System.StringComparison.Ordinal);
        Assert.Contains("new known failure App.Tests.T.P2 (assertion)", error.Message, System.StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(baseline));
    }

    // The baseline recorded from a run of P0–P2 passing and F0 failing: F0 is its one known failure.
    private static string Record(TempFolder temp)
    {
        var baseline = Path.Combine(temp.Path, "qualitygate.baseline.json");
        var (task, engine) = Task(temp, "record", ["P0", "P1", "P2"], ["F0"], baseline);
        task.UpdateBaseline = true;
        Assert.True(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));
        Assert.Contains("\"test\": \"App.Tests.T.F0\"", File.ReadAllText(baseline));
        return baseline;
    }

    private static (QualityGateCheck Task, FakeBuildEngine Engine) Task(TempFolder temp, string runId, string[] passed, string[] failed, string baseline)
    {
        var (task, engine) = RecordedRun.Judged(temp, RecordedRun.Write(temp, runId, passed, failed), runId, Plan);
        task.Phase = "met";
        task.BaselineFile = baseline;
        task.JsonReportPath = Path.Combine(temp.Path, runId, "report.json");
        task.MarkdownReportPath = Path.Combine(temp.Path, runId, "report.md");
        return (task, engine);
    }

    private static JsonElement Report(QualityGateCheck task)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(task.JsonReportPath!));
        return document.RootElement.Clone();
    }
}
