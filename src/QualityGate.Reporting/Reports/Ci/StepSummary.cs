using System;
using System.IO;
using System.Text;

using QualityGate.Files;

namespace QualityGate.Reports.Ci;

/// <summary>
/// Appends Markdown to GitHub's $GITHUB_STEP_SUMMARY. Several test projects of one 'dotnet test' finish at once and
/// share the step's file, so each append holds the file exclusively; and GitHub drops a summary over 1 MiB whole, so
/// what would not fit is cut at a line boundary, with a note.
/// </summary>
internal static class StepSummary
{
    /// <summary>GitHub's limit for one step's summary file.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The Markdown is cut to fit; the appended text ends with this sentence.</summary>
    public const string TruncationNote = "QualityGate cut this summary here to stay under GitHub's 1 MiB step-summary limit";

    private static readonly byte[] NewLine = [(byte)'\n'];

    /// <summary>
    /// Appends <paramref name="markdown"/> to <paramref name="path"/>, keeping the whole file at most
    /// <paramref name="maxBytes"/> long. Returns the number of bytes appended (0 when not even the note fits).
    /// </summary>
    public static long Append(string path, string markdown, int maxBytes = MaxBytes, TimeSpan? lockTimeout = null)
    {
        using var stream = ReportFiles.OpenExclusive(path, lockTimeout ?? TimeSpan.FromSeconds(60));
        try
        {
            var existing = stream.Length;
            var separate = existing > 0 && !EndsWithNewLine(stream);
            var budget = maxBytes - existing - (separate ? 2 : 1);
            var bytes = Fit(markdown, budget);
            if (bytes.Length == 0)
            {
                return 0;
            }

            stream.Seek(0, SeekOrigin.End);
            if (separate)
            {
                stream.Write(NewLine, 0, 1);
            }

            if (existing > 0)
            {
                // A blank line between two projects' summaries, so one's last table does not swallow the next heading.
                stream.Write(NewLine, 0, 1);
            }

            stream.Write(bytes, 0, bytes.Length);
            stream.Flush();
            return bytes.Length + (separate ? 1 : 0) + (existing > 0 ? 1 : 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ReportFiles.Unwritable(path, e);
        }
    }

    /// <summary>
    /// The UTF-8 bytes of <paramref name="markdown"/> (LF line ends, ending in LF) if they fit in
    /// <paramref name="budget"/>; else whole lines up to the budget, any &lt;details&gt; left open closed, and the
    /// truncation note. Cutting between lines never splits a UTF-8 sequence or a table row.
    /// </summary>
    internal static byte[] Fit(string markdown, long budget)
    {
        var text = markdown.Replace("\r\n", "\n");
        if (!text.EndsWith("\n", StringComparison.Ordinal))
        {
            text += "\n";
        }

        var all = AtomicFile.Utf8.GetBytes(text);
        if (all.Length <= budget)
        {
            return all;
        }

        var lines = text.Split('\n');
        var kept = new StringBuilder();
        var used = 0L;
        var open = 0;
        var index = 0;
        for (; index < lines.Length; index++)
        {
            var line = lines[index];
            var size = AtomicFile.Utf8.GetByteCount(line) + 1;
            var closing = open + Opened(line);
            if (used + size + Tail(closing, lines.Length - index).Length > budget)
            {
                break;
            }

            kept.Append(line).Append('\n');
            used += size;
            open = Math.Max(0, closing);
        }

        var tail = Tail(open, lines.Length - index);
        var result = AtomicFile.Utf8.GetBytes(kept + tail);
        if (result.Length > budget)
        {
            // Not even the note fits: write nothing rather than break the limit.
            return [];
        }

        return result;
    }

    private static int Opened(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith("<details", StringComparison.OrdinalIgnoreCase) ? 1
            : trimmed.StartsWith("</details>", StringComparison.OrdinalIgnoreCase) ? -1
            : 0;
    }

    private static string Tail(int open, int linesLeft)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < open; i++)
        {
            builder.Append("\n</details>\n");
        }

        builder.Append(FormattableString.Invariant($"\n> ⚠️ {TruncationNote} ({linesLeft} more lines left out). The full report is in the HTML and Markdown files the gate wrote.\n"));
        return builder.ToString();
    }

    private static bool EndsWithNewLine(FileStream stream)
    {
        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte() == '\n';
    }
}
