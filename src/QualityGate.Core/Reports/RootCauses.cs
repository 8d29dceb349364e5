using System.Collections.Generic;

namespace QualityGate.Reports;

/// <summary>One root cause of the run: the failing tests that share its key, one representative failure, what to do.</summary>
internal sealed class RootCauseResult
{
    public RootCauseResult(string key, string category)
    {
        Key = key;
        Category = category;
    }

    /// <summary>"error|System.NullReferenceException|at Shop.Catalog.Lookup" (see docs/categories.md).</summary>
    public string Key { get; }

    public string Category { get; }

    public int Count => Tests.Count;

    /// <summary>Every failing test of this root cause, in the order the results list them.</summary>
    public List<string> Tests { get; } = [];

    public string? ExceptionType { get; set; }

    /// <summary>The frame that decided it (the key's "at …"), or null when a normalized message stands in.</summary>
    public string? Frame { get; set; }

    /// <summary>The first failure's message: one representative of them all.</summary>
    public string? Message { get; set; }

    public string? File { get; set; }

    public int? Line { get; set; }

    public string? Hint { get; set; }

    /// <summary>"System.NullReferenceException at Shop.Catalog.Lookup": the key without its category, for people.</summary>
    public string Description => Recording.RootCauseTally.Describe(Key);
}

/// <summary>Root causes per category, with the baseline's count and the change (budgets stay per failing test).</summary>
internal sealed class RootCauseCount
{
    public RootCauseCount(string category, int failures, int rootCauses)
    {
        Category = category;
        Failures = failures;
        RootCauses = rootCauses;
    }

    public string Category { get; }

    public int Failures { get; }

    public int RootCauses { get; }

    /// <summary>The baseline's root causes in this category; null without a baseline or one recorded before root causes.</summary>
    public int? Baseline { get; set; }

    public int? Change => Baseline is { } before ? RootCauses - before : null;
}

internal sealed partial class GateReport
{
    /// <summary>The run's root causes, the largest first.</summary>
    public List<RootCauseResult> RootCauses { get; } = [];

    /// <summary>Root causes per failure category, sorted by category.</summary>
    public List<RootCauseCount> RootCauseCounts { get; } = [];
}
