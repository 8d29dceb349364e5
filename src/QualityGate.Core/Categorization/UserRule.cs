using System.Text.RegularExpressions;
using QualityGate.Configuration;

namespace QualityGate.Categorization;

/// <summary>
/// A rule from qualitygate.json ("categories.rules"): every condition given must hold. User rules run before the
/// built-in ones, first match wins, and may name new categories.
/// </summary>
internal sealed class UserRule
{
    public UserRule(string name, string category, string hint)
    {
        Name = name;
        Category = category;
        Hint = hint;
    }

    public string Name { get; }

    public string Category { get; }

    public string Hint { get; }

    /// <summary>Matches any exception type of the chain, by full or simple name.</summary>
    public NamePattern? ExceptionType { get; set; }

    public Regex? Message { get; set; }

    public Regex? StackTrace { get; set; }

    /// <summary>Matches the fully qualified test name.</summary>
    public NamePattern? Test { get; set; }

    /// <summary>"Name=Value" (or just "Name").</summary>
    public string? Trait { get; set; }

    public bool Matches(FailureFacts facts)
    {
        if (ExceptionType is not null && !AnyTypeMatches(facts))
        {
            return false;
        }

        if (Message is not null && !FailureFacts.SafeIsMatch(Message, facts.Message))
        {
            return false;
        }

        if (StackTrace is not null && !FailureFacts.SafeIsMatch(StackTrace, facts.StackTrace))
        {
            return false;
        }

        if (Test is not null && !Test.IsMatch(TestNames.WithoutArguments(facts.Evidence.TestName)))
        {
            return false;
        }

        return Trait is null || HasTrait(facts, Trait);
    }

    internal static bool HasTrait(FailureFacts facts, string pattern)
    {
        foreach (var trait in facts.Evidence.Traits)
        {
            if (trait.Matches(pattern))
            {
                return true;
            }
        }

        return false;
    }

    private bool AnyTypeMatches(FailureFacts facts)
    {
        foreach (var type in facts.ExceptionTypes)
        {
            var simple = type.Substring(type.LastIndexOf('.') + 1);
            if (ExceptionType!.IsMatch(type) || ExceptionType.IsMatch(simple))
            {
                return true;
            }
        }

        return false;
    }
}
