using System;
using System.IO;
using System.Text;

namespace QualityGate.Diagnostics;

/// <summary>
/// Says what kind of file an input is ("binary data", "UTF-16 text", "an HTML page") from its first bytes, for error
/// messages that must not quote the file. A file given to the gate may be anything a pull request can commit, a
/// symlink to a credentials file included: diagnostics describe it, they never print what it says.
/// </summary>
internal static class FileKind
{
    /// <summary>How many leading bytes <see cref="Describe(byte[], int)"/> looks at.</summary>
    public const int SniffLength = 512;

    /// <summary>The kind of the file at <paramref name="path"/>, or "an unreadable file".</summary>
    public static string Of(string path)
    {
        try
        {
            if (InputFile.Length(path) == 0)
            {
                return "an empty file";
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var buffer = new byte[SniffLength];
            var count = 0;
            int read;
            while (count < buffer.Length && (read = stream.Read(buffer, count, buffer.Length - count)) > 0)
            {
                count += read;
            }

            return Describe(buffer, count);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "an unreadable file";
        }
    }

    /// <summary>The kind of a file whose first <paramref name="count"/> bytes are <paramref name="head"/>.</summary>
    public static string Describe(byte[] head, int count)
    {
        count = Math.Min(count, head.Length);
        if (count == 0)
        {
            return "an empty file";
        }

        if (StartsWith(head, count, 0xFF, 0xFE, 0x00, 0x00) || StartsWith(head, count, 0x00, 0x00, 0xFE, 0xFF))
        {
            return "UTF-32 text";
        }

        if (StartsWith(head, count, 0xFF, 0xFE) || StartsWith(head, count, 0xFE, 0xFF))
        {
            return "UTF-16 text";
        }

        if (count >= 4 && ((head[1] == 0 && head[3] == 0 && head[0] != 0) || (head[0] == 0 && head[2] == 0 && head[1] != 0)))
        {
            return "UTF-16 text without a byte-order mark";
        }

        if (Magic(head, count) is { } magic)
        {
            return magic;
        }

        var start = StartsWith(head, count, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        if (!IsText(head, start, count))
        {
            return "binary data";
        }

        while (start < count && head[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        if (start == count)
        {
            return "only white space";
        }

        var text = Encoding.UTF8.GetString(head, start, count - start);
        return text[0] switch
        {
            '[' when IniSection(text) => "INI-style text (a [section] header)",
            '{' or '[' => "JSON",
            '<' when Has(text, "<!DOCTYPE html") || Has(text, "<html") => "an HTML page",
            '<' when Has(text, "<<<<<<<") => "text with merge conflict markers",
            '<' => "XML",
            _ when Has(text, "-----BEGIN") => "PEM-encoded text (a key or a certificate)",
            _ when Has(text, "TN:") || Has(text, "SF:") => "an LCOV tracefile",
            _ => "plain text that is neither JSON nor XML",
        };
    }

    private static string? Magic(byte[] head, int count)
    {
        if (StartsWith(head, count, 0x1F, 0x8B))
        {
            return "a gzip archive";
        }

        if (StartsWith(head, count, (byte)'P', (byte)'K', 0x03, 0x04))
        {
            return "a zip archive (a .nupkg, .docx or .zip file)";
        }

        if (StartsWith(head, count, 0x7F, (byte)'E', (byte)'L', (byte)'F'))
        {
            return "an ELF executable";
        }

        if (StartsWith(head, count, (byte)'M', (byte)'Z'))
        {
            return "a Windows executable or .NET assembly";
        }

        if (StartsWith(head, count, (byte)'P', (byte)'C', (byte)'H'))
        {
            return "a binary Microsoft.CodeCoverage .coverage file";
        }

        return StartsWith(head, count, (byte)'%', (byte)'P', (byte)'D', (byte)'F') ? "a PDF document" : null;
    }

    // Text: valid UTF-8 (a cut-off sequence at the end of the sniffed bytes is fine) without NUL or other C0
    // controls than tab, CR, LF and form feed.
    private static bool IsText(byte[] head, int start, int count)
    {
        for (var i = start; i < count;)
        {
            var b = head[i];
            if (b < 0x80)
            {
                if (b < 0x20 && b is not ((byte)'\t' or (byte)'\r' or (byte)'\n' or 0x0C))
                {
                    return false;
                }

                i++;
                continue;
            }

            var length = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 0;
            if (length == 0 || b > 0xF4)
            {
                return false;
            }

            for (var k = 1; k < length; k++)
            {
                if (i + k >= count)
                {
                    return true;
                }

                if ((head[i + k] & 0xC0) != 0x80)
                {
                    return false;
                }
            }

            i += length;
        }

        return true;
    }

    // "[default]" on a line of its own: an .ini, .gitconfig or AWS credentials file, not a JSON array.
    private static bool IniSection(string text)
    {
        var end = text.IndexOf(']');
        if (end < 2 || (end + 1 < text.Length && text[end + 1] is not ('\r' or '\n')))
        {
            return false;
        }

        for (var i = 1; i < end; i++)
        {
            if (!(char.IsLetterOrDigit(text[i]) || text[i] is ' ' or '.' or '_' or '-' or '"'))
            {
                return false;
            }
        }

        return char.IsLetter(text[1]) && text.Substring(1, end - 1) is not ("true" or "false" or "null");
    }

    private static bool Has(string text, string prefix) => text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);

    private static bool StartsWith(byte[] head, int count, params byte[] prefix)
    {
        if (count < prefix.Length)
        {
            return false;
        }

        for (var i = 0; i < prefix.Length; i++)
        {
            if (head[i] != prefix[i])
            {
                return false;
            }
        }

        return true;
    }
}
