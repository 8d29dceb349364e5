using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace QualityGate.Coverage;

/// <summary>
/// The coverable lines of one source file, each counted once however many classes, methods or reports list it.
/// </summary>
internal sealed class FileCoverage
{
    private readonly LineTable _lines = new();

    // Which branches of a line ran, bit i for the line's i-th branch point, where the report says (OpenCover names
    // its branches by IL offset and path; Cobertura only counts them). Kept aside: most reports have none.
    private Dictionary<int, ulong>? _branchMasks;

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

    // Branch counts are kept wide: a corrupt report may claim more than an int holds, which CoverageData refuses
    // (QG3007) rather than let a sum wrap around to a rate that passes.
    public int ValidBranches => Narrow(ValidBranchCount);

    public int CoveredBranches => Narrow(CoveredBranchCount);

    /// <summary>The highest line number with coverage (0 when none).</summary>
    public int MaxLine { get; private set; }

    internal long ValidBranchCount { get; private set; }

    internal long CoveredBranchCount { get; private set; }

    /// <summary>Which of the line's branches ran, when the report named them; null when only counts are known.</summary>
    public ulong? BranchMask(int line) => _branchMasks is not null && _branchMasks.TryGetValue(line, out var mask) ? mask : null;

    /// <summary>
    /// Adds branches that are known one by one (bit i of <paramref name="coveredMask"/>: the line's i-th branch ran).
    /// Two such reports of the same build merge exactly: a branch covered in either is covered.
    /// </summary>
    public void AddBranches(int line, int valid, ulong coveredMask)
    {
        if (valid is < 1 or > 64 || !_lines.TryGetValue(line, out var old))
        {
            Add(line, new LineHits(0, PopCount(coveredMask), valid));
            return;
        }

        var known = BranchMask(line);
        if (old.BranchesValid != 0 && (known is null || old.BranchesValid != valid))
        {
            // The other side gave counts only, or a different build: fall back to the counts rule.
            Add(line, new LineHits(0, PopCount(coveredMask), valid));
            return;
        }

        var mask = (known ?? 0UL) | coveredMask;
        (_branchMasks ??= [])[line] = mask;
        var merged = new LineHits(old.Hits, PopCount(mask), valid);
        _lines.Set(line, merged, added: false);
        ValidBranchCount += merged.BranchesValid - old.BranchesValid;
        CoveredBranchCount += merged.BranchesCovered - old.BranchesCovered;
    }

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
            ValidBranchCount += hits.BranchesValid;
            CoveredBranchCount += hits.BranchesCovered;
            MaxLine = Math.Max(MaxLine, line);
            return;
        }

        if (hits.BranchesValid > 0)
        {
            // Counts without names meet named branches: only the counts rule is left.
            _branchMasks?.Remove(line);
        }

        // Hit counts saturate: a sum past long.MaxValue must not wrap negative and turn a covered line uncovered.
        var merged = new LineHits(
            hits.Hits > 0 && old.Hits > long.MaxValue - hits.Hits ? long.MaxValue : old.Hits + hits.Hits,
            Math.Max(old.BranchesCovered, hits.BranchesCovered),
            Math.Max(old.BranchesValid, hits.BranchesValid));
        _lines.Set(line, merged, added: false);
        CoveredLines += (merged.IsCovered ? 1 : 0) - (old.IsCovered ? 1 : 0);
        ValidBranchCount += merged.BranchesValid - old.BranchesValid;
        CoveredBranchCount += merged.BranchesCovered - old.BranchesCovered;
    }

    private static int Narrow(long count) => count > int.MaxValue ? int.MaxValue : (int)count;

    private static int PopCount(ulong value)
    {
        var count = 0;
        while (value != 0)
        {
            value &= value - 1;
            count++;
        }

        return count;
    }
}
