using System;
using System.Globalization;
using System.Linq;

namespace QualityGate.Categorization;

/// <summary>One "at Type.Method(...) in file:line N" line of a .NET stack trace, in any language the runtime writes.</summary>
internal sealed class StackFrame
{
    // Longest first, so "a következő helyen:" is tried before a one-letter word.
    private static readonly string[] AtWords = StackTraceWords.Languages.Select(l => l.At).Distinct().OrderByDescending(w => w.Length).ToArray();

    public StackFrame(string method, string? file, int? line)
    {
        Method = method;
        File = file;
        Line = line;
    }

    /// <summary>The frame's full method name, e.g. "Shop.OrderService.Place" or "Ns.Tests.&lt;Run&gt;d__3.MoveNext".</summary>
    public string Method { get; }

    public string? File { get; }

    public int? Line { get; }

    /// <summary>True when the frame's method belongs to a namespace or type starting with <paramref name="prefix"/>.</summary>
    public bool IsIn(string prefix) => Method.StartsWith(prefix, StringComparison.Ordinal);

    public override string ToString() => File is null ? Method : $"{Method} in {File}:{Line}";

    /// <summary>
    /// Parses one line of a stack trace ("   at Ns.Type.Method(args) in /path/file.cs:line 42", "   bei … in …:Zeile 42.",
    /// "   場所 … 場所 …:行 42"); null when the line is not a frame. By hand rather than with a regular expression: this
    /// runs for every failure, and backtracking over long frames was the categorizer's largest cost.
    /// </summary>
    public static StackFrame? Parse(string line)
    {
        line = line.Trim();
        foreach (var at in AtWords)
        {
            if (line.Length > at.Length && line.StartsWith(at, StringComparison.Ordinal) && line[at.Length] == ' '
                && Frame(line.Substring(at.Length + 1).TrimStart(), english: at == "at") is { } frame)
            {
                return frame;
            }
        }

        return null;
    }

    private static StackFrame? Frame(string rest, bool english)
    {
        var paren = rest.IndexOf('(');
        var close = paren < 0 ? -1 : rest.IndexOf(')', paren);
        var method = (paren > 0 ? rest.Substring(0, paren) : rest).Trim().Replace('+', '.');
        if (method.Length == 0)
        {
            return null;
        }

        // Other languages' "at" words are common words ("in", "en", "w"): a frame's method is a dotted name, no spaces.
        if (!english && (paren < 0 || close < 0 || method.IndexOf(' ') >= 0 || method.IndexOf('.') < 0))
        {
            return null;
        }

        if (close < 0)
        {
            return english ? new StackFrame(method, null, null) : null;
        }

        var (file, number) = Location(rest.Substring(close + 1).Trim());
        return new StackFrame(method, file, number);
    }

    // The location after the argument list, in whichever language's "in {0}:line {1}" it was written.
    private static (string? File, int? Line) Location(string location)
    {
        if (location.StartsWith("[0x", StringComparison.Ordinal) && location.IndexOf(']') is var end and > 0)
        {
            location = location.Substring(end + 1).TrimStart();
        }

        if (location.Length == 0)
        {
            return (null, null);
        }

        foreach (var (_, format) in StackTraceWords.Languages)
        {
            var file = format.IndexOf("{0}", StringComparison.Ordinal);
            var line = format.IndexOf("{1}", StringComparison.Ordinal);
            var before = format.Substring(0, file);
            var between = format.Substring(file + 3, line - file - 3);
            var after = format.Substring(line + 3);
            if (!location.StartsWith(before, StringComparison.Ordinal) || !location.EndsWith(after, StringComparison.Ordinal))
            {
                continue;
            }

            // The last separator: a path may itself contain ":line " or "in " (a folder named so), a line number may not.
            var body = location.Substring(before.Length, location.Length - before.Length - after.Length);
            var split = body.LastIndexOf(between, StringComparison.Ordinal);
            if (split > 0 && int.TryParse(body.Substring(split + between.Length).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return (body.Substring(0, split), number);
            }
        }

        return (null, null);
    }
}
