using System.Globalization;
using System.IO;
using System.Linq;

namespace QualityGate.Reports;

/// <summary>The Markdown summary's root causes: counts per category against the baseline, then each cause with its tests.</summary>
internal static class RootCauseMarkdown
{
    private const int CausesListed = 10;
    private const int TestsListed = 10;

    public static void Write(GateReport report, TextWriter writer)
    {
        if (report.RootCauses.Count == 0 && report.RootCauseCounts.Count == 0)
        {
            return;
        }

        var withBaseline = report.RootCauseCounts.Any(c => c.Baseline is not null);
        writer.WriteLine($"**Root causes:** {report.RootCauses.Count} for {report.RootCauses.Sum(r => r.Count)} failing test{(report.RootCauses.Sum(r => r.Count) == 1 ? string.Empty : "s")}");
        writer.WriteLine();
        writer.WriteLine(withBaseline ? "| category | failing | root causes | baseline | Δ |" : "| category | failing | root causes |");
        writer.WriteLine(withBaseline ? "|---|---:|---:|---:|---:|" : "|---|---:|---:|");
        foreach (var count in report.RootCauseCounts)
        {
            writer.WriteLine($"| {MarkdownText.Escape(count.Category)} | {count.Failures} | {count.RootCauses} |" +
                             (withBaseline ? $" {(count.Baseline?.ToString(CultureInfo.InvariantCulture) ?? "—")} | {Change(count.Change)} |" : string.Empty));
        }

        writer.WriteLine();
        var index = 0;
        foreach (var cause in report.RootCauses.Take(CausesListed))
        {
            index++;
            var where = cause.File is null ? string.Empty : $" — {MarkdownText.Escape(Path.GetFileName(cause.File))}{(cause.Line is { } l ? ":" + l.ToString(CultureInfo.InvariantCulture) : string.Empty)}";
            writer.WriteLine($"{index}. **{cause.Count} × {MarkdownText.Escape(cause.Category)}**: {MarkdownText.Escape(cause.Description, 300)}{where}");
            if (cause.Hint is not null)
            {
                writer.WriteLine($"   {MarkdownText.Escape(cause.Hint, 300)}");
            }

            if (cause.Count <= 3)
            {
                writer.WriteLine("   " + string.Join(", ", cause.Tests.Select(t => MarkdownText.Escape(t))));
                writer.WriteLine();
                continue;
            }

            writer.WriteLine($"   <details><summary>{cause.Count} tests</summary>");
            writer.WriteLine();
            foreach (var test in cause.Tests.Take(TestsListed))
            {
                writer.WriteLine($"   - {MarkdownText.Escape(test)}");
            }

            if (cause.Count > TestsListed)
            {
                writer.WriteLine($"   - … and {cause.Count - TestsListed} more");
            }

            writer.WriteLine();
            writer.WriteLine("   </details>");
            writer.WriteLine();
        }

        if (report.RootCauses.Count > CausesListed)
        {
            writer.WriteLine($"… and {report.RootCauses.Count - CausesListed} more root causes (all are in qualitygate-report.json).");
            writer.WriteLine();
        }
    }

    private static string Change(int? change) => change switch
    {
        null => "—",
        > 0 => "+" + change.Value.ToString(CultureInfo.InvariantCulture),
        < 0 => "−" + (-change.Value).ToString(CultureInfo.InvariantCulture),
        _ => "0",
    };
}
