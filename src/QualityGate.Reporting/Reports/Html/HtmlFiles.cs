using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using QualityGate.Gaps;

namespace QualityGate.Reports.Html;

/// <summary>
/// The drill-down: a file table per layer (lines, rate, branches, before → after → Δ, uncovered ranges), each file
/// linked to its source page. Sortable without script: a hidden radio button per sort key, and each row carries its
/// rank under every key as a CSS variable that the checked button turns into the row's flex order.
/// </summary>
internal static class HtmlFiles
{
    private const int SpansShown = 12;

    /// <summary>Sort keys after the story order (radio 0): 1 path, 2 lines, 3 rate, 4 branch rate, 5 Δ, 6 uncovered lines.</summary>
    private const int Keys = 6;

    /// <summary>The element id of a layer's file table, for links from the layer table.</summary>
    public static string Anchor(int index) => "files-" + index.ToString(CultureInfo.InvariantCulture);

    public static void Write(GateReport report, HtmlPage page, TextWriter writer)
    {
        var layers = FileTableMarkdown.Layers(report).ToList();
        if (layers.Count == 0)
        {
            return;
        }

        var withBaseline = FileTable.HasBefore(report);
        writer.Write("<section id=\"files\">\n<h2>Files by layer</h2>\n");
        writer.Write($"<p class=\"muted\">{(withBaseline ? "Largest change since the baseline first, then most uncovered" : "Most uncovered first")}. " +
                     "Click a column heading to sort by it, a file to see its lines.</p>\n");
        for (var index = 0; index < layers.Count; index++)
        {
            var layer = layers[index];
            var id = index.ToString(CultureInfo.InvariantCulture);
            writer.Write($"<details id=\"{Anchor(index)}\"{(layer.Met ? string.Empty : " open")}><summary>{MarkupText.Escape(layer.Name)}: {Count(layer.FileRows.Count, "file")}, " +
                         $"{RateText.Percent(layer.Lines.Rate)} of lines, {Count(layer.Lines.Valid - layer.Lines.Covered, "uncovered line")}</summary>\n");
            Table(layer.FileRows, id, withBaseline, page, writer);
            writer.Write("</details>\n");
        }

        writer.Write("</section>\n");
    }

    private static void Table(List<FileResult> rows, string id, bool withBaseline, HtmlPage page, TextWriter writer)
    {
        writer.Write($"<div class=\"sortable{(withBaseline ? " baseline" : string.Empty)}\">");
        for (var key = 0; key <= Keys; key++)
        {
            writer.Write($"<input type=\"radio\" name=\"sort-{id}\" id=\"sort-{id}-{key}\"{(key == 0 ? " checked" : string.Empty)}>");
        }

        writer.Write($"\n<p class=\"sorts\"><label for=\"sort-{id}-0\">story order</label></p>\n<table>\n<thead><tr>");
        writer.Write(Heading(id, 1, "file", numeric: false));
        writer.Write(Heading(id, 2, "lines", numeric: true));
        if (withBaseline)
        {
            writer.Write("<th class=\"num\">before</th>");
            writer.Write(Heading(id, 3, "after", numeric: true));
            writer.Write(Heading(id, 5, "Δ", numeric: true));
        }
        else
        {
            writer.Write(Heading(id, 3, "rate", numeric: true));
        }

        writer.Write(Heading(id, 4, "branches", numeric: true));
        writer.Write(Heading(id, 6, "uncovered lines", numeric: false));
        writer.Write("</tr></thead>\n<tbody>\n");

        var ranks = Ranks(rows);
        for (var i = 0; i < rows.Count; i++)
        {
            var file = rows[i];
            writer.Write($"<tr style=\"{ranks[i]}\"><td>{FileCell(file.Path, page)}</td><td class=\"num\">{file.Lines.Covered}/{file.Lines.Valid}</td>");
            if (withBaseline)
            {
                writer.Write($"<td class=\"num\">{RateText.Percent(file.Before)}</td><td class=\"num\">{HtmlReport.Bar(file.Lines.Rate)}</td>");
                writer.Write($"<td class=\"num{(file.Delta is { } d ? d < 0 ? " down" : d > 0 ? " up" : string.Empty : string.Empty)}\">{RateText.Change(file.Delta)}</td>");
            }
            else
            {
                writer.Write($"<td class=\"num\">{HtmlReport.Bar(file.Lines.Rate)}</td>");
            }

            writer.Write($"<td class=\"num\">{(file.Branches.Valid == 0 ? "—" : $"{file.Branches.Covered}/{file.Branches.Valid}")}</td>");
            writer.Write($"<td class=\"spans\">{Spans(file.Path, file.Uncovered, page)}</td></tr>\n");
        }

        writer.Write("</tbody>\n</table>\n</div>\n");
    }

