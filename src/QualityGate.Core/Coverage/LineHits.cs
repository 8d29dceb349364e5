namespace QualityGate.Coverage;

/// <summary>What a coverage report says about one source line: how often it ran and how many of its branches did.</summary>
internal readonly struct LineHits
{
    public LineHits(long hits, int branchesCovered, int branchesValid)
    {
        Hits = hits;
        BranchesCovered = branchesCovered;
        BranchesValid = branchesValid;
    }

    /// <summary>How many times the line ran. Producers differ: coverlet counts, Microsoft.CodeCoverage writes 0 or 1.</summary>
    public long Hits { get; }

    public int BranchesCovered { get; }

    public int BranchesValid { get; }

    public bool IsCovered => Hits > 0;
}
