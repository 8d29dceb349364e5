using System.Collections.Generic;

namespace QualityGate.Results;

/// <summary>Counts per outcome and per failure category; kept as results stream past, so memory stays flat.</summary>
internal sealed class RunSummary
{
    private readonly SortedDictionary<string, int> _categories = new(System.StringComparer.Ordinal);
    private readonly SortedDictionary<string, HashSet<string>> _rootCauses = new(System.StringComparer.Ordinal);

    public int Total { get; private set; }

    public int Passed { get; private set; }

    public int Failed { get; private set; }

    public int Skipped { get; private set; }

    public int None { get; private set; }

    /// <summary>Failed tests per category, sorted by category name.</summary>
    public IReadOnlyDictionary<string, int> Categories => _categories;

    /// <summary>Distinct root causes per category, sorted by category name.</summary>
    public IReadOnlyDictionary<string, int> RootCauses
    {
        get
        {
            var counts = new SortedDictionary<string, int>(System.StringComparer.Ordinal);
            foreach (var pair in _rootCauses)
            {
                counts[pair.Key] = pair.Value.Count;
            }

            return counts;
        }
    }

    public void Add(TestResultRecord result)
    {
        Total++;
        switch (result.Outcome)
        {
            case TestOutcome.Passed: Passed++; break;
            case TestOutcome.Failed: Failed++; break;
            case TestOutcome.Skipped: Skipped++; break;
            default: None++; break;
        }

        if (result.Failure is { } failure)
        {
            _categories.TryGetValue(failure.Category, out var count);
            _categories[failure.Category] = count + 1;
            if (!_rootCauses.TryGetValue(failure.Category, out var keys))
            {
                _rootCauses[failure.Category] = keys = new HashSet<string>(System.StringComparer.Ordinal);
            }

            keys.Add(failure.RootCause ?? failure.Rule);
        }
    }
}
