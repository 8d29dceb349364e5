using System.Text;

namespace QualityGate.Recording;

/// <summary>Makes test names and messages safe for a terminal: no control characters, no ANSI escapes, one line.</summary>
public static class ConsoleText
{
    public static string OneLine(string? text, int maxLength = 300)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(System.Math.Min(text!.Length, maxLength + 1));
        foreach (var c in text)
        {
            if (builder.Length >= maxLength)
            {
                builder.Append('…');
                break;
            }

            if (c is '\r' or '\n' or '\t')
            {
                if (builder.Length > 0 && builder[builder.Length - 1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else if (char.IsControl(c))
            {
                // ESC and friends would let a test name recolour or rewrite the terminal.
                builder.Append('?');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }
}
