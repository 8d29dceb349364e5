using System.Collections.Generic;
using QualityGate.Reports;

namespace QualityGate.Policy;

/// <summary>Minimum line and branch coverage, in percent; null means "no target".</summary>
internal class CoverageTarget
{
    [Target(Stricter.Higher)]
    public double? Line { get; set; }

    [Target(Stricter.Higher)]
    public double? Branch { get; set; }

    /// <summary>No line or branch target (the coverage targets proper).</summary>
    [NotATarget]
    public bool IsEmpty => Line is null && Branch is null;

    /// <summary>Whether anything is required at all; a layer counts its per-file minimum and uncovered-lines cap too.</summary>
    [NotATarget]
    public virtual bool IsSet => !IsEmpty;

    /// <summary>What is required, for every report alike: "lines ≥ 90.0 %, branches ≥ 70.0 %"; empty when nothing is.</summary>
    public string Describe() => string.Join(", ", Parts());

    protected virtual IEnumerable<string> Parts()
    {
        if (Line is { } line)
        {
            yield return $"lines ≥ {RateText.Percent(line)}";
        }

        if (Branch is { } branch)
        {
            yield return $"branches ≥ {RateText.Percent(branch)}";
        }
    }
}

/// <summary>A source layer's targets.</summary>
internal sealed class LayerTarget : CoverageTarget
{
    /// <summary>Every file of the layer must have at least this line coverage.</summary>
    [Target(Stricter.Higher)]
    public double? FileMinimum { get; set; }

    [Target(Stricter.Lower)]
    public int? MaxUncoveredLines { get; set; }

    public override bool IsSet => base.IsSet || FileMinimum is not null || MaxUncoveredLines is not null;

    protected override IEnumerable<string> Parts()
    {
        foreach (var part in base.Parts())
        {
            yield return part;
        }

        if (FileMinimum is { } minimum)
        {
            yield return $"each file ≥ {RateText.Percent(minimum)}";
        }

        if (MaxUncoveredLines is { } uncovered)
        {
            yield return $"at most {uncovered} uncovered lines";
        }
    }
}

/// <summary>A test layer's targets: its pass rate, and the coverage its tests alone produce.</summary>
internal sealed class TestLayerTarget : CoverageTarget
{
    [Target(Stricter.Higher)]
    public double? PassRate { get; set; }

    public override bool IsSet => base.IsSet || PassRate is not null;

    protected override IEnumerable<string> Parts()
    {
        if (PassRate is { } passRate)
        {
            yield return $"pass rate ≥ {RateText.Percent(passRate)}";
        }

        foreach (var part in base.Parts())
        {
            yield return part;
        }
    }
}

/// <summary>What one phase requires. A phase inherits every target of the phases before it unless it sets it anew.</summary>
internal sealed class PhaseTargets
{
    public CoverageTarget Total { get; set; } = new();

    public Dictionary<string, LayerTarget> Layers { get; } = new(System.StringComparer.Ordinal);

    public Dictionary<string, TestLayerTarget> TestLayers { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Passed ÷ (passed + failed), in percent, over all tests.</summary>
    [Target(Stricter.Higher)]
    public double? PassRate { get; set; }

    /// <summary>How many failing tests each category may have. A category without a budget may have none (legacy: see the docs).</summary>
    // A budget an earlier phase did not give is not compared: without a baseline no budget allows no failure, with
    // one the baseline decides, so adding one is not always a loosening.
    [Target(Stricter.Lower)]
    public Dictionary<string, int> MaxFailures { get; } = new(System.StringComparer.Ordinal);

    [Target(Stricter.Lower)]
    public double? MaxDurationSeconds { get; set; }

    /// <summary>Minimum coverage of the lines a change touched (dotnet gate check --diff-base), in percent.</summary>
    [Target(Stricter.Higher, Key = "patch.line")]
    public double? PatchLine { get; set; }

    /// <summary>Whether anything here needs a coverage report.</summary>
    public bool NeedsCoverage()
    {
        if (!Total.IsEmpty)
        {
            return true;
        }

        foreach (var layer in Layers.Values)
        {
            if (layer.IsSet)
            {
                return true;
            }
        }

        foreach (var testLayer in TestLayers.Values)
        {
            if (!testLayer.IsEmpty)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A named phase of the plan with its effective (inherited) targets.</summary>
internal sealed class Phase
{
    public Phase(string name, PhaseTargets targets)
    {
        Name = name;
        Targets = targets;
    }

    public string Name { get; }

    public PhaseTargets Targets { get; }
}
