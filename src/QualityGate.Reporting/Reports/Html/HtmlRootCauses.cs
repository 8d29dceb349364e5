using System.Globalization;
using System.IO;
using System.Linq;

namespace QualityGate.Reports.Html;

/// <summary>The HTML report's root causes: how many distinct problems behind the failures, each with its tests.</summary>
internal static class HtmlRootCauses
{
    /// <summary>Root causes listed; a page with thousands stays quick to open (the JSON report has all).</summary>
    public const int CausesListed = 100;

    private const int TestsListed = 50;

    public static void Write(GateReport report, TextWriter writer)
    {
        if (report.RootCauses.Count == 0 && report.RootCauseCounts.Count == 0)
        {
            return;
        }

        var withBaseline = report.RootCauseCounts.Any(c => c.Baseline is not null);
        var failing = report.RootCauses.Sum(r => r.Count);
        writer.Write($"<section>\n<h2>Root causes</h2>\n<p>{report.RootCauses.Count} root cause{(report.RootCauses.Count == 1 ? string.Empty : "s")} behind {failing} failing test{(failing == 1 ? string.Empty : "s")}.</p>\n");
        writer.Write("<table>\n<thead><tr><th>category</th><th class=\"num\">failing</th><th class=\"num\">root causes</th>");
        writer.Write(withBaseline ? "<th class=\"num\">baseline</th><th class=\"num\">Δ</th>" : string.Empty);
        writer.Write("</tr></thead>\n<tbody>\n");
        foreach (var count in report.RootCauseCounts)
        {
            writer.Write($"<tr><td>{MarkupText.Escape(count.Category)}</td><td class=\"num\">{count.Failures.ToString(CultureInfo.InvariantCulture)}</td><td class=\"num\">{count.RootCauses.ToString(CultureInfo.InvariantCulture)}</td>");
            if (withBaseline)
            {
                var change = count.Change;
                writer.Write($"<td class=\"num\">{count.Baseline?.ToString(CultureInfo.InvariantCulture) ?? "—"}</td>");
                writer.Write($"<td class=\"num{(change > 0 ? " down" : change < 0 ? " up" : string.Empty)}\">{(change is { } c ? (c > 0 ? "+" : c < 0 ? "−" : string.Empty) + System.Math.Abs(c).ToString(CultureInfo.InvariantCulture) : "—")}</td>");
            }

            writer.Write("</tr>\n");
        }

        writer.Write("</tbody>\n</table>\n<ol class=\"failures\">\n");
        foreach (var cause in report.RootCauses.Take(CausesListed))
        {
            writer.Write($"<li><b>{cause.Count} × {MarkupText.Escape(cause.Category)}</b>: <code>{MarkupText.Escape(cause.Description, 500)}</code>");
            if (cause.File is not null)
            {
                writer.Write($" <span class=\"where\">{MarkupText.Escape(cause.File, 300)}{(cause.Line is { } l ? ":" + l.ToString(CultureInfo.InvariantCulture) : string.Empty)}</span>");
            }

            if (cause.Hint is not null)
            {
                writer.Write($"<div class=\"hint\">{MarkupText.Escape(cause.Hint, 500)}</div>");
            }

            if (!string.IsNullOrEmpty(cause.Message))
            {
                writer.Write($"<pre>{MarkupText.Escape(cause.Message, 2000)}</pre>");
            }

            writer.Write($"<details><summary>{cause.Count} test{(cause.Count == 1 ? string.Empty : "s")}</summary><ul>");
            foreach (var test in cause.Tests.Take(TestsListed))
            {
                writer.Write($"<li><code>{MarkupText.Escape(test, 500)}</code></li>");
            }

            if (cause.Count > TestsListed)
            {
                writer.Write($"<li class=\"muted\">… and {cause.Count - TestsListed} more</li>");
            }

            writer.Write("</ul></details></li>\n");
        }

        writer.Write("</ol>\n");
        if (report.RootCauses.Count > CausesListed)
        {
            writer.Write($"<p class=\"muted\">… and {report.RootCauses.Count - CausesListed} more root causes (all are in qualitygate-report.json).</p>\n");
        }

        writer.Write("</section>\n");
    }
}
