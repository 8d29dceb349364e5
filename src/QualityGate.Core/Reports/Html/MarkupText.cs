using System.Text;

namespace QualityGate.Reports.Html;

/// <summary>
/// Makes untrusted text (test names, messages, layer names) inert in HTML, SVG and XML: markup characters become
/// entities, ANSI escape sequences are dropped, and every character XML 1.0 forbids (other control characters, lone
/// surrogates, U+FFFE/U+FFFF) becomes U+FFFD, so the output is well-formed whatever a test printed.
/// </summary>
public static class MarkupText
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
                i = SkipEscape(text, i);
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
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(IsAllowed(c) ? c : Replacement);
            }
        }

        return builder.ToString();
    }

    private static bool IsAllowed(char c) =>
        c is '\n' or '\t' || (c >= '\u0020' && c <= '\u007e') || (c >= '\u00a0' && c <= '\ud7ff') || (c >= '\ue000' && c <= '\ufffd');

    /// <summary>Returns the index of the last character of the escape sequence that starts at <paramref name="start"/>.</summary>
    private static int SkipEscape(string text, int start)
    {
        if (start + 1 >= text.Length)
        {
            return start;
        }

        var kind = text[start + 1];
        if (kind == '[')
        {
            // CSI: parameters and intermediates, then one final byte in @..~ (colours, cursor movement, erasing).
            var i = start + 2;
            while (i < text.Length && text[i] >= '\u0020' && text[i] <= '\u003f')
            {
                i++;
            }

            return i < text.Length && text[i] >= '\u0040' && text[i] <= '\u007e' ? i : i - 1;
        }

        if (kind == ']')
        {
            // OSC (window titles, hyperlinks): up to BEL or ESC \.
            for (var i = start + 2; i < text.Length; i++)
            {
                if (text[i] == '\u0007')
                {
                    return i;
                }

                if (text[i] == '\u001b' && i + 1 < text.Length && text[i + 1] == '\\')
                {
                    return i + 1;
                }
            }

            return text.Length - 1;
        }

        // A two-character escape (ESC c, ESC 7, ...).
        return kind >= '\u0020' && kind <= '\u007e' ? start + 1 : start;
    }
}
