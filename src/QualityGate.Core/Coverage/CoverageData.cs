using System;
using System.Collections.Generic;
using System.Linq;

namespace QualityGate.Coverage;

/// <summary>Coverage of a set of source files, from one report or the union of several.</summary>
internal sealed class CoverageData
{
    // One file, one entry: on a file system that ignores case, two reports' spellings of a path are the same file.
    private readonly Dictionary<string, FileCoverage> _files = new(QualityGate.Files.FileNode.PathComparer);
    private readonly List<string> _sources = new();

    /// <summary>Repository-relative path to the file's coverage.</summary>
    public IReadOnlyDictionary<string, FileCoverage> Files => _files;

    /// <summary>The report files merged in, in the order they were read.</summary>
    public IReadOnlyList<string> Sources => _sources;

    /// <summary>Packages of a report left out as test code (a test assembly), so an empty result can say why.</summary>
    public SortedSet<string> ExcludedTestPackages { get; } = new(System.StringComparer.Ordinal);

    /// <summary>The file's coverage, created empty the first time its path is asked for.</summary>
    public FileCoverage GetOrAddFile(string path)
    {
        if (!_files.TryGetValue(path, out var file))
        {
            file = new FileCoverage(path);
            _files.Add(path, file);
        }

        return file;
    }

    /// <summary>Records that a report file went into this data; each is listed once.</summary>
    public void AddSource(string reportPath)
    {
        if (!_sources.Contains(reportPath, StringComparer.Ordinal))
        {
            _sources.Add(reportPath);
        }
    }

    /// <summary>
    /// Adds <paramref name="other"/> line by line: a line covered in either is covered, and the totals are counted
    /// again from the lines. Rates are never averaged: two reports at 50% over different lines can make 100%.
    /// </summary>
    public void Merge(CoverageData other)
    {
        if (other is null)
        {
            throw new ArgumentNullException(nameof(other));
        }

        // Snapshot first: merging a data set into itself must not enumerate what it is changing.
        foreach (var file in other._files.Values.ToArray())
        {
            MergeFile(file, GetOrAddFile(file.Path));
        }

        foreach (var source in other._sources.ToArray())
        {
            AddSource(source);
        }

        CheckCounts(null);
    }

    /// <summary>Moves a file's coverage to another path (a report path the reader placed in the repository after all).</summary>
    internal void Rename(string from, string to)
    {
        if (from == to || !_files.TryGetValue(from, out var file))
        {
            return;
        }

        _files.Remove(from);
        MergeFile(file, GetOrAddFile(to));
    }

    /// <summary>Refuses (QG3007) line or branch totals an int cannot hold: no real report comes near, a forged one would wrap around.</summary>
    internal void CheckCounts(string? report)
    {
        long lines = 0, branches = 0;
        foreach (var file in _files.Values)
        {
            lines += file.ValidLines;
            branches += file.ValidBranchCount;
        }

        if (lines > int.MaxValue || branches > int.MaxValue)
        {
            throw CoverageLimits.Implausible(report, $"{(report is null ? "reports together give" : "report gives")} {CoverageLimits.Number(lines)} lines and {CoverageLimits.Number(branches)} branches, more than any code base has");
        }
    }

    private static void MergeFile(FileCoverage file, FileCoverage target)
    {
        foreach (var line in file.Lines.ToArray())
        {
            if (file.BranchMask(line.Key) is { } mask)
            {
                target.Add(line.Key, new LineHits(line.Value.Hits, 0, 0));
                target.AddBranches(line.Key, line.Value.BranchesValid, mask);
            }
            else
            {
                target.Add(line.Key, line.Value);
            }
        }
    }

    public (int Covered, int Valid) LineTotals()
    {
        int covered = 0, valid = 0;
        foreach (var file in _files.Values)
        {
            covered += file.CoveredLines;
            valid += file.ValidLines;
        }

        return (covered, valid);
    }

    public (int Covered, int Valid) BranchTotals()
    {
        int covered = 0, valid = 0;
        foreach (var file in _files.Values)
        {
            covered += file.CoveredBranches;
            valid += file.ValidBranches;
        }

        return (covered, valid);
    }
}
