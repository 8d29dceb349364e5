using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace QualityGate.Output;

/// <summary>
/// The one place every line QualityGate prints for a console or a CI log passes through. A CI runner reads our output
/// line by line and runs some lines as commands: GitHub Actions a line that starts with "::" once leading white space
/// is trimmed, and (its legacy parser) one with "##[" anywhere; Azure Pipelines one with "##vso[" anywhere. Test names,
/// messages, file names and configuration values come from whoever wrote the tests, so a line that carries them could
/// mark a failed build as passed, set a variable or mask the log. The guard
/// <list type="bullet">
/// <item>folds line breaks (CR, LF, NEL, U+2028/9 — a runner splits on a bare CR too) into spaces,</item>
/// <item>drops terminal escape sequences and replaces other control characters with '?',</item>
/// <item>replaces invisible characters (bidirectional overrides, zero-width characters, tag characters) with '?',</item>
/// <item>breaks "::" at the start of a line and "##[" / "##vso[" anywhere with a space ("# #vso[").</item>
/// </list>
/// A visible space, not a zero-width one: GitHub's runner compares with the current culture, which ignores
/// zero-width and combining characters, so "#\u200B#[" can still match "##[" there. For the same reason marks between
/// the characters of a marker do not hide it. The annotation commands QualityGate means to emit are written with
/// <see cref="GuardedWriter.WriteCommand"/>: escaped by their own writers, and kept whole.
/// </summary>
internal static class OutputGuard
{
    /// <summary>How long a piece of outside text may be in a console line unless the caller says otherwise.</summary>
    public const int DefaultMaxLength = 300;

    private const char Unsafe = '?';

    /// <summary>
    /// Outside text (a test name, a message, a path) made safe to print anywhere in a line, even at its start: one
    /// line, trimmed, at most <paramref name="maxLength"/> characters and an ellipsis, no command it could start.
    /// </summary>
    public static string Text(string? text, int maxLength = DefaultMaxLength) => Neutralise(Clean(text, maxLength).Trim());

    /// <summary>A whole line as it is printed: the same rules, leading indentation kept, no length limit.</summary>
    public static string Line(string? line) => Neutralise(Clean(line, int.MaxValue).TrimEnd());

    /// <summary>
    /// One line without control characters, escape sequences or invisible characters, capped, trimmed; workflow
    /// commands are not broken. For text that is not printed to a CI log (Markdown) or that a guarded writer prints.
    /// </summary>
    public static string Fold(string? text, int maxLength = DefaultMaxLength) => Clean(text, maxLength).Trim();

    private static string Clean(string? text, int maxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(System.Math.Min(text!.Length, maxLength == int.MaxValue ? text.Length : maxLength + 1));
        for (var i = 0; i < text.Length; i++)
        {
            if (builder.Length >= maxLength)
            {
                builder.Append('…');
                break;
            }

            var c = text[i];
            if (c == '\u001b')
            {
                i = Invisible.SkipEscape(text, i);
            }
            else if (IsLineBreak(c))
            {
                if (builder.Length > 0 && builder[builder.Length - 1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var code = char.ConvertToUtf32(c, text[i + 1]);
                i++;
                if (Invisible.IsVariationSelector(code))
                {
                    continue;
                }

                if (Invisible.IsInvisible(code))
                {
                    builder.Append(Unsafe);
                }
                else
                {
                    builder.Append(c).Append(text[i]);
                }
            }
            else if (Invisible.IsVariationSelector(c))
            {
                // Only picks a glyph's style (text or emoji); dropping it changes nothing a reader needs.
            }
            else if (char.IsControl(c) || char.IsSurrogate(c) || Invisible.IsInvisible(c))
            {
                builder.Append(Unsafe);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// True when a CI runner would take <paramref name="line"/> (or a line it splits it into) as a command: what
    /// <see cref="Line"/> never returns.
    /// </summary>
    public static bool LooksLikeCommand(string line) => line.IndexOfAny(['\r', '\n']) >= 0 || Markers(line, atLineStart: true).Count > 0;

    private static bool IsLineBreak(char c) => c is '\r' or '\n' or '\t' or '\v' or '\f' or '\u0085' or '\u2028' or '\u2029';

    /// <summary>
    /// Breaks '##[' and '##vso[' anywhere in <paramref name="text"/> (the runners take them anywhere in a line) with a
    /// visible space, as <see cref="Line"/> does: for text QualityGate puts inside its own command, after that
    /// command's own escaping.
    /// </summary>
    public static string BreakInlineMarkers(string text) => Neutralise(text, atLineStart: false);

    private static string Neutralise(string line) => Neutralise(line, atLineStart: true);

    private static string Neutralise(string line, bool atLineStart)
    {
        var breaks = Markers(line, atLineStart);
        if (breaks.Count == 0)
        {
            return line;
        }

        var builder = new StringBuilder(line.Length + breaks.Count);
        var last = 0;
        foreach (var at in breaks)
        {
            builder.Append(line, last, at - last).Append(' ');
            last = at;
        }

        return builder.Append(line, last, line.Length - last).ToString();
    }

    /// <summary>The positions (after a marker's first character) where a space breaks a workflow command marker.</summary>
    private static SortedSet<int> Markers(string line, bool atLineStart)
    {
        // The characters a culture-sensitive comparison sees: combining and format characters are ignorable there.
        var seen = new List<int>(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            if (!IsIgnorable(line, i))
            {
                seen.Add(i);
            }
        }

        var breaks = new SortedSet<int>();
        var first = 0;
        while (first < seen.Count && char.IsWhiteSpace(line[seen[first]]))
        {
            first++;
        }

        if (atLineStart && first + 1 < seen.Count && line[seen[first]] == ':' && line[seen[first + 1]] == ':')
        {
            breaks.Add(seen[first] + 1);
        }

        for (var k = 0; k + 2 < seen.Count; k++)
        {
            if (line[seen[k]] != '#' || line[seen[k + 1]] != '#')
            {
                continue;
            }

            if (line[seen[k + 2]] == '['
                || (k + 5 < seen.Count && Lower(line[seen[k + 2]]) == 'v' && Lower(line[seen[k + 3]]) == 's' && Lower(line[seen[k + 4]]) == 'o' && line[seen[k + 5]] == '['))
            {
                breaks.Add(seen[k] + 1);
            }
        }

        return breaks;
    }

    private static char Lower(char c) => char.ToLowerInvariant(c);

    private static bool IsIgnorable(string line, int i)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(line[i]);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
            or UnicodeCategory.Control or UnicodeCategory.Surrogate
            || Invisible.IsInvisible(line[i]) || Invisible.IsVariationSelector(line[i]);
    }
}
