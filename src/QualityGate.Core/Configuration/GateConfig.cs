using System.Collections.Generic;
using System.Linq;
using QualityGate.Categorization;
using QualityGate.Diagnostics;
using QualityGate.Policy;

namespace QualityGate.Configuration;

/// <summary>The parsed qualitygate.json. <see cref="Empty"/> stands for "no file": built-in defaults only.</summary>
internal sealed class GateConfig
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

    /// <summary>The folder layer globs are relative to.</summary>
    public string? Directory => Path is null ? null : System.IO.Path.GetDirectoryName(Path);

    public IReadOnlyList<UserRule> Rules { get; }

    public LegacyLocation Legacy { get; }

    public IReadOnlyList<TestLayer> TestLayers { get; }

    public IReadOnlyList<SourceLayer> Layers { get; set; } = [];

    /// <summary>The plan's phases in order, each with its effective targets.</summary>
    public IReadOnlyList<Phase> Phases { get; set; } = [];

    /// <summary>Where the baseline lives; null when there is no configuration file to put it beside.</summary>
    public Baseline.BaselineSettings? Baseline { get; set; }

    /// <summary>The shards a split CI run must deliver ("shards": { "expected": 3 }), or null.</summary>
    public Shards.ExpectedShards? ExpectedShards { get; set; }

    /// <summary>What the gate accepts as evidence ("evidence"); by default a run must execute tests and every target's measure must exist.</summary>
    public EvidenceSettings Evidence { get; set; } = EvidenceSettings.Strict;

    /// <summary>
    /// "coverage": { "includeTestCode" }: whether the test projects' own code counts in the coverage. It does not by
    /// default: coverlet leaves the test assembly out, and Microsoft's collector, which measures it, is made to agree.
    /// </summary>
    public bool IncludeTestCode { get; set; }

    /// <summary>The phase named by "phase", or null.</summary>
    public string? CurrentPhase { get; set; }

    public Categorizer CreateCategorizer() => new(Rules, Legacy);

    /// <summary>The phase to check: the override if given, else the configured one; an unknown name is an error.</summary>
    public Phase? ResolvePhase(string? overrideName)
    {
        var name = string.IsNullOrWhiteSpace(overrideName) ? CurrentPhase : overrideName;
        if (name is null)
        {
            return Phases.Count > 0 ? Phases[Phases.Count - 1] : null;
        }

        return Phases.FirstOrDefault(p => p.Name == name) ?? throw new QualityGateException(
            DiagnosticCode.ConfigInvalidValue,
            $"there is no phase '{name}'. Phases in this configuration: {(Phases.Count == 0 ? "(none)" : string.Join(", ", Phases.Select(p => p.Name)))}.",
            Path);
    }

    /// <summary>The position of a phase in the plan, or -1.</summary>
    public int IndexOf(string? phase)
    {
        for (var i = 0; i < Phases.Count; i++)
        {
            if (Phases[i].Name == phase)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The phase after <paramref name="phase"/>, if any.</summary>
    public Phase? NextPhase(Phase phase)
    {
        for (var i = 0; i < Phases.Count - 1; i++)
        {
            if (Phases[i].Name == phase.Name)
            {
                return Phases[i + 1];
            }
        }

        return null;
    }
}
