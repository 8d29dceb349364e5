using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace QualityGate.Reports.Html;

/// <summary>The report's violations and its failing tests by category, each with where it failed and the hint.</summary>
internal static class HtmlFailures
{
    /// <summary>Failures listed per category; a page with thousands stays quick to open.</summary>
    public const int FailuresPerCategory = 100;

    private const int MessageLength = 2000;

    public static void Write(GateReport report, SourceLinks links, TextWriter writer)
    {
        if (report.Violations.Count > 0)
        {
            writer.Write("<section>\n<h2>Violations</h2>\n<ul class=\"violations\">\n");
            foreach (var violation in report.Violations)
            {
                writer.Write($"<li><code>{MarkupText.Escape(violation.Code)}</code> {MarkupText.Escape(GapMarkdown.WithoutPlan(violation), 1000)}{Where(links, violation.File, violation.Line)}{(violation.Plan is null ? string.Empty : " <a href=\"#gaps\">what closes it</a>")}</li>\n");
            }

            writer.Write("</ul>\n</section>\n");
        }

        if (report.Baseline is { } baseline && baseline.Notes.Count > 0)
        {
            writer.Write("<section>\n<h2>Baseline</h2>\n");
            foreach (var note in baseline.Notes)
            {
                writer.Write($"<p>{MarkupText.Escape(note, 1000)}</p>\n");
            }

            writer.Write("</section>\n");
        }

        if (report.Categories.Count == 0)
        {
            return;
        }

        var known = Names(report.Baseline?.KnownFailures);
        var added = Names(report.Baseline?.NewFailures);
        writer.Write("<section>\n<h2>Failures by category</h2>\n<table>\n<thead><tr><th>category</th><th class=\"num\">failing</th><th class=\"num\">budget</th>");
        writer.Write(report.Baseline is { Exists: true } ? "<th class=\"num\">new</th><th class=\"num\">known</th>" : string.Empty);
        writer.Write("<th>status</th></tr></thead>\n<tbody>\n");
        foreach (var category in report.Categories)
        {
            var failures = report.Failures.Where(f => f.Category == category.Name).ToList();
            writer.Write($"<tr><td>{MarkupText.Escape(category.Name)}</td><td class=\"num\">{category.Count}</td><td class=\"num\">{category.Budget?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—"}</td>");
            if (report.Baseline is { Exists: true })
            {
                writer.Write($"<td class=\"num\">{failures.Count(f => added.Contains(f.Name))}</td><td class=\"num\">{failures.Count(f => known.Contains(f.Name))}</td>");
            }

            writer.Write($"<td>{HtmlReport.Status(category.Met)}</td></tr>\n");
        }

        writer.Write("</tbody>\n</table>\n");
        foreach (var group in report.Failures.GroupBy(f => f.Category))
        {
            var failures = group.ToList();
            var hints = failures.Select(f => f.Hint).Where(h => h is not null).Distinct().ToList();
            writer.Write($"<details{(report.Categories.Any(c => c.Name == group.Key && !c.Met) ? " open" : string.Empty)}>");
            writer.Write($"<summary>{MarkupText.Escape(group.Key)}: {failures.Count} failing</summary>\n");
            if (hints.Count == 1)
            {
                writer.Write($"<p class=\"hint\">{MarkupText.Escape(hints[0], 500)}</p>\n");
            }

            writer.Write("<ol class=\"failures\">\n");
            foreach (var failure in failures.Take(FailuresPerCategory))
            {
                var tag = added.Contains(failure.Name) ? " <span class=\"bad\">new</span>" : known.Contains(failure.Name) ? " <span class=\"muted\">known</span>" : string.Empty;
                writer.Write($"<li><code>{MarkupText.Escape(failure.Name, 500)}</code>{tag}{Where(links, failure.File, failure.Line)}");
                if (hints.Count > 1 && failure.Hint is not null)
                {
                    writer.Write($"<div class=\"hint\">{MarkupText.Escape(failure.Hint, 500)}</div>");
                }

                if (!string.IsNullOrEmpty(failure.Message))
                {
                    writer.Write($"<pre>{MarkupText.Escape(failure.Message, MessageLength)}</pre>");
                }

                writer.Write("</li>\n");
            }

            writer.Write("</ol>\n");
            if (failures.Count > FailuresPerCategory)
            {
                writer.Write($"<p class=\"muted\">… and {failures.Count - FailuresPerCategory} more (all are in the results files and the JUnit report).</p>\n");
            }

            writer.Write("</details>\n");
        }

        writer.Write("</section>\n");
    }

    /// <summary>The place, relative to the repository, linked to the CI's source browser when it has one.</summary>
    private static string Where(SourceLinks links, string? file, int? line)
    {
        if (file is null)
        {
            return string.Empty;
        }

        var text = MarkupText.Escape(links.Display(file) + (line is { } l ? ":" + l.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty), 300);
        return links.Url(file, line) is { } url
            ? $" <a class=\"where\" href=\"{MarkupText.Escape(url)}\">{text}</a>"
            : $" <span class=\"where\">{text}</span>";
    }

    private static HashSet<string> Names(IEnumerable<FailedTest>? failures) =>
        new(failures?.Select(f => f.Name) ?? [], System.StringComparer.Ordinal);
}
