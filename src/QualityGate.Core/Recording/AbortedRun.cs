using System.Collections.Generic;
using System.IO;
using QualityGate.Categorization;
using QualityGate.Results;

namespace QualityGate.Recording;

/// <summary>
/// Writes the results file of a run whose test host died before writing it: marked aborted, with what the host had
/// spooled and one crash entry per test that was running. Used by a process that outlived the host (the MTP
/// controller); a crashed run must never be mistaken for a complete one, nor vanish.
/// </summary>
internal static class AbortedRun
{
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

        foreach (var (name, displayName) in running)
        {
            writer.Add(new TestResultRecord(name, displayName, TestOutcome.Failed)
            {
                Failure = new FailureRecord(Categories.Crash, "crash/test-host", hint) { Message = run.AbortReason },
            });
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
