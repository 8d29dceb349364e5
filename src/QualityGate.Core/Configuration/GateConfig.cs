using System.Collections.Generic;
using QualityGate.Categorization;

namespace QualityGate.Configuration;

/// <summary>The parsed qualitygate.json. <see cref="Empty"/> stands for "no file": built-in defaults only.</summary>
public sealed class GateConfig
{
    public GateConfig(string? path, IReadOnlyList<UserRule> rules, LegacyLocation legacy, IReadOnlyList<TestLayer> testLayers)
    {
        Path = path;
        Rules = rules;
        Legacy = legacy;
        TestLayers = testLayers;
    }

    public static GateConfig Empty { get; } = new(null, [], LegacyLocation.Default, []);

    /// <summary>The file this came from, or null for the defaults.</summary>
    public string? Path { get; }

    public IReadOnlyList<UserRule> Rules { get; }

    public LegacyLocation Legacy { get; }

    public IReadOnlyList<TestLayer> TestLayers { get; }

    public Categorizer CreateCategorizer() => new(Rules, Legacy);
}
