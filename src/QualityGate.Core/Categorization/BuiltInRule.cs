using System;

namespace QualityGate.Categorization;

/// <summary>One built-in rule: an id ("category/what"), its category, its hint, and the test of the evidence.</summary>
internal sealed class BuiltInRule
{
    private readonly Func<FailureFacts, bool> _matches;
    private readonly Func<FailureFacts, BuiltInRule?>? _decide;

    public BuiltInRule(string id, string hint, Func<FailureFacts, bool> matches)
    {
        Id = id;
        Category = id.Substring(0, id.IndexOf('/'));
        Hint = hint;
        _matches = matches;
    }

    /// <summary>
    /// A rule that, when it applies, may hand the decision to another rule: the assertion of throws hands it to the
    /// rule of the exception actually thrown.
    /// </summary>
    public BuiltInRule(string id, string hint, Func<FailureFacts, bool> matches, Func<FailureFacts, BuiltInRule?> decide)
        : this(id, hint, matches)
    {
        _decide = decide;
    }

    public string Id { get; }

    public string Category { get; }

    public string Hint { get; }

    public bool Matches(FailureFacts facts) => _matches(facts);

    /// <summary>The rule that decides the failure when this one applies (itself, or the one it hands over to), else null.</summary>
    public BuiltInRule? Decide(FailureFacts facts) => !_matches(facts) ? null : _decide?.Invoke(facts) ?? this;
}
