using System.Collections.Generic;
using System.IO;
using QualityGate.Results;

namespace QualityGate.Recording;

/// <summary>
/// Writes the results file of a run whose test host died before writing it: marked aborted, with what the host had
/// spooled and one crash entry per test that was running. Used by a process that outlived the host (the MTP
/// controller); a crashed run must never be mistaken for a complete one, nor vanish.
/// </summary>
internal static class AbortedRun
{
    public const string RunningAttribution = "the test framework had reported it running, and no result, when the host died";

    public static RunSummary Write(string resultsFile, string? spoolFile, RunInfo run, IReadOnlyList<(string Name, string DisplayName)> running, string hint)
    {
        using var writer = new ResultsFileWriter(resultsFile);
        if (spoolFile is not null)
        {
            foreach (var recovered in SpoolRecovery.Read(spoolFile))
            {
                writer.Add(recovered);
            }
        }

        // The same crash entry as under VSTest (rule by what killed the host, root cause per test, how it was named).
        var completion = new RunCompletion { Aborted = true, AbortReason = run.AbortReason };
        foreach (var (name, displayName) in running)
        {
            writer.Add(CrashReport.Record(new CrashedTest(name, displayName, RunningAttribution), completion, hint));
        }

        var summary = writer.Summary;
        writer.Complete(run);
        if (spoolFile is not null)
        {
            try
            {
                File.Delete(spoolFile);
            }
            catch (IOException)
            {
                // A leftover spool is harmless: the results file now says what happened.
            }
        }

        return summary;
    }
}
