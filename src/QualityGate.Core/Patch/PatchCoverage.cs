using System;
using System.Collections.Generic;
using System.Linq;
using QualityGate.Coverage;
using QualityGate.Reports;

namespace QualityGate.Patch;

/// <summary>A run of uncovered changed lines in one file, for "file:from-to" listings.</summary>
internal sealed class LineRange
{
    public LineRange(string file, int from, int to)
    {
        File = file;
        From = from;
        To = to;
    }

    public string File { get; }

    public int From { get; }

    public int To { get; }

    public override string ToString() => From == To ? $"{File}:{From}" : $"{File}:{From}-{To}";
}

/// <summary>The coverage of the lines a change touched.</summary>
internal sealed class PatchResult
{
    public Ratio Lines { get; set; }

    public int ChangedFiles { get; set; }

    public List<LineRange> Uncovered { get; } = [];

    /// <summary>Changed source files the coverage report does not contain (not built, excluded, or new and untested).</summary>
    public List<string> NotInCoverage { get; } = [];

    /// <summary>Renames the diff reported, "old → new".</summary>
    public List<string> Renamed { get; } = [];

    /// <summary>True when the change touches no coverable line: patch coverage does not apply (never a silent 100 %).</summary>
    public bool NoCoverableLines => Lines.Valid == 0;
}

/// <summary>Intersects a diff with the coverage: of the changed lines, which are coverable, and which of those ran.</summary>
internal static class PatchCoverage
{
    private static readonly string[] SourceExtensions = [".cs", ".vb", ".fs"];

    /// <summary><paramref name="toCoveragePath"/> maps a diff path (relative to the git top folder) to the coverage's path form.</summary>
    public static PatchResult Compute(IReadOnlyList<FileChange> changes, CoverageData coverage, Func<string, string> toCoveragePath)
    {
        var result = new PatchResult { ChangedFiles = changes.Count };
        int covered = 0, valid = 0;
        foreach (var change in changes.OrderBy(c => c.Path, StringComparer.Ordinal))
        {
            if (change.RenamedFrom is { } from)
            {
                result.Renamed.Add($"{from} → {change.Path}");
            }

            var path = toCoveragePath(change.Path);
            if (!coverage.Files.TryGetValue(path, out var file))
            {
                if (SourceExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)) && (change.Lines.Count > 0 || change.WholeFile))
                {
                    result.NotInCoverage.Add(path);
                }

                continue;
            }

            var uncovered = new List<int>();
            foreach (var line in change.WholeFile ? file.Lines.Keys.OrderBy(l => l) : (IEnumerable<int>)change.Lines)
            {
                if (file.Lines.TryGetValue(line, out var hits))
                {
                    valid++;
                    if (hits.IsCovered)
                    {
                        covered++;
                    }
                    else
                    {
                        uncovered.Add(line);
                    }
                }
            }

            result.Uncovered.AddRange(Ranges(path, uncovered));
        }

        result.Lines = new Ratio(covered, valid);
        return result;
    }

    private static IEnumerable<LineRange> Ranges(string file, List<int> lines)
    {
        for (var i = 0; i < lines.Count;)
        {
            var j = i;
            while (j + 1 < lines.Count && lines[j + 1] == lines[j] + 1)
            {
                j++;
            }

            yield return new LineRange(file, lines[i], lines[j]);
            i = j + 1;
        }
    }
}
