using System.Collections.Generic;

namespace QualityGate.Results;

/// <summary>One test result: one entry of the results file's "tests" array. Theory rows are separate records.</summary>
internal sealed class TestResultRecord
{
    public TestResultRecord(string name, string displayName, TestOutcome outcome)
    {
        Name = name;
        DisplayName = displayName;
        Outcome = outcome;
    }

    /// <summary>The fully qualified test name.</summary>
    public string Name { get; }

    public string DisplayName { get; }

    /// <summary>The outcome; a cleanup failure the framework reports after a passing result turns it into a failure.</summary>
    public TestOutcome Outcome { get; internal set; }

    /// <summary>The test case's id from the test platform; stable across runs and shards.</summary>
    public string? Id { get; set; }

    public double DurationMs { get; set; }

    public IReadOnlyList<Trait> Traits { get; set; } = [];

    public string? TestLayer { get; set; }

    /// <summary>Where the test is declared, when the test case says.</summary>
    public SourceLocation? Source { get; set; }

    /// <summary>Why a skipped test was skipped.</summary>
    public string? SkipReason { get; set; }

    public FailureRecord? Failure { get; set; }
}
