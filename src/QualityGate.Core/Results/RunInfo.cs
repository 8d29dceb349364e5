using System;
using System.Collections.Generic;

namespace QualityGate.Results;

/// <summary>The "run" object of a results file: which assembly ran, when, and how it ended.</summary>
internal sealed class RunInfo
{
    public RunInfo(string assembly, string targetFramework)
    {
        Assembly = assembly;
        TargetFramework = targetFramework;
    }

    /// <summary>The test assembly's name without extension.</summary>
    public string Assembly { get; }

    /// <summary>A short framework moniker such as net10.0, or "unknown".</summary>
    public string TargetFramework { get; }

    public string? AssemblyPath { get; set; }

    /// <summary>A unique id of this run, so that the same results file met twice (an artifact downloaded twice) is caught.</summary>
    public string RunId { get; set; } = System.Guid.NewGuid().ToString("N");

    /// <summary>The CI shard this run was, when the run was split (logger Shard=, or QUALITYGATE_SHARD).</summary>
    public string? Shard { get; set; }

    public DateTimeOffset StartTime { get; set; }

    public DateTimeOffset FinishTime { get; set; }

    public bool Aborted { get; set; }

    public string? AbortReason { get; set; }

    /// <summary>The configuration file the categories and test layers came from, if any.</summary>
    public string? ConfigPath { get; set; }

    public IReadOnlyList<RunAttachment> Attachments { get; set; } = [];

    /// <summary>Errors and warnings the test platform reported during the run (capped).</summary>
    public IReadOnlyList<string> Errors { get; set; } = [];
}

/// <summary>A file a data collector attached to the run, such as coverlet's coverage.cobertura.xml.</summary>
internal sealed class RunAttachment
{
    public RunAttachment(string path, string? description, string? collector)
    {
        Path = path;
        Description = description;
        Collector = collector;
    }

    public string Path { get; }

    public string? Description { get; }

    /// <summary>The data collector's URI, e.g. datacollector://Microsoft/CoverletCodeCoverage/1.0.</summary>
    public string? Collector { get; }
}
