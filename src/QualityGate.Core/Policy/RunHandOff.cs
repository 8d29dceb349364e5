using System.IO;
using QualityGate.Diagnostics;
using QualityGate.Results;

namespace QualityGate.Policy;

/// <summary>
/// The gate's side of the hand-off from a test run: the build decided the results file and the run's identity before
/// the tests started, and the gate judges exactly that file, written by exactly that run — never a file an earlier
/// run left at the same path.
/// </summary>
internal static class RunHandOff
{
    public static RecordedRun Read(string resultsFile, string expectedRunId)
    {
        if (!File.Exists(resultsFile))
        {
            throw new QualityGateException(
                DiagnosticCode.ResultsNotRecorded,
                "this run's tests recorded no results here: the gate logger did not finish (the test run was stopped or " +
                "killed, the logger could not start, or the results folder could not be written; see the messages above). " +
                "Fix that and run the tests again; no earlier results are judged in this run's place.",
                resultsFile);
        }

        var run = ResultsFileReader.Read(resultsFile);
        if (run.RunId != expectedRunId)
        {
            throw new QualityGateException(
                DiagnosticCode.ResultsFromAnotherRun,
                $"this results file was written by another test run (run {run.RunId ?? "without an id"}, this build's run is {expectedRunId}): " +
                "this run recorded nothing of its own here (the test run was stopped, killed or could not write). " +
                "Fix that and run the tests again; an earlier run's results are never judged.",
                resultsFile);
        }

        return run;
    }
}
