using System.Globalization;
using System.IO;
using System.Linq;
using QualityGate.Gaps;

namespace QualityGate.Reports;

/// <summary>"What closes the gap": for each missed coverage target, how many lines and which files, with their ranges.</summary>
internal static class GapMarkdown
{
    private const int FilesListed = 10;
    private const int SpansListed = 12;

    public static void Write(GateReport report, SourceLinks links, TextWriter writer)
    {
        var planned = report.Violations.Where(v => v.Plan is not null).ToList();
        if (planned.Count == 0)
        {
            return;
        }

        writer.WriteLine("**What closes the gap**");
        writer.WriteLine();
        foreach (var violation in planned)
        {
            var plan = violation.Plan!;
            writer.WriteLine($"- **{MarkdownText.Escape(violation.Subject)}** (`{violation.Code}`): {MarkdownText.Escape(plan.Goal())}" +
                             $"{(plan.Steps.Count == 0 ? string.Empty : $" in {Files(plan.Steps.Count)}")}");
            foreach (var step in plan.Steps.Take(FilesListed))
            {
                writer.WriteLine($"  - {Link(links, step.Path, step.Spans.Count > 0 ? step.Spans[0].From : null)}: " +
                                 $"{MarkdownText.Escape(LineSpan.Format(step.Spans, SpansListed))} " +
                                 $"({step.Take.ToString(CultureInfo.InvariantCulture)}{(step.Take < step.Open ? " of " + step.Open.ToString(CultureInfo.InvariantCulture) : string.Empty)})");
            }

            if (plan.Steps.Count > FilesListed)
            {
                writer.WriteLine($"  - … and {Files(plan.Steps.Count - FilesListed)} more (all are in qualitygate-report.json)");
            }
        }

        writer.WriteLine();
    }

    /// <summary>The violation's message without the plan's sentence, for reports that show the plan in full.</summary>
    internal static string WithoutPlan(Violation violation) =>
        violation.Plan is { } plan && violation.Message.EndsWith(" " + plan.Sentence(), System.StringComparison.Ordinal)
            ? violation.Message.Substring(0, violation.Message.Length - plan.Sentence().Length - 1)
            : violation.Message;

    /// <summary>A repository-relative path, linked to the CI's source browser when there is one.</summary>
    internal static string Link(SourceLinks links, string path, int? line = null, bool showLine = false)
    {
        var text = MarkdownText.Escape(links.Display(path) + (showLine && line is { } l ? ":" + l.ToString(CultureInfo.InvariantCulture) : string.Empty), 300);
        return links.Url(path, line) is { } url ? $"[{text}]({url})" : text;
    }

    private static string Files(int count) => $"{count.ToString(CultureInfo.InvariantCulture)} file{(count == 1 ? string.Empty : "s")}";
}
