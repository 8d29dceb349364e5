using System.Text;

namespace QualityGate.Reports.Html;

/// <summary>
/// Makes untrusted text (test names, messages, layer names) inert in HTML, SVG and XML: markup characters become
/// entities, ANSI escape sequences are dropped, and every character XML 1.0 forbids (other control characters, lone
/// surrogates, U+FFFE/U+FFFF) or a reader cannot see (bidirectional overrides, zero-width characters, tags) becomes
/// U+FFFD, so the output is well-formed and shows what a test printed, in the order it printed it.
/// </summary>
internal static class MarkupText
{
    private const char Replacement = '\uFFFD';

    /// <summary>Text content or a quoted attribute value of HTML, SVG or XML.</summary>
    public static string Escape(string? text, int maxLength = int.MaxValue)
    {
        var clean = Clean(text, maxLength);
        var builder = new StringBuilder(clean.Length + 16);
        foreach (var c in clean)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>An XML attribute value: as <see cref="Escape"/>, and line breaks kept as character references
    /// (a parser would otherwise normalise them to spaces).</summary>
    public static string Attribute(string? text, int maxLength = int.MaxValue) =>
        Escape(text, maxLength).Replace("\n", "&#10;").Replace("\t", "&#9;");

    /// <summary>
    /// Drops ANSI escape sequences, turns CR LF and lone CR into LF, replaces characters XML cannot carry with U+FFFD
    /// and cuts the text to <paramref name="maxLength"/> characters (never inside a surrogate pair).
    /// </summary>
    public static string Clean(string? text, int maxLength = int.MaxValue)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(System.Math.Min(text!.Length, 4096));
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
                i = Output.Invisible.SkipEscape(text, i);
            }
            else if (c == '\r')
            {
                builder.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var code = char.ConvertToUtf32(c, text[++i]);
                if (Output.Invisible.IsInvisible(code))
                {
                    builder.Append(Replacement);
                }
                else if (!Output.Invisible.IsVariationSelector(code))
                {
                    builder.Append(c).Append(text[i]);
                }
            }
            else if (Output.Invisible.IsVariationSelector(c))
            {
                // A glyph style choice (text or emoji): dropped like everywhere else.
            }
            else
            {
                builder.Append(IsAllowed(c) ? c : Replacement);
            }
        }

        return builder.ToString();
    }

    // Invisible characters (bidirectional overrides, zero-width characters) are allowed by XML but would let a name
    // reorder or hide what the page shows: they become U+FFFD too.
    private static bool IsAllowed(char c) =>
        (c is '\n' or '\t' || (c >= '\u0020' && c <= '\u007e') || (c >= '\u00a0' && c <= '\ud7ff') || (c >= '\ue000' && c <= '\ufffd'))
        && !Output.Invisible.IsInvisible(c);
}
