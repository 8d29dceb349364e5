using System.Text;

namespace QualityGate.Reports;

/// <summary>
/// Makes untrusted text (test names, messages) inert in Markdown: no tables broken by '|', no HTML, no code spans,
/// links or emphasis, one line.
/// </summary>
internal static class MarkdownText
{
    public static string Escape(string? text, int maxLength = 200)
    {
        var line = Recording.ConsoleText.OneLine(text, maxLength);
        var builder = new StringBuilder(line.Length + 16);
        foreach (var c in line)
        {
            switch (c)
            {
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '&': builder.Append("&amp;"); break;
                case '|': builder.Append("&#124;"); break;
                case '\\': case '`': case '*': case '_': case '[': case ']': case '#': case '~': case '!': case '(': case ')':
                    builder.Append('\\').Append(c);
                    break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }
}
