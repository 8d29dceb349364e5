using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using QualityGate.Output;

namespace QualityGate.Reports.Ci;

/// <summary>
/// Azure Pipelines logging commands (<c>##vso[task.logissue type=error;sourcepath=…;linenumber=…;code=…;]message</c>).
/// The agent reads one command per line, its properties up to the first ']' and separated by ';': escaping CR and LF
/// keeps test-provided text on our line, escaping ';' and ']' keeps it inside its property. The agent looks for
/// "##vso[" anywhere in a line, so one in the text is broken by the output guard: only our command starts there.
/// </summary>
internal static class AzureCommands
{
    public static string EscapeData(string? text)
    {
        var builder = new StringBuilder((text?.Length ?? 0) + 8);
        foreach (var c in text ?? string.Empty)
        {
            switch (c)
            {
                case '%': builder.Append("%AZP25"); break;
                case '\r': builder.Append("%0D"); break;
                case '\n': builder.Append("%0A"); break;
                default: builder.Append(c); break;
            }
        }

        return OutputGuard.BreakInlineMarkers(builder.ToString());
    }

    public static string EscapeProperty(string? text) =>
        EscapeData(text).Replace(";", "%3B").Replace("]", "%5D");

    /// <summary>One command line (without the line end): <c>##vso[area.action key=value;key=value;]data</c>.</summary>
    public static string Command(string name, IEnumerable<KeyValuePair<string, string?>> properties, string? data)
    {
        var builder = new StringBuilder("##vso[").Append(name);
        var first = true;
        foreach (var property in properties)
        {
            if (property.Value is null)
            {
                continue;
            }

            builder.Append(first ? " " : string.Empty).Append(property.Key).Append('=').Append(EscapeProperty(property.Value)).Append(';');
            first = false;
        }

        return builder.Append(']').Append(EscapeData(data)).ToString();
    }

    /// <summary>The command that attaches a Markdown file to the build's summary page.</summary>
    public static string UploadSummary(string markdownPath) => Command("task.uploadsummary", [], markdownPath);

    /// <summary>Writes the issues, at most <paramref name="max"/> of each type, then one plain line per type that had more.</summary>
    internal static void WriteIssues(IReadOnlyList<Annotation> annotations, TextWriter console, int max)
    {
        var guarded = Output.GuardedWriter.Over(console);
        var budget = new AnnotationBudget(annotations, max);
        foreach (var annotation in budget.Kept)
        {
            guarded.WriteCommand(Command(
                "task.logissue",
                [
                    new("type", annotation.Level == AnnotationLevel.Error ? "error" : "warning"),
                    new("sourcepath", annotation.PlainFile),
                    new("linenumber", annotation.File is null ? null : annotation.Line?.ToString(CultureInfo.InvariantCulture)),
                    new("code", annotation.Code),
                ],
                annotation.Code is null ? $"{annotation.PlainTitle}\n{annotation.PlainMessage}" : annotation.PlainMessage));
        }

        foreach (var overflow in budget.Overflow())
        {
            guarded.WriteLine($"QualityGate: {overflow} not logged as issues; the build summary and the HTML report list them all.");
        }
    }
}
