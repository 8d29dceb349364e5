using System.Collections.Generic;
using QualityGate.Configuration;

namespace QualityGate.Categorization;

/// <summary>
/// Where legacy tests live: class-name patterns and traits (qualitygate.json "categories.legacy"). Legacy is a
/// matter of location, never of a word inside a method name.
/// </summary>
internal sealed class LegacyLocation
{
    public static readonly IReadOnlyList<string> DefaultTypes = ["Legacy.*", "*.Legacy.*", "*.Legacy"];

    public static readonly IReadOnlyList<string> DefaultTraits = ["Category=Legacy"];

    public LegacyLocation(IReadOnlyList<NamePattern> types, IReadOnlyList<string> traits)
    {
        Types = types;
        Traits = traits;
    }

    /// <summary>The defaults: a namespace or class segment named Legacy, or the trait Category=Legacy.</summary>
    public static LegacyLocation Default { get; } =
        new(new List<NamePattern>(System.Linq.Enumerable.Select(DefaultTypes, p => new NamePattern(p))), DefaultTraits);

    /// <summary>Patterns over the test class's full name, e.g. "*.Legacy.*" or "MyApp.OldBilling*".</summary>
    public IReadOnlyList<NamePattern> Types { get; }

    public IReadOnlyList<string> Traits { get; }

    /// <summary>The rule id that places the test in legacy code, or null when it is not there.</summary>
    public string? Locate(FailureFacts facts)
    {
        foreach (var pattern in Types)
        {
            if (pattern.IsMatch(facts.TestClass))
            {
                return "legacy/location";
            }
        }

        foreach (var trait in Traits)
        {
            if (UserRule.HasTrait(facts, trait))
            {
                return "legacy/trait";
            }
        }

        return null;
    }
}
