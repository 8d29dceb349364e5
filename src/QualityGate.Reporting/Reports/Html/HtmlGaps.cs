using System.Globalization;
using System.IO;
using System.Linq;

namespace QualityGate.Reports.Html;

/// <summary>"What closes the gap": each missed coverage target's plan, every file linked to its lines.</summary>
internal static class HtmlGaps
{
    private const int StepsShown = 50;
    private const int SpansShown = 20;

    public static void Write(GateReport report, HtmlPage page, TextWriter writer)
    {
        var planned = report.Violations.Where(v => v.Plan is not null).ToList();
        if (planned.Count == 0)
        {
            return;
        }

        writer.Write("<section id=\"gaps\">\n<h2>What closes the gap</h2>\n");
        writer.Write("<p class=\"muted\">For each missed coverage target: how many more lines must be covered, and the fewest files whose " +
                     "uncovered lines reach that number, the files with the most uncovered lines first.</p>\n");
        foreach (var violation in planned)
        {
            var plan = violation.Plan!;
            writer.Write($"<h3>{MarkupText.Escape(violation.Subject)}</h3>\n<p class=\"muted\"><code>{MarkupText.Escape(violation.Code)}</code> {MarkupText.Escape(GapMarkdown.WithoutPlan(violation), 400)}</p>\n");
            writer.Write($"<p>{MarkupText.Escape(Capital(plan.Goal()))}{(plan.Steps.Count == 0 ? "." : $" in {Count(plan.Steps.Count, "file")}:")}</p>\n");
            if (plan.Steps.Count == 0)
            {
                continue;
            }

            writer.Write("<ol class=\"plan\">\n");
            foreach (var step in plan.Steps.Take(StepsShown))
            {
                var take = $"{step.Take.ToString(CultureInfo.InvariantCulture)} {plan.Noun(step.Take)}";
                var part = step.Take < step.Open ? $"{take} of its {step.Open.ToString(CultureInfo.InvariantCulture)}" : take;
                writer.Write($"<li>{HtmlFiles.FileCell(step.Path, page)} <span class=\"muted\">— {MarkupText.Escape(part)}:</span> {HtmlFiles.Spans(step.Path, step.Spans, page, SpansShown)}</li>\n");
            }

            writer.Write("</ol>\n");
            if (plan.Steps.Count > StepsShown)
            {
                writer.Write($"<p class=\"muted\">… and {Count(plan.Steps.Count - StepsShown, "more file")} (all are in qualitygate-report.json).</p>\n");
            }
        }

        writer.Write("</section>\n");
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

    private static string Count(int count, string noun) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {noun}{(count == 1 ? string.Empty : "s")}";
}
