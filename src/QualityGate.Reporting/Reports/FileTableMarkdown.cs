using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using QualityGate.Gaps;

namespace QualityGate.Reports;

/// <summary>
/// The per-layer file tables of the Markdown summary, each in a collapsed section: lines, rate, branches and, against
/// a baseline, before → after → Δ. Capped per layer and in all, so a 3,000-file report still fits a step summary.
/// </summary>
internal static class FileTableMarkdown
{
    internal const int RowsPerLayer = 25;
    internal const int RowsInAll = 150;
    private const int SpansListed = 8;

    public static void Write(GateReport report, SourceLinks links, TextWriter writer)
    {
        var layers = Layers(report).ToList();
        if (layers.Count == 0)
        {
            return;
        }

        var withBaseline = FileTable.HasBefore(report);
        var budget = RowsInAll;
        writer.WriteLine("**Files by layer**" + (withBaseline ? " (largest change since the baseline first, then most uncovered)" : " (most uncovered first)"));
        writer.WriteLine();
        foreach (var layer in layers)
        {
            var rows = layer.FileRows;
            writer.WriteLine($"<details{(layer.Met ? string.Empty : " open")}><summary>{MarkdownText.Escape(layer.Name)}: {Count(rows.Count, "file")}, " +
                             $"{(layer.Lines.Rate is { } rate ? RateText.Percent(rate) : "—")} of lines, {Count(layer.Lines.Valid - layer.Lines.Covered, "uncovered line")}</summary>");
            writer.WriteLine();
            writer.WriteLine(withBaseline
                ? "| file | lines | before | after | Δ | branches | uncovered lines |\n|---|---:|---:|---:|---:|---:|---|"
                : "| file | lines | rate | branches | uncovered lines |\n|---|---:|---:|---:|---|");
            var shown = rows.Take(System.Math.Min(RowsPerLayer, budget)).ToList();
            budget -= shown.Count;
            foreach (var file in shown)
            {
                var lines = $"{file.Lines.Covered}/{file.Lines.Valid}";
                var spans = file.Uncovered.Count == 0 ? "—" : MarkdownText.Escape(LineSpan.Format(file.Uncovered, SpansListed), 300);
                writer.WriteLine(withBaseline
                    ? $"| {GapMarkdown.Link(links, file.Path)} | {lines} | {RateText.Percent(file.Before)} | {RateText.Percent(file.Lines.Rate)} | {RateText.Change(file.Delta)} | {Branches(file.Branches)} | {spans} |"
                    : $"| {GapMarkdown.Link(links, file.Path)} | {lines} | {RateText.Percent(file.Lines.Rate)} | {Branches(file.Branches)} | {spans} |");
            }

            if (rows.Count > shown.Count)
            {
                writer.WriteLine($"| … and {Count(rows.Count - shown.Count, "more file")} (all are in the HTML report and qualitygate-report.json) |{(withBaseline ? " | | | | | |" : " | | | |")}");
            }

            writer.WriteLine();
            writer.WriteLine("</details>");
            writer.WriteLine();
        }
    }

    /// <summary>The layers, then the unlayered files; the total alone when no layers are declared.</summary>
    internal static IEnumerable<LayerResult> Layers(GateReport report)
    {
        if (report.Layers.Count == 0)
        {
            return report.Total is { FileRows.Count: > 0 } total ? [total] : [];
        }

        return report.Layers.Concat(report.Unlayered is { FileRows.Count: > 0 } unlayered ? [unlayered] : []);
    }

    private static string Count(int count, string noun) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {noun}{(count == 1 ? string.Empty : "s")}";


    private static string Branches(Ratio branches) => branches.Valid == 0 ? "—" : $"{branches.Covered}/{branches.Valid}";

}
