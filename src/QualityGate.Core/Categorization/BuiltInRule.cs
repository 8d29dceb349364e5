using System;

namespace QualityGate.Categorization;

/// <summary>One built-in rule: an id ("category/what"), its category, its hint, and the test of the evidence.</summary>
public sealed class BuiltInRule
{
    private readonly Func<FailureFacts, bool> _matches;

    public BuiltInRule(string id, string hint, Func<FailureFacts, bool> matches)
    {
        Id = id;
        Category = id.Substring(0, id.IndexOf('/'));
        Hint = hint;
        _matches = matches;
    }

    public string Id { get; }

    public string Category { get; }

    public string Hint { get; }

    public bool Matches(FailureFacts facts) => _matches(facts);
}
