using System.Collections.Generic;

namespace QualityGate.Results;

/// <summary>A results file as the gate reads it back: the run and its tests.</summary>
internal sealed class RecordedRun
{
    public RecordedRun(string path, string assembly, string targetFramework)
    {
        Path = path;
        Assembly = assembly;
        TargetFramework = targetFramework;
    }

    /// <summary>The results file.</summary>
    public string Path { get; }

    public string Assembly { get; }

    public string TargetFramework { get; }

    /// <summary>The run's unique id (older files: none).</summary>
    public string? RunId { get; set; }

    /// <summary>The CI shard the run was, if the run was split.</summary>
    public string? Shard { get; set; }

    public bool Aborted { get; set; }

    public string? AbortReason { get; set; }

    public double DurationMs { get; set; }

    public IReadOnlyList<string> Errors { get; set; } = [];

    /// <summary>Paths of the files data collectors attached (coverage reports among them).</summary>
    /// <summary>The files the data collectors attached, where they are now (see <see cref="ResultsFileReader"/>).</summary>
    public IReadOnlyList<RunAttachment> Attachments { get; set; } = [];

    public IReadOnlyList<RecordedTest> Tests { get; set; } = [];
}

/// <summary>One test of a results file, with what the gate needs of it.</summary>
internal sealed class RecordedTest
{
    public RecordedTest(string name, string displayName, TestOutcome outcome)
    {
        Name = name;
        DisplayName = displayName;
        Outcome = outcome;
    }

    public string Name { get; }

    public string DisplayName { get; }

    /// <summary>The test's identity across runs and a solution (<see cref="TestIdentity"/>).</summary>
    public string Key => TestIdentity.Key(Name, DisplayName);

    public TestOutcome Outcome { get; }

    public string? Id { get; set; }

    public double DurationMs { get; set; }

    public string? TestLayer { get; set; }

    public string? Category { get; set; }

    public string? Rule { get; set; }

    public string? Hint { get; set; }

    /// <summary>The root-cause key (recomputed from the evidence for files written before it was recorded).</summary>
    public string? RootCause { get; set; }

    public string? ExceptionType { get; set; }

    public string? Message { get; set; }

    public string? StackTrace { get; set; }

    public string? SkipReason { get; set; }

    public SourceLocation? Location { get; set; }
}
