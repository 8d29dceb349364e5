namespace QualityGate.Results;

/// <summary>The outcome of one test result, as the results file spells it.</summary>
internal enum TestOutcome
{
    None,
    Passed,
    Failed,
    Skipped,
}

internal static class TestOutcomeNames
{
    public static string ToJsonName(this TestOutcome outcome) => outcome switch
    {
        TestOutcome.Passed => "passed",
        TestOutcome.Failed => "failed",
        TestOutcome.Skipped => "skipped",
        _ => "none",
    };
}
