using System;
using System.Collections.Generic;
using System.Globalization;

namespace QualityGate.Patch;

/// <summary>The lines one file gained or changed, by their numbers in the new version.</summary>
public sealed class FileChange
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
}

/// <summary>Reads 'git diff --unified=0 --find-renames' output: which lines of which files a change added or changed.</summary>
public static class UnifiedDiff
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
                var target = Unquote(line.Substring(4));
                if (current is not null && "b/" + current.Path == target)
                {
                    continue;
                }

                // Deleted files ("+++ /dev/null") have no new lines to cover.
                current = target == "/dev/null" ? null : new FileChange(target.StartsWith("b/", StringComparison.Ordinal) ? target.Substring(2) : target, renamedFrom);
                if (current is not null)
                {
                    changes.Add(current);
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
            return;
        }

        var range = header.Substring(plus + 2, end - plus - 2).Split(',');
        if (!int.TryParse(range[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start))
        {
            return;
        }

        var count = range.Length > 1 && int.TryParse(range[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
        for (var line = start; line < start + count; line++)
        {
            change.Lines.Add(line);
        }
    }

    // git quotes paths with unusual characters: "b/dir/with \"quote\".cs".
    private static string Unquote(string path) =>
        path.Length >= 2 && path[0] == '"' && path[path.Length - 1] == '"'
            ? path.Substring(1, path.Length - 2).Replace("\\\"", "\"").Replace("\\\\", "\\")
            : path;
}
