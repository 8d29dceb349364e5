using System;
using System.IO;
using System.Linq;
using System.Text;
using QualityGate.Diagnostics;
using QualityGate.Files;

namespace QualityGate.Coverage;

/// <summary>
/// Holds a report against the repository's own source files where they can be read: a line beyond a file's end
/// means the report describes another file (QG3008), and a path matched by its file name alone is placed on that
/// file only when the report's lines fit it. Reads only regular files inside the repository, never a symlink, a
/// device or a FIFO (a committed symlink to /dev/zero must not hang the gate), and stops counting once the report's
/// last line is reached.
/// </summary>
internal static class SourceFiles
{
    /// <summary>Source files larger than this are not read (they are generated data, not code).</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    public static void Check(CoverageData data, PathMapper paths, string report)
    {
        foreach (var guess in paths.NameOnlyMatches.Where(g => data.Files.ContainsKey(g.Key)).ToList())
        {
            var file = data.Files[guess.Key];
            if (CountLines(paths.RepoRoot, guess.Value, file.MaxLine) is { } lines && file.MaxLine <= lines)
            {
                data.Rename(guess.Key, guess.Value);
            }
        }

        foreach (var file in data.Files.Values)
        {
            if (PathMapper.IsOutside(file.Path) || file.MaxLine == 0)
            {
                continue;
            }

            if (CountLines(paths.RepoRoot, file.Path, file.MaxLine) is { } lines && file.MaxLine > lines)
            {
                // The line count is not printed: the file may be a symlink's target outside the repository.
                throw new QualityGateException(
                    DiagnosticCode.CoverageBeyondSource,
                    $"the coverage report gives line {CoverageLimits.Number(file.MaxLine)} of {file.Path}, beyond the end of that "
                    + "file in this repository: the report does not describe this file. It is stale (the file changed since the "
                    + "tests ran) or comes from another checkout; run the tests again with coverage.",
                    report);
            }
        }
    }

    /// <summary>
    /// The repository file a report names, when it may be read: inside <paramref name="root"/>, a regular file (not a
    /// link, folder, pipe or device: a committed link to /dev/zero or a FIFO would hang a reader, a link out of the
    /// repository would publish what it points at) and at most <paramref name="maxBytes"/> long; otherwise null.
    /// Every reader of source files goes through here.
    /// </summary>
    public static FileInfo? RegularFileInside(string root, string relativePath, long maxBytes)
    {
        var full = Path.GetFullPath(Path.Combine(root, relativePath));
        if (!full.StartsWith(root.TrimEnd('/', '\\') + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            && !full.Replace('\\', '/').StartsWith(root.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (FileNode.KindOfLink(full) != FileType.Regular)
        {
            return null;
        }

        var info = new FileInfo(full);
        return info.Length > maxBytes ? null : info;
    }

    /// <summary>
    /// The file's line count as the compiler numbers lines (CR, LF, CRLF, NEL, LS and PS end a line), counting no
    /// further than <paramref name="enough"/>; null when the file cannot be judged (absent, not a regular file, empty,
    /// too large, outside the repository, unreadable).
    /// </summary>
    public static int? CountLines(string root, string relativePath, int enough)
    {
        try
        {
            if (RegularFileInside(root, relativePath, MaxBytes) is not { } info || info.Length == 0)
            {
                return null;
            }

            var full = info.FullName;
            using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan);
            return Count(stream, info.Length, enough);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private static int Count(Stream stream, long length, int enough)
    {
        var bytes = new byte[1 << 16];
        var read = stream.Read(bytes, 0, (int)Math.Min(bytes.Length, length));
        var encoding = read >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE ? Encoding.Unicode
            : read >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF ? Encoding.BigEndianUnicode
            : Encoding.UTF8;
        var decoder = encoding.GetDecoder();
        var chars = new char[encoding.GetMaxCharCount(bytes.Length)];
        long remaining = length;
        var lines = 1;
        var afterCr = false;
        while (read > 0)
        {
            remaining -= read;
            var count = decoder.GetChars(bytes, 0, read, chars, 0);
            for (var i = 0; i < count; i++)
            {
                var c = chars[i];
                if (c == '\n' && afterCr)
                {
                    afterCr = false;
                    continue;
                }

                afterCr = c == '\r';
                if (c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029')
                {
                    lines++;
                }
            }

            if (lines >= enough || remaining <= 0)
            {
                break;
            }

            read = stream.Read(bytes, 0, (int)Math.Min(bytes.Length, remaining));
        }

        return lines;
    }
}
