using System.Collections.Generic;

namespace QualityGate.Categorization;

/// <summary>
/// Sorts a failure into a category: user rules first (first match wins), then legacy by location, then the built-in
/// rules in order. Stateless after construction, so one instance serves a whole run.
/// </summary>
public sealed class Categorizer
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
        var result = Decide(facts);
        result.ExceptionType = facts.Effective;
        result.Location = facts.BestLocation();
        return result;
    }

    private Categorization Decide(FailureFacts facts)
    {
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
            if (rule.Matches(facts))
            {
                return new Categorization(rule.Category, rule.Id, rule.Hint);
            }
        }

        // Unreachable: the last built-in rule matches everything.
        return new Categorization(Categories.Error, "error/unrecognized", string.Empty);
    }
}
