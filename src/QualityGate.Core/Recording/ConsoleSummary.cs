using System.IO;
using System.Linq;
using QualityGate.Results;

namespace QualityGate.Recording;

/// <summary>The end-of-run console summary: counts, categories, and the first failures of each with file:line and hint.</summary>
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
            $"QualityGate: {run.Assembly} ({run.TargetFramework}): {summary.Total} tests, {summary.Passed} passed, " +
            $"{summary.Failed} failed, {summary.Skipped} skipped" + (summary.None > 0 ? $", {summary.None} without outcome" : string.Empty));
        if (run.Aborted)
        {
            console.WriteLine($"  RUN ABORTED ({QualityGate.Diagnostics.DiagnosticCode.RunAborted}): {ConsoleText.OneLine(run.AbortReason ?? "the test platform gave no reason")}");
        }

        if (assembly.ConfigError is not null)
        {
            console.WriteLine($"  configuration NOT used, defaults applied: {ConsoleText.OneLine(assembly.ConfigError)}");
        }

        if (summary.Categories.Count > 0)
        {
            console.WriteLine("  failures by category: " + string.Join(", ", summary.Categories.Select(c => $"{c.Key} {c.Value}")));
        }

        if (options.Verbosity >= Verbosity.Normal)
        {
            foreach (var pair in summary.Categories)
            {
                var examples = assembly.Examples[pair.Key];
                console.WriteLine($"  {pair.Key} ({pair.Value}): {examples[0].Failure!.Hint}");
                foreach (var example in examples)
                {
                    var where = example.Failure!.Location?.ToString() ?? example.Source?.ToString();
                    console.WriteLine($"    {ConsoleText.OneLine(example.DisplayName, 160)}{(where is null ? string.Empty : "  " + ConsoleText.OneLine(where))}");
                    if (options.Verbosity == Verbosity.Detailed || example.Failure.Hint != examples[0].Failure!.Hint)
                    {
                        console.WriteLine($"      {ConsoleText.OneLine(example.Failure.Message, 200)}");
                    }
                }

                if (pair.Value > examples.Count)
                {
                    console.WriteLine($"    … and {pair.Value - examples.Count} more");
                }
            }
        }

        console.WriteLine($"  results: {assembly.Writer.Path}");
        console.Flush();
    }
}
