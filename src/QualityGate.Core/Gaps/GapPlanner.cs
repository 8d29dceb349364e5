using System;
using System.Collections.Generic;
using System.Linq;
using QualityGate.Coverage;

namespace QualityGate.Gaps;

/// <summary>A file that could help close a gap: its uncovered lines (or branches) and where they are.</summary>
internal sealed class GapCandidate
{
    public GapCandidate(string path, int open, IReadOnlyList<LineSpan> spans)
    {
        Path = path;
        Open = open;
        Spans = spans;
    }

    public string Path { get; }

    public int Open { get; }

    public IReadOnlyList<LineSpan> Spans { get; }

    /// <summary>The file's uncovered lines.</summary>
    public static GapCandidate Lines(FileCoverage file) => new(
        file.Path,
        file.ValidLines - file.CoveredLines,
        LineSpan.Runs(file.Lines.Select(l => (l.Key, !l.Value.IsCovered))));

    /// <summary>The file's branches that never ran, and the lines that hold them.</summary>
    public static GapCandidate Branches(FileCoverage file) => new(
        file.Path,
        file.ValidBranches - file.CoveredBranches,
        LineSpan.Runs(file.Lines.Select(l => (l.Key, l.Value.BranchesCovered < l.Value.BranchesValid))));
}

/// <summary>
/// Plans what closes a missed coverage target. Files are ranked by how much they leave uncovered, most first (ties:
/// by path, ordinal), and the plan is the shortest prefix of that ranking whose uncovered lines reach the number
/// needed. No plan with fewer files exists: any k files leave at most as many lines uncovered as the k largest.
/// </summary>
internal static class GapPlanner
{
    /// <summary>
    /// The fewest more covered units that lift <paramref name="covered"/>/<paramref name="valid"/> to
    /// <paramref name="targetPercent"/>, by the very comparison the gate makes (covered × 100 ÷ valid &lt; target misses).
    /// </summary>
    public static int Needed(int covered, int valid, double targetPercent)
    {
        if (valid <= 0 || !Misses(covered, valid, targetPercent))
        {
            return 0;
        }

        var open = valid - covered;
        var estimate = (int)Math.Ceiling((targetPercent * valid / 100.0) - covered);
        var needed = Math.Max(1, Math.Min(open, estimate));
        while (needed > 1 && !Misses(covered + needed - 1, valid, targetPercent))
        {
            needed--;
        }

        while (needed < open && Misses(covered + needed, valid, targetPercent))
        {
            needed++;
        }

        return needed;
    }

    public static GapPlan Plan(GapUnit unit, int needed, IEnumerable<GapCandidate> candidates)
    {
        var steps = new List<GapStep>();
        var remaining = needed;
        foreach (var candidate in Rank(candidates))
        {
            if (remaining <= 0)
            {
                break;
            }

            var take = Math.Min(candidate.Open, remaining);
            steps.Add(new GapStep(candidate.Path, candidate.Open, take, candidate.Spans));
            remaining -= take;
        }

        return new GapPlan(unit, needed, steps);
    }

    /// <summary>Lines: the plan for lifting the files' line coverage to <paramref name="targetPercent"/>.</summary>
    public static GapPlan ForLines(IReadOnlyCollection<FileCoverage> files, double targetPercent)
    {
        var needed = Needed(files.Sum(f => f.CoveredLines), files.Sum(f => f.ValidLines), targetPercent);
        return Plan(GapUnit.Lines, needed, files.Select(GapCandidate.Lines));
    }

    public static GapPlan ForBranches(IReadOnlyCollection<FileCoverage> files, double targetPercent)
    {
        var needed = Needed(files.Sum(f => f.CoveredBranches), files.Sum(f => f.ValidBranches), targetPercent);
        return Plan(GapUnit.Branches, needed, files.Select(GapCandidate.Branches));
    }

    private static IEnumerable<GapCandidate> Rank(IEnumerable<GapCandidate> candidates) =>
        candidates.Where(c => c.Open > 0).OrderByDescending(c => c.Open).ThenBy(c => c.Path, StringComparer.Ordinal);

    private static bool Misses(int covered, int valid, double targetPercent) => covered * 100.0 / valid < targetPercent;
}
