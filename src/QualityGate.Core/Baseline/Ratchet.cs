namespace QualityGate.Baseline;

/// <summary>
/// The ratchet's one rule, shared by the comparer (a run judged against the baseline) and the updater (a new baseline
/// checked against the old): a rate fell when it lost more than the tolerance. Written once, so a run the gate lets
/// through is never a loosening the updater refuses, nor the other way round, at the edge of the tolerance.
/// </summary>
internal static class Ratchet
{
    /// <summary>
    /// How far a pass rate may move before it counts as a fall: none, beyond the noise of computing the same rate two ways.
    /// </summary>
    public const double PassRateTolerance = 1e-9;

    /// <summary>Whether <paramref name="after"/> fell below <paramref name="before"/> by more than <paramref name="tolerance"/> percentage points; a missing rate never fell.</summary>
    public static bool Fell(double? before, double? after, double tolerance) =>
        before is { } b && after is { } a && a - b < -tolerance;
}
