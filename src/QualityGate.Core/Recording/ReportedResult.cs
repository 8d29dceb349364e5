using System;
using System.Collections.Generic;
using QualityGate.Results;

namespace QualityGate.Recording;

/// <summary>One test result as a host reports it, before QualityGate categorizes and records it.</summary>
internal sealed class ReportedResult
{
    public ReportedResult(string source, string name, string displayName, TestOutcome outcome)
    {
        Source = source;
        Name = name;
        DisplayName = displayName;
        Outcome = outcome;
    }

    /// <summary>The test assembly's path.</summary>
    public string Source { get; }

    public string Name { get; }

    public string DisplayName { get; }

    public TestOutcome Outcome { get; }

    public string? Id { get; set; }

    /// <summary>The test class's full name, when the host knows it.</summary>
    public string? ClassName { get; set; }

    public TimeSpan Duration { get; set; }

    public IReadOnlyList<Trait> Traits { get; set; } = [];

    public string? CodeFilePath { get; set; }

    public int? LineNumber { get; set; }

    public string? ErrorMessage { get; set; }

    public string? ErrorStackTrace { get; set; }

    /// <summary>
    /// How a failed test failed when the host distinguishes it (Microsoft.Testing.Platform: failed, error, timeout,
    /// cancelled); null under VSTest, which only says failed.
    /// </summary>
    public string? FailureState { get; set; }

    /// <summary>What the test wrote to standard output, when the host reports it per test (recorded for failures).</summary>
    public string? StandardOutput { get; set; }

    /// <summary>What the test wrote to standard error, when the host reports it per test (recorded for failures).</summary>
    public string? StandardError { get; set; }
}
