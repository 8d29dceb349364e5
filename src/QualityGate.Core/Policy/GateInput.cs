using System.Collections.Generic;
using QualityGate.Configuration;
using QualityGate.Coverage;
using QualityGate.Results;

namespace QualityGate.Policy;

/// <summary>What the gate judges: the configuration, the results files and the coverage, already read.</summary>
internal sealed class GateInput
{
    public GateInput(GateConfig config, IReadOnlyList<RecordedRun> runs)
    {
        Config = config;
        Runs = runs;
    }

    public GateConfig Config { get; }

    public IReadOnlyList<RecordedRun> Runs { get; }

    /// <summary>An explicit phase (MSBuild QualityGatePhase, dotnet gate --phase), or null for the configured one.</summary>
    public string? PhaseOverride { get; set; }

    /// <summary>All coverage merged (a union per file and line), or null when none was given.</summary>
    public CoverageData? Coverage { get; set; }

    /// <summary>The committed baseline, or null when there is none (yet).</summary>
    public Baseline.BaselineData? Baseline { get; set; }

    /// <summary>The coverage of the lines a change touched, when a diff was given.</summary>
    public Patch.PatchResult? Patch { get; set; }

    /// <summary>Whether to also judge the next phase, to say when it is within reach.</summary>
    public bool JudgeNextPhase { get; set; } = true;

    /// <summary>Coverage produced by the tests of each test layer alone.</summary>
    public IReadOnlyDictionary<string, CoverageData> CoverageByTestLayer { get; set; } = new Dictionary<string, CoverageData>();
}
