using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using QualityGate.Diagnostics;

namespace QualityGate.Patch;

/// <summary>The lines one file gained or changed, by their numbers in the new version.</summary>
internal sealed class FileChange
{
    public FileChange(string path, string? renamedFrom)
    {
        Path = path;
        RenamedFrom = renamedFrom;
    }

    /// <summary>The new path, relative to the repository's top folder, '/' separators.</summary>
    public string Path { get; }

    public string? RenamedFrom { get; }

    public SortedSet<int> Lines { get; } = [];

    /// <summary>
    /// git showed no lines ("Binary files … differ", as a .gitattributes "-diff" makes it say of any file): every
    /// coverable line of the file counts as changed, so marking sources binary cannot hide a change.
    /// </summary>
    public bool WholeFile { get; set; }
}

/// <summary>
/// Reads 'git diff --unified=0 --find-renames --src-prefix=a/ --dst-prefix=b/' output: which lines of which files a
/// change added or changed. What it does not understand is an error (QG3014), never a file left out of the patch.
/// </summary>
internal static class UnifiedDiff
{
    public static IReadOnlyList<FileChange> Parse(string diff)
    {
        var changes = new List<FileChange>();
        string? renamedFrom = null;
        FileChange? current = null;
        foreach (var raw in diff.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("diff --git ", StringComparison.Ordinal))
            {
                renamedFrom = null;
                current = null;
            }
            else if (line.StartsWith("rename from ", StringComparison.Ordinal))
            {
                renamedFrom = Unquote(line.Substring("rename from ".Length));
            }
            else if (line.StartsWith("rename to ", StringComparison.Ordinal))
            {
                // A pure rename has no "+++" line: the file is recorded here, its hunks (if any) follow.
                current = new FileChange(Unquote(line.Substring("rename to ".Length)), renamedFrom);
                changes.Add(current);
            }
            else if (line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                var target = Target(line.Substring(4));
                if (current is not null && current.Path == target)
                {
                    continue;
                }

                // Deleted files ("+++ /dev/null") have no new lines to cover.
                current = target is null ? null : new FileChange(target, renamedFrom);
                if (current is not null)
                {
                    changes.Add(current);
                }
            }
            else if (line.StartsWith("Binary files ", StringComparison.Ordinal) && line.EndsWith(" differ", StringComparison.Ordinal))
            {
                if (BinaryTarget(line) is { } target)
                {
                    if (current is null || current.Path != target)
                    {
                        current = new FileChange(target, renamedFrom);
                        changes.Add(current);
                    }

                    current.WholeFile = true;
                }
            }
            else if (current is not null && line.StartsWith("@@ ", StringComparison.Ordinal))
            {
                AddHunk(current, line);
            }
        }

        return changes;
    }

    // "@@ -10,2 +12,3 @@ context": new lines 12, 13 and 14. "+12" alone is one line; "+12,0" none (a pure deletion).
    private static void AddHunk(FileChange change, string header)
    {
        var plus = header.IndexOf(" +", StringComparison.Ordinal);
        var end = plus < 0 ? -1 : header.IndexOf(' ', plus + 2);
        if (plus < 0 || end < 0)
        {
            throw Unreadable($"the hunk header '{header}' of {change.Path} has no new line range");
        }

        var range = header.Substring(plus + 2, end - plus - 2).Split(',');
        if (!int.TryParse(range[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || (range.Length > 1 && !int.TryParse(range[1], NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            throw Unreadable($"the hunk header '{header}' of {change.Path} has no new line range");
        }

        var count = range.Length > 1 ? int.Parse(range[1], NumberStyles.None, CultureInfo.InvariantCulture) : 1;
        for (var line = start; line < start + count; line++)
        {
            change.Lines.Add(line);
        }
    }

    /// <summary>The new path of a "+++" line, without its "b/" prefix; null for a deleted file.</summary>
    private static string? Target(string name)
    {
        // git ends a name that contains a space with a tab, for patch(1).
        var target = Unquote(name.TrimEnd('\t'));
        if (target == "/dev/null")
        {
            return null;
        }

        if (!target.StartsWith("b/", StringComparison.Ordinal))
        {
            throw Unreadable($"the file header '+++ {name}' does not start with the b/ prefix, so its path cannot be told from a prefix git was configured to write (diff.mnemonicPrefix, diff.noprefix)");
        }

        return target.Substring(2);
    }

    // "Binary files a/x.cs and b/x.cs differ", names quoted like any other; "/dev/null" for a side that does not exist.
    private static string? BinaryTarget(string line)
    {
        var names = line.Substring("Binary files ".Length, line.Length - "Binary files ".Length - " differ".Length);
        var at = names.EndsWith("\"", StringComparison.Ordinal) ? names.LastIndexOf(" and \"", StringComparison.Ordinal) : names.LastIndexOf(" and b/", StringComparison.Ordinal);
        at = at < 0 ? names.LastIndexOf(" and /dev/null", StringComparison.Ordinal) : at;
        if (at < 0)
        {
            throw Unreadable($"'{line}' names no new file");
        }

        return Target(names.Substring(at + " and ".Length));
    }

    /// <summary>
    /// git's C-style quoting of unusual names: "b/na\303\257ve.cs" is the UTF-8 bytes of "naïve.cs", with \a \b \t \n
    /// \v \f \r \" and \\ for the rest. A name git did not quote is returned as it is.
    /// </summary>
    internal static string Unquote(string name)
    {
        if (name.Length < 2 || name[0] != '"' || name[name.Length - 1] != '"')
        {
            return name;
        }

        var bytes = new List<byte>(name.Length);
        for (var i = 1; i < name.Length - 1; i++)
        {
            var c = name[i];
            if (c != '\\')
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
                continue;
            }

            if (++i >= name.Length - 1)
            {
                throw Unreadable($"the quoted name {name} ends in the middle of an escape");
            }

            var e = name[i];
            if (e is >= '0' and <= '3' && i + 2 < name.Length - 1 && IsOctal(name[i + 1]) && IsOctal(name[i + 2]))
            {
                bytes.Add((byte)(((e - '0') << 6) | ((name[i + 1] - '0') << 3) | (name[i + 2] - '0')));
                i += 2;
                continue;
            }

            bytes.Add(e switch
            {
                'a' => 7,
                'b' => 8,
                't' => 9,
                'n' => 10,
                'v' => 11,
                'f' => 12,
                'r' => 13,
                '"' => (byte)'"',
                '\\' => (byte)'\\',
                _ => throw Unreadable($"the quoted name {name} has an escape git does not write (\\{e})"),
            });
        }

        try
        {
            return StrictUtf8.GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            throw Unreadable($"the name {name} is not UTF-8, so it cannot be matched with the coverage report's paths");
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static bool IsOctal(char c) => c is >= '0' and <= '7';

    private static QualityGateException Unreadable(string what) => new(
        DiagnosticCode.DiffUnreadable,
        $"the diff for patch coverage cannot be read: {what}. Patch coverage is not measured on a guess; report this with the git version.");
}
