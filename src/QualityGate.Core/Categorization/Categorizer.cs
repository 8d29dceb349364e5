using System.Collections.Generic;

namespace QualityGate.Categorization;

/// <summary>
/// Sorts a failure into a category: user rules first (first match wins), then legacy by location, then the built-in
/// rules in order. Stateless after construction, so one instance serves a whole run.
/// </summary>
internal sealed class Categorizer
{
    public const string LegacyHint =
        "This test lives in legacy code: fix it or retire it on the legacy plan; it is counted against the legacy budget only.";

    private readonly IReadOnlyList<UserRule> _userRules;
    private readonly LegacyLocation _legacy;

    public Categorizer(IReadOnlyList<UserRule>? userRules = null, LegacyLocation? legacy = null)
    {
        _userRules = userRules ?? [];
        _legacy = legacy ?? LegacyLocation.Default;
    }

    public Categorization Categorize(FailureEvidence evidence)
    {
        var facts = new FailureFacts(evidence);
        var result = Decide(facts, out var deciding);
        result.ExceptionType = deciding.Effective;
        result.Location = deciding.BestLocation() ?? facts.BestLocation();
        result.RootCause = RootCause.Key(result.Category, deciding, ReferenceEquals(deciding, facts) ? null : facts);
        return result;
    }

    /// <summary>Decides the category; <paramref name="deciding"/> is the evidence that decided (the exception actually thrown, for an assertion of throws).</summary>
    private Categorization Decide(FailureFacts facts, out FailureFacts deciding)
    {
        deciding = facts;
        foreach (var rule in _userRules)
        {
            if (rule.Matches(facts))
            {
                return new Categorization(rule.Category, "user/" + rule.Name, rule.Hint);
            }
        }

        if (_legacy.Locate(facts) is { } legacyRule)
        {
            return new Categorization(Categories.Legacy, legacyRule, LegacyHint);
        }

        foreach (var rule in BuiltInRules.All)
        {
            if (rule.Decide(facts) is { } decided)
            {
                if (!ReferenceEquals(decided, rule) && facts.ThrownFacts is { } thrown)
                {
                    deciding = thrown;
                }

                return new Categorization(decided.Category, decided.Id, decided.Hint);
            }
        }

        // Unreachable: the last built-in rule matches everything.
        return new Categorization(Categories.Error, "error/unrecognized", string.Empty);
    }
}
