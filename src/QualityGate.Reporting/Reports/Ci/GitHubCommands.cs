using System.Collections.Generic;
using System.IO;
using System.Text;
using QualityGate.Files;
using QualityGate.Output;

namespace QualityGate.Reports.Ci;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…,line=…,title=…::message</c>). The runner reads a command only
/// at the start of a line, so escaping CR and LF keeps every test-provided text inside the one line we start; escaping
/// ':' and ',' in properties keeps a name from ending its property or the command early.
/// </summary>
internal static class GitHubCommands
{
    /// <summary>GitHub keeps at most this many annotations of each kind per step.</summary>
    public const int MaxAnnotationsPerKind = 10;

    public static string EscapeData(string? text)
    {
        var builder = new StringBuilder((text?.Length ?? 0) + 8);
        foreach (var c in text ?? string.Empty)
        {
            switch (c)
            {
                case '%': builder.Append("%25"); break;
                case '\r': builder.Append("%0D"); break;
                case '\n': builder.Append("%0A"); break;
                default: builder.Append(c); break;
            }
        }

        // The runner's legacy parser takes '##[' anywhere in a line, and an Azure agent running the same log '##vso['.
        return OutputGuard.BreakInlineMarkers(builder.ToString());
    }

    public static string EscapeProperty(string? text) =>
        EscapeData(text).Replace(":", "%3A").Replace(",", "%2C");

    /// <summary>One command line (without the line end): <c>::name key=value,key=value::data</c>.</summary>
    public static string Command(string name, IEnumerable<KeyValuePair<string, string?>> properties, string? data)
    {
        var builder = new StringBuilder("::").Append(name);
        var first = true;
        foreach (var property in properties)
        {
            if (property.Value is null)
            {
                continue;
            }

            builder.Append(first ? ' ' : ',').Append(property.Key).Append('=').Append(EscapeProperty(property.Value));
            first = false;
        }

        return builder.Append("::").Append(EscapeData(data)).ToString();
    }

    /// <summary>
    /// Writes the annotations, at most <paramref name="max"/> errors and <paramref name="max"/> warnings, then a notice
    /// for each kind that had more. Paths under <paramref name="workspace"/> are made relative to it, as GitHub links them.
    /// </summary>
    internal static void WriteAnnotations(IReadOnlyList<Annotation> annotations, TextWriter console, int max, string? workspace)
    {
        var guarded = Output.GuardedWriter.Over(console);
        var budget = new AnnotationBudget(annotations, max);
        foreach (var annotation in budget.Kept)
        {
            var file = annotation.PlainFile is null ? null : RelativeTo(workspace, annotation.PlainFile);
            guarded.WriteCommand(Command(
                annotation.Level == AnnotationLevel.Error ? "error" : "warning",
                [
                    new("file", file),
                    new("line", file is null ? null : annotation.Line?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    new("title", annotation.PlainTitle),
                ],
                annotation.PlainMessage));
        }

        foreach (var overflow in budget.Overflow())
        {
            guarded.WriteCommand(Command(
                "notice",
                [new("title", "QualityGate")],
                $"QualityGate: {overflow} than GitHub shows per step; the step summary and the HTML report list them all."));
        }
    }

    /// <summary>A path relative to the workspace with '/' separators, when it lies inside it; else the path as given.</summary>
    internal static string RelativeTo(string? workspace, string path)
    {
        var normalised = path.Replace('\\', '/');
        if (string.IsNullOrEmpty(workspace))
        {
            return normalised;
        }

        var root = workspace!.Replace('\\', '/').TrimEnd('/') + "/";
        var comparison = FileNode.PathComparison; // as the file system compares (macOS ignores case too)
        return normalised.StartsWith(root, comparison) ? normalised.Substring(root.Length) : normalised;
    }
}
