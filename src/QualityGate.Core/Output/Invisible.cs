using System.Globalization;

namespace QualityGate.Output;

/// <summary>
/// Characters a reader cannot see but that change what a text means or how it is shown: bidirectional overrides and
/// isolates (the "Trojan Source" reordering), zero-width spaces and joiners, tag characters that smuggle hidden text,
/// fillers that render as nothing; and terminal escape sequences. The console guard and the HTML, XML and Markdown
/// escapers all take them from here.
/// </summary>
internal static class Invisible
{
    /// <summary>
    /// Format characters (Unicode category Cf: U+200B–U+200F, U+202A–U+202E, U+2066–U+2069, U+FEFF, tags …) and the
    /// other default-ignorable code points, variation selectors aside.
    /// </summary>
    public static bool IsInvisible(int code)
    {
        if (code < 0x10000)
        {
            var c = (char)code;
            return CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format
                || code is 0x034F or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x3164 or 0xFFA0 or (>= 0xFFF0 and <= 0xFFF8);
        }

        return code is (>= 0x1BCA0 and <= 0x1BCA3) or (>= 0x1D173 and <= 0x1D17A) or 0x110BD or 0x110CD or (>= 0x13430 and <= 0x1343F)
            || (code is >= 0xE0000 and <= 0xE0FFF && !IsVariationSelector(code));
    }

    /// <summary>Variation selectors only choose a glyph's style (text or emoji): harmless, and dropped.</summary>
    public static bool IsVariationSelector(int code) =>
        code is (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF) or (>= 0x180B and <= 0x180D) or 0x180F;

    /// <summary>Returns the index of the last character of the escape sequence that starts (with ESC) at <paramref name="start"/>.</summary>
    public static int SkipEscape(string text, int start)
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

        if (kind is ']' or 'P' or '_' or '^' or 'X')
        {
            // OSC (window titles, hyperlinks), DCS, APC, PM, SOS: strings up to BEL or ESC \.
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
