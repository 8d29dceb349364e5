using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using QualityGate.Diagnostics;
using QualityGate.Recording;
using QualityGate.Results;

namespace QualityGate.TestingPlatform;

/// <summary>What the controller finds when the test host has gone: a completed results file, or a run to record as aborted.</summary>
internal static class HostOutcome
{
    public const string CrashHint =
        "The test host died while this test ran (stack overflow, Environment.FailFast, a native crash): run it alone, with --crashdump (Microsoft.Testing.Extensions.CrashDump) for a dump.";

    /// <summary>
    /// Makes sure the run's results file exists and is this run's: if the host did not complete it, writes it as
    /// aborted (with what was spooled and the tests that were running). Returns the message to show, or null.
    /// </summary>
    public static string? Settle(RunIdentity identity, (string Name, string Path, string Framework) app, GateOptions options, int exitCode, bool graceful, DateTimeOffset started, DateTimeOffset finished)
    {
        if (ResultsFileHeader.ReadRunId(identity.ResultsFile) == identity.RunId)
        {
            RunFiles.Delete(identity.SpoolFile);
            return null;
        }

        var running = RunningTestsJournal.Read(identity.JournalFile);
        var code = graceful ? DiagnosticCode.ResultsOfAnotherRun : DiagnosticCode.HostCrashed;
        var reason = graceful
            ? $"The test host exited (exit code {Code(exitCode)}) without completing the results file of this run."
            : $"The test host process exited unexpectedly (exit code {Code(exitCode)}) before the run completed: Environment.FailFast, a stack overflow or a native crash."
              + (running.Count > 0
                  ? " Running at the time, as far as the test framework had reported: " + string.Join(", ", Names(running)) + "."
                  : " The test framework had reported no test running at the time.");
        var run = new RunInfo(app.Name, app.Framework)
        {
            RunId = identity.RunId,
            AssemblyPath = app.Path,
            Shard = options.ShardName,
            StartTime = started,
            FinishTime = finished,
            Aborted = true,
            AbortReason = reason,
            ConfigPath = options.ConfigPath ?? Configuration.ConfigLoader.Find(AppContext.BaseDirectory),
            Errors = [$"{code}: {reason}"],
        };
        var summary = AbortedRun.Write(identity.ResultsFile, identity.SpoolFile, run, running, CrashHint);
        return $"{identity.ResultsFile}: error {code}: {reason} The run is recorded as aborted ({summary.Total} results, {summary.Failed} failed, " +
               $"{Pluralize(running.Count, "crash", "crashes")}); no gate passes an aborted run.";
    }

    /// <summary>
    /// The results file of a host that exited with the platform's "test session failure" records the failure as a
    /// run error the gate refuses: the framework's own message went to the console only, and without it a later
    /// 'dotnet gate check' of the file would pass a run whose framework gave up on tests. Called after
    /// <see cref="Settle"/>, so the file is this run's (a file Settle wrote as aborted is refused already).
    /// </summary>
    public static bool RecordSessionFailure(RunIdentity identity, int exitCode)
    {
        if (exitCode != ExitCodes.TestSessionFailed || ResultsFileHeader.ReadRunId(identity.ResultsFile) != identity.RunId)
        {
            return false;
        }

        ResultsFileHeader.AddErrors(identity.ResultsFile, [LostTests.SessionFailure]);
        return true;
    }

    /// <summary>
    /// Adds the coverage reports written into the results folder during the run (coverlet.MTP writes its report in the
    /// controller after the host exits, and publishes no artifact) to the results file, as the VSTest logger records
    /// coverlet.collector's attachment.
    /// </summary>
    public static string? AttachCoverage(RunIdentity identity, DateTimeOffset started)
    {
        var directory = Path.GetDirectoryName(identity.ResultsFile)!;
        if (!Directory.Exists(directory) || !File.Exists(identity.ResultsFile))
        {
            return null;
        }

        var found = new List<RunAttachment>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.xml", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(file);
            if ((name.Contains("cobertura", StringComparison.OrdinalIgnoreCase) || name.Contains("opencover", StringComparison.OrdinalIgnoreCase))
                && File.GetLastWriteTimeUtc(file) >= started.UtcDateTime.AddSeconds(-1))
            {
                found.Add(new RunAttachment(Path.GetFullPath(file), "coverage report written during the run", "coverlet.MTP"));
            }
        }

        if (found.Count > 1)
        {
            // Runs sharing a results folder (a solution's projects in parallel) write theirs there too: which is this
            // run's cannot be told, and a wrong one would pass the gate on another project's coverage.
            found.Sort((x, y) => string.CompareOrdinal(x.Path, y.Path));
            return $"warning {DiagnosticCode.CoverageAmbiguous}: {found.Count} coverage reports were written into {directory} while this run went " +
                   "(runs sharing a results folder): none is attached, so the gate sees no coverage. Give each test project its own " +
                   "--results-directory, or pass the reports to 'dotnet gate check --coverage'.";
        }

        ResultsFileHeader.AddAttachments(identity.ResultsFile, found);
        return null;
    }

    private static string Code(int exitCode) => exitCode.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<string> Names(IReadOnlyList<(string Name, string DisplayName)> running)
    {
        foreach (var (_, displayName) in running)
        {
            yield return Recording.ConsoleText.OneLine(displayName, 200);
        }
    }

    private static string Pluralize(int count, string one, string many) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);
}
