using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace QualityGate.Reports;

/// <summary>The baseline part of the Markdown summary: before → after → Δ, files that moved most, failures by kind.</summary>
internal static class BaselineMarkdown
{
    private const int FailuresListed = 10;

    public static void Write(BaselineComparison baseline, TextWriter writer)
    {
        writer.WriteLine($"**Baseline** ({MarkdownText.Escape(Path.GetFileName(baseline.Path))}{(baseline.Phase is null ? string.Empty : $", phase `{MarkdownText.Escape(baseline.Phase)}` reached")})");
        writer.WriteLine();
        foreach (var note in baseline.Notes)
        {
            writer.WriteLine($"> {MarkdownText.Escape(note, 400)}");
            writer.WriteLine();
        }

        if (!baseline.Exists)
        {
            return;
        }

        if (baseline.Layers.Count + baseline.PassRates.Count > 0)
        {
            writer.WriteLine("| measure | before | after | Δ |");
            writer.WriteLine("|---|---:|---:|---:|");
            foreach (var change in baseline.Layers)
            {
                writer.WriteLine($"| {MarkdownText.Escape(change.Name)} lines | {RateText.Percent(change.Before)} | {RateText.Percent(change.After)} | {RateText.Change(change.Delta)} |");
            }

            foreach (var change in baseline.PassRates)
            {
                writer.WriteLine($"| {MarkdownText.Escape(change.Name)} pass rate | {RateText.Percent(change.Before)} | {RateText.Percent(change.After)} | {RateText.Change(change.Delta)} |");
            }

            writer.WriteLine();
        }

        Files(writer, "Files that gained most", baseline.FilesGained);
        Files(writer, "Files that lost most", baseline.FilesLost);

        var categories = baseline.NewFailures.Select(f => f.Category)
            .Concat(baseline.KnownFailures.Select(f => f.Category))
            .Concat(baseline.FixedFailures.Select(f => f.Category))
            .Distinct().OrderBy(c => c, System.StringComparer.Ordinal).ToList();
        if (categories.Count > 0)
        {
            writer.WriteLine("| failures | new | known | fixed |");
            writer.WriteLine("|---|---:|---:|---:|");
            foreach (var category in categories)
            {
                writer.WriteLine($"| {MarkdownText.Escape(category)} | {baseline.NewFailures.Count(f => f.Category == category)} | " +
                                 $"{baseline.KnownFailures.Count(f => f.Category == category)} | {baseline.FixedFailures.Count(f => f.Category == category)} |");
            }

            writer.WriteLine();
        }

        List(writer, "New failures (they fail the build)", baseline.NewFailures);
        List(writer, "Fixed since the baseline (update it to lock them in)", baseline.FixedFailures);
        if (baseline.GoneFailures.Count > 0)
        {
            writer.WriteLine($"{baseline.GoneFailures.Count} known failure(s) belong to tests this run did not have; they are dropped at the next update.");
            writer.WriteLine();
        }
    }

    private static void Files(TextWriter writer, string title, List<Change> files)
    {
        if (files.Count == 0)
        {
            return;
        }

        writer.WriteLine($"{title}: " + string.Join(", ", files.Select(f => $"{MarkdownText.Escape(f.Name)} {RateText.Percent(f.Before)} → {RateText.Percent(f.After)}")));
        writer.WriteLine();
    }

    private static void List(TextWriter writer, string title, List<FailedTest> failures)
    {
        if (failures.Count == 0)
        {
            return;
        }

        writer.WriteLine($"<details><summary>{title}: {failures.Count}</summary>");
        writer.WriteLine();
        foreach (var failure in failures.Take(FailuresListed))
        {
            writer.WriteLine($"- {MarkdownText.Escape(failure.Category)}: {MarkdownText.Escape(failure.Name)}");
        }

        if (failures.Count > FailuresListed)
        {
            writer.WriteLine($"- … and {failures.Count - FailuresListed} more");
        }

        writer.WriteLine();
        writer.WriteLine("</details>");
        writer.WriteLine();
    }


}
