using System.IO;
using System.Linq;
using QualityGate.Results;

namespace QualityGate.Recording;

/// <summary>
/// The end-of-run console summary: counts, then each category as its root causes ("binding: 45 failures, 2 root
/// causes"), the largest first, each with where it fails, what to do and the first tests it breaks.
/// </summary>
internal static class ConsoleSummary
{
    public static void Write(TextWriter output, RunInfo run, AssemblyRecording assembly, RecorderOptions options)
    {
        var console = Output.GuardedWriter.Over(output);
        var summary = assembly.Writer.Summary;
        if (options.Verbosity == Verbosity.Quiet)
        {
            console.WriteLine($"QualityGate results: {assembly.Writer.Path}");
            console.Flush();
            return;
        }

        console.WriteLine();
        console.WriteLine(
            $"QualityGate: {run.Assembly} ({run.TargetFramework}): {Plural(summary.Total, "test")}, {summary.Passed} passed, " +
            $"{summary.Failed} failed, {summary.Skipped} skipped" + (summary.None > 0 ? $", {summary.None} without outcome" : string.Empty));
        if (run.Aborted)
        {
            console.WriteLine($"  RUN ABORTED ({QualityGate.Diagnostics.DiagnosticCode.RunAborted}): {ConsoleText.OneLine(run.AbortReason ?? "the test platform gave no reason")}");
            if (assembly.UnnamedCrash is not null)
            {
                console.WriteLine($"  {ConsoleText.OneLine(assembly.UnnamedCrash, 600)}");
            }
        }

        if (assembly.ConfigError is not null)
        {
            console.WriteLine($"  configuration NOT used, defaults applied: {ConsoleText.OneLine(assembly.ConfigError)}");
        }

        if (summary.Categories.Count > 0)
        {
            console.WriteLine("  failures by category: " + string.Join(", ", summary.Categories.Select(c => $"{c.Key} {c.Value}")));
        }

        var rootCauses = summary.RootCauses;
        foreach (var pair in summary.Categories)
        {
            var causes = rootCauses.TryGetValue(pair.Key, out var n) ? n : 0;
            console.WriteLine($"  {ConsoleText.OneLine(pair.Key)}: {Plural(pair.Value, "failure")}, {Plural(causes, "root cause")}");
            if (options.Verbosity < Verbosity.Normal || !assembly.RootCauses.TryGetValue(pair.Key, out var tallies))
            {
                continue;
            }

            var shown = tallies.Values.OrderByDescending(t => t.Count).Take(assembly.RootCausesShown).ToList();
            foreach (var tally in shown)
            {
                var failure = tally.First.Failure!;
                var where = failure.Location?.ToString() ?? tally.First.Source?.ToString();
                console.WriteLine($"    {Plural(tally.Count, "failure")}: {ConsoleText.OneLine(RootCauseTally.Describe(tally.Key), 200)}" +
                                  (where is null ? string.Empty : "  " + ConsoleText.OneLine(where)));
                console.WriteLine($"      {ConsoleText.OneLine(failure.Hint)}");
                if (options.Verbosity == Verbosity.Detailed && failure.Message is not null)
                {
                    console.WriteLine($"      {ConsoleText.OneLine(failure.Message, 200)}");
                }

                if (failure.Attribution is not null)
                {
                    console.WriteLine($"      named because {ConsoleText.OneLine(failure.Attribution)}");
                }

                var more = tally.Count - tally.Tests.Count;
                console.WriteLine("      " + string.Join(", ", tally.Tests.Select(t => ConsoleText.OneLine(t, 160))) +
                                  (more > 0 ? $" … and {more} more" : string.Empty));
            }

            if (causes > shown.Count)
            {
                console.WriteLine($"    … and {causes - shown.Count} more root causes (all in the results file)");
            }
        }

        console.WriteLine($"  results: {assembly.Writer.Path}");
        if (run.ConfigPath is null && assembly.ConfigError is null)
        {
            // Without a plan there is nothing to judge: the run is recorded and the build behaves as plain 'dotnet test'.
            console.WriteLine("  no qualitygate.json, so no gate: 'dotnet gate init' proposes a plan and a baseline from this run");
        }

        console.Flush();
    }

    private static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? string.Empty : "s")}";
}