    /// <summary>The file's path, its folder muted, linked to its source page when there is one.</summary>
    internal static string FileCell(string path, HtmlPage page)
    {
        var shown = page.Links.Display(path);
        var slash = shown.LastIndexOf('/');
        var text = slash < 0
            ? MarkupText.Escape(shown)
            : $"<span class=\"dir\">{MarkupText.Escape(shown.Substring(0, slash + 1))}</span>{MarkupText.Escape(shown.Substring(slash + 1))}";
        return page.SourcePages.TryGetValue(path, out var href) ? $"<a href=\"{MarkupText.Escape(href)}\">{text}</a>" : text;
    }

    /// <summary>"40–59, 73", each span a link to its first line on the source page when there is one.</summary>
    internal static string Spans(string path, IReadOnlyList<LineSpan> spans, HtmlPage page, int max = SpansShown)
    {
        if (spans.Count == 0)
        {
            return "—";
        }

        var href = page.SourcePages.TryGetValue(path, out var h) ? MarkupText.Escape(h) : null;
        var shown = spans.Take(max).Select(s => href is null ? s.ToString() : $"<a href=\"{href}#L{s.From.ToString(CultureInfo.InvariantCulture)}\">{s}</a>");
        return string.Join(", ", shown) + (spans.Count > max ? $" <span class=\"muted\">… ({spans.Count - max} more)</span>" : string.Empty);
    }

    private static string Heading(string id, int key, string text, bool numeric) =>
        $"<th{(numeric ? " class=\"num\"" : string.Empty)}><label for=\"sort-{id}-{key.ToString(CultureInfo.InvariantCulture)}\">{text}</label></th>";

    /// <summary>Each row's rank under every sort key, as the CSS variables --s1 … --s6.</summary>
    private static string[] Ranks(List<FileResult> rows)
    {
        var index = Enumerable.Range(0, rows.Count).ToList();
        var orders = new List<int>[]
        {
            index.OrderBy(i => rows[i].Path, StringComparer.Ordinal).ToList(),
            index.OrderByDescending(i => rows[i].Lines.Valid).ThenBy(i => i).ToList(),
            index.OrderBy(i => rows[i].Lines.Rate ?? 101).ThenBy(i => i).ToList(),
            index.OrderBy(i => rows[i].Branches.Rate ?? 101).ThenBy(i => i).ToList(),
            index.OrderByDescending(i => rows[i].Delta ?? double.MinValue).ThenBy(i => i).ToList(),
            index.OrderByDescending(i => rows[i].UncoveredLines).ThenBy(i => i).ToList(),
        };
        var styles = new string[rows.Count];
        for (var row = 0; row < rows.Count; row++)
        {
            styles[row] = string.Empty;
        }

        for (var key = 0; key < orders.Length; key++)
        {
            for (var rank = 0; rank < orders[key].Count; rank++)
            {
                styles[orders[key][rank]] += $"--s{(key + 1).ToString(CultureInfo.InvariantCulture)}:{rank.ToString(CultureInfo.InvariantCulture)};";
            }
        }

        return styles;
    }

    private static string Count(int count, string noun) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {noun}{(count == 1 ? string.Empty : "s")}";
}
