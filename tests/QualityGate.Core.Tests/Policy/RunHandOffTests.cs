using System.IO;
using QualityGate.Diagnostics;
using QualityGate.Policy;
using QualityGate.Recording;
using QualityGate.Results;
using Xunit;

namespace QualityGate.Tests.Policy;

/// <summary>The gate judges exactly the file the build told this run's logger to write, written by this run.</summary>
public class RunHandOffTests
{
    [Fact]
    public void A_run_that_wrote_nothing_is_refused_with_what_happened_and_what_to_do()
    {
        using var temp = new TempFolder();

        var error = Assert.Throws<QualityGateException>(() => RunHandOff.Read(Path.Combine(temp.Path, "App.Tests.net10.0.qualitygate.json"), "abc"));

        Assert.Equal(DiagnosticCode.ResultsNotRecorded, error.Code);
        Assert.Contains("no earlier results are judged", error.Message);
    }

    [Fact]
    public void A_file_an_earlier_run_left_at_the_same_path_is_refused()
    {
        using var temp = new TempFolder();
        var written = Write(temp, "earlier");

        var error = Assert.Throws<QualityGateException>(() => RunHandOff.Read(written, "now"));

        Assert.Equal(DiagnosticCode.ResultsFromAnotherRun, error.Code);
        Assert.Contains("run earlier, this build's run is now", error.Message);
        Assert.Equal("now", Assert.IsType<RecordedRun>(RunHandOff.Read(Write(temp, "now"), "now")).RunId);
    }

    [Fact]
    public void The_run_id_the_build_hands_to_the_logger_is_validated_and_recorded()
    {
        var options = LoggerParameters.Parse(new System.Collections.Generic.Dictionary<string, string?> { ["runid"] = "0f1e2d" });
        Assert.Equal("0f1e2d", options.RunId);

        var error = Assert.Throws<QualityGateException>(() => LoggerParameters.Parse(new System.Collections.Generic.Dictionary<string, string?> { ["RunId"] = "../x" }));
        Assert.Equal(DiagnosticCode.LoggerInvalidParameter, error.Code);
    }

    private static string Write(TempFolder temp, string runId)
    {
        using var recorder = new RunRecorder(new RecorderOptions(temp.Path, "net10.0") { RunId = runId }, TextWriter.Null);
        recorder.Record(new ReportedResult("/bin/App.Tests.dll", "App.Tests.T.M", "App.Tests.T.M", TestOutcome.Passed));
        return Assert.Single(recorder.Complete(new RunCompletion()));
    }
}
