namespace QualityGate.Baseline;

/// <summary>qualitygate.json "baseline": where the baseline lives and how much a measure may wobble.</summary>
internal sealed class BaselineSettings
{
    public const string DefaultFileName = "qualitygate.baseline.json";

    public BaselineSettings(string path)
    {
        Path = path;
    }

    /// <summary>Absolute path of the baseline file (default: qualitygate.baseline.json beside the configuration).</summary>
    public string Path { get; }

    /// <summary>How many percentage points a layer's or the total's coverage may fall before it fails.</summary>
    public double Tolerance { get; set; } = 0.1;

    /// <summary>How many points a file's coverage may fall (files whose coverable lines changed are not compared).</summary>
    public double FileTolerance { get; set; } = 1.0;

    /// <summary>When true, a missing baseline fails the gate (QG5005) instead of being a first run.</summary>
    public bool Required { get; set; }
}
