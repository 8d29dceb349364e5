using System;
using System.Globalization;
using System.IO;
using System.Linq;
using QualityGate.Policy;

namespace QualityGate.Reports;

/// <summary>The Markdown summary: verdict, per-layer table, tests and categories, violations, first failures.</summary>
internal static class MarkdownReport
{
    private const int FailuresPerCategory = 5;
    private const int ViolationsListed = 20;

    public static void Write(GateReport report, TextWriter writer, SourceLinks? links = null)
    {
        links ??= new SourceLinks(report.SourceRoot);
        var verdict = report.Passed ? "✅ **QualityGate: pass**" : $"❌ **QualityGate: fail** — {report.Violations.Count} violation{(report.Violations.Count == 1 ? string.Empty : "s")}";
        writer.WriteLine($"{verdict}{(report.Phase is null ? string.Empty : $" (phase `{MarkdownText.Escape(report.Phase)}`{(report.NextPhase is null ? string.Empty : $", next: `{MarkdownText.Escape(report.NextPhase)}`")})")}");
        writer.WriteLine();
        if (report.Scope.Count > 0)
        {
            writer.WriteLine($"Scope: {MarkdownText.Escape(report.ScopeText)}.");
            writer.WriteLine();
        }

        if (report.NextPhaseMet == true)
        {
            writer.WriteLine($"🎯 Every target of the next phase, `{MarkdownText.Escape(report.NextPhase)}`, is already met: record it with `dotnet gate baseline --promote`.");
            writer.WriteLine();
        }
        else if (report.NextPhaseGaps.Count > 0)
        {
            writer.WriteLine($"Progress to `{MarkdownText.Escape(report.NextPhase)}`: {report.NextPhaseGaps.Count} target{(report.NextPhaseGaps.Count == 1 ? string.Empty : "s")} still to reach — " +
                             string.Join(" · ", report.NextPhaseGaps.Take(3).Select(g => MarkdownText.Escape(Short(g.Message), 160))) +
                             (report.NextPhaseGaps.Count > 3 ? $" · and {report.NextPhaseGaps.Count - 3} more." : "."));
            writer.WriteLine();
        }

        if (report.Total is not null)
        {
            writer.WriteLine("| layer | lines | line rate | branches | branch rate | target | status |");
            writer.WriteLine("|---|---:|---:|---:|---:|---|---|");
            foreach (var layer in report.Layers.Append(report.Total).Concat(report.Unlayered is { Files: > 0 } ? [report.Unlayered] : []))
            {
                writer.WriteLine(
                    $"| {MarkdownText.Escape(layer.Name)} | {layer.Lines.Covered}/{layer.Lines.Valid} | {RateText.Percent(layer.Lines.Rate)} | " +
                    $"{layer.Branches.Covered}/{layer.Branches.Valid} | {RateText.Percent(layer.Branches.Rate)} | {Target(layer.Target)} | {Status(layer)} |");
            }

            writer.WriteLine();
        }

        writer.WriteLine($"**Tests:** {report.TestsTotal} — {report.TestsPassed} passed, {report.TestsFailed} failed, {report.TestsSkipped} skipped; " +
                         $"pass rate {RateText.Percent(report.PassRate)}{(report.PassRateTarget is { } p ? $" (target {RateText.Percent(p)})" : string.Empty)}; " +
                         FormattableString.Invariant($"{report.DurationSeconds:0.0} s{(report.MaxDurationSeconds is { } d ? FormattableString.Invariant($" (budget {d:0.#} s)") : string.Empty)}."));
        writer.WriteLine();

        if (report.TestLayers.Count > 0)
        {
            writer.WriteLine("| test layer | passed | failed | pass rate | target | status |");
            writer.WriteLine("|---|---:|---:|---:|---|---|");
            foreach (var layer in report.TestLayers)
            {
                writer.WriteLine($"| {MarkdownText.Escape(layer.Name)} | {layer.Passed} | {layer.Failed} | {RateText.Percent(layer.PassRate)} | " +
                                 $"{(layer.Target?.PassRate is { } t ? "≥ " + RateText.Percent(t) : "—")} | {(layer.Met ? "✅" : "❌")} |");
            }

            writer.WriteLine();
        }

        // A test that rounds to 0.00 s tells the reader nothing about where the time goes.
        if (report.SlowestTests.Count > 0 && report.SlowestTests[0].DurationMs >= 5)
        {
            writer.WriteLine("Slowest: " + string.Join(", ", report.SlowestTests.Where(t => t.DurationMs >= 5)
                .Select(t => $"{MarkdownText.Escape(t.Name, 120)} ({(t.DurationMs / 1000).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} s)")) + ".");
            writer.WriteLine();
        }

        if (report.Violations.Count > 0)
        {
            writer.WriteLine("**Violations**");
            writer.WriteLine();
            foreach (var violation in report.Violations.Take(ViolationsListed))
            {
                writer.WriteLine($"- `{violation.Code}` {MarkdownText.Escape(GapMarkdown.WithoutPlan(violation), 400)}");
            }

            if (report.Violations.Count > ViolationsListed)
            {
                writer.WriteLine($"- … and {report.Violations.Count - ViolationsListed} more (all are in qualitygate-report.json)");
            }

            writer.WriteLine();
        }

        GapMarkdown.Write(report, links, writer);
        if (report.Patch is { } patch)
        {
            WritePatch(report, patch, writer);
        }

        if (report.Baseline is { } baseline)
        {
            BaselineMarkdown.Write(baseline, writer);
        }

        if (report.Categories.Count > 0)
        {
            writer.WriteLine("| failure category | failed | budget | status |");
            writer.WriteLine("|---|---:|---:|---|");
            foreach (var category in report.Categories)
            {
                writer.WriteLine($"| {MarkdownText.Escape(category.Name)} | {category.Count} | {(category.Budget?.ToString(CultureInfo.InvariantCulture) ?? "—")} | {(category.Met ? "✅" : "❌")} |");
            }

            writer.WriteLine();
            RootCauseMarkdown.Write(report, writer);
            foreach (var group in report.Failures.GroupBy(f => f.Category))
            {
                var failures = group.ToList();
                writer.WriteLine($"<details><summary>{MarkdownText.Escape(group.Key)}: {failures.Count} failing</summary>");
                writer.WriteLine();
                foreach (var failure in failures.Take(FailuresPerCategory))
                {
                    var where = failure.File is null ? string.Empty : $" — {GapMarkdown.Link(links, failure.File, failure.Line, showLine: true)}";
                    writer.WriteLine($"- {MarkdownText.Escape(failure.Name)}{where}");
                    if (failure.Hint is not null)
                    {
                        writer.WriteLine($"  {MarkdownText.Escape(failure.Hint, 300)}");
                    }
                }

                if (failures.Count > FailuresPerCategory)
                {
                    writer.WriteLine($"- … and {failures.Count - FailuresPerCategory} more");
                }

                writer.WriteLine();
                writer.WriteLine("</details>");
                writer.WriteLine();
            }
        }

        FileTableMarkdown.Write(report, links, writer);
    }

    private static void WritePatch(GateReport report, Patch.PatchResult patch, TextWriter writer)
    {
        if (patch.NoCoverableLines)
        {
            writer.WriteLine($"**Patch coverage:** the change ({patch.ChangedFiles} file{(patch.ChangedFiles == 1 ? string.Empty : "s")}) touches no coverable line, so patch coverage does not apply.");
        }
        else
        {
            writer.WriteLine($"**Patch coverage:** {patch.Lines.Covered} of {patch.Lines.Valid} changed lines covered ({RateText.Percent(patch.Lines.Rate)})" +
                             $"{(report.PatchTarget is { } t ? $", target {RateText.Percent(t)}" : string.Empty)}.");
        }

        writer.WriteLine();
        if (patch.Uncovered.Count > 0)
        {
            writer.WriteLine("Uncovered changed lines: " + string.Join(", ", patch.Uncovered.Take(30).Select(r => "`" + MarkdownText.Escape(r.ToString()).Replace("`", string.Empty) + "`")) +
                             (patch.Uncovered.Count > 30 ? $" and {patch.Uncovered.Count - 30} more" : string.Empty));
            writer.WriteLine();
        }

        if (patch.NotInCoverage.Count > 0)
        {
            writer.WriteLine("Changed source files not in the coverage report (not built by the tests, or excluded): " + string.Join(", ", patch.NotInCoverage.Take(20).Select(f => MarkdownText.Escape(f))));
            writer.WriteLine();
        }

        if (patch.Renamed.Count > 0)
        {
            writer.WriteLine("Renamed: " + string.Join(", ", patch.Renamed.Take(20).Select(r => MarkdownText.Escape(r))));
            writer.WriteLine();
        }
    }

    /// <summary>A violation's message up to its gap: "total: line coverage 66.3 % &lt; 70.0 % required by 2B".</summary>
    private static string Short(string message)
    {
        var gap = message.IndexOf(" (gap", StringComparison.Ordinal);
        return (gap > 0 ? message.Substring(0, gap) : message).TrimEnd('.');
    }


    private static string Target(CoverageTarget? target) => target is { IsSet: true } ? target.Describe() : "—";

    private static string Status(LayerResult layer) => layer.Target is not { IsSet: true } ? string.Empty : layer.Met ? "✅" : "❌";
}
