using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace QualityGate.Coverage;

/// <summary>
/// The coverable lines of one source file, each counted once however many classes, methods or reports list it.
/// </summary>
public sealed class FileCoverage
{
    private readonly LineTable _lines = new();

    /// <param name="path">Repository-relative, '/' separators (see <see cref="PathMapper"/>).</param>
    public FileCoverage(string path)
    {
        Path = path ?? throw new ArgumentNullException(nameof(path));
    }

    public string Path { get; }

    /// <summary>Line number to what ran there, in line order.</summary>
    public IReadOnlyDictionary<int, LineHits> Lines => _lines;

    public int ValidLines => _lines.Count;

    public int CoveredLines { get; private set; }

    public int ValidBranches { get; private set; }

    public int CoveredBranches { get; private set; }

    /// <summary>
    /// Adds what one class, method or report says about <paramref name="line"/>. Lines are a union: the hits add up,
    /// so a line covered by any source is covered. Branches take the maximum of the covered and the maximum of the
    /// valid counts seen for the line, never their sum: Cobertura only gives counts ("50% (1/2)"), not which branch
    /// is which, so two reports that each cover one of a line's two branches merge to 1/2, not 2/2. That errs low,
    /// never high. (OpenCover names its branches; <see cref="CoverageReader"/> resolves those before they get here.)
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    public void Add(int line, LineHits hits)
    {
        if (line < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(line), line, "Source lines are numbered from 1.");
        }

        if (!_lines.TryGetValue(line, out var old))
        {
            _lines.Set(line, hits, added: true);
            CoveredLines += hits.IsCovered ? 1 : 0;
            ValidBranches += hits.BranchesValid;
            CoveredBranches += hits.BranchesCovered;
            return;
        }

        var merged = new LineHits(
            old.Hits + hits.Hits,
            Math.Max(old.BranchesCovered, hits.BranchesCovered),
            Math.Max(old.BranchesValid, hits.BranchesValid));
        _lines.Set(line, merged, added: false);
        CoveredLines += (merged.IsCovered ? 1 : 0) - (old.IsCovered ? 1 : 0);
        ValidBranches += merged.BranchesValid - old.BranchesValid;
        CoveredBranches += merged.BranchesCovered - old.BranchesCovered;
    }
}
