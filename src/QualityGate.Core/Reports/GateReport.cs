using System.Collections.Generic;
using QualityGate.Policy;

namespace QualityGate.Reports;

/// <summary>Covered of valid, and the rate in percent (null when nothing is valid).</summary>
public readonly struct Ratio
{
    public Ratio(int covered, int valid)
    {
        Covered = covered;
        Valid = valid;
    }

    public int Covered { get; }

    public int Valid { get; }

    public double? Rate => Valid == 0 ? null : Covered * 100.0 / Valid;
}

/// <summary>A source layer (or the total, or the unlayered files) measured against its target.</summary>
public sealed class LayerResult
{
    public LayerResult(string name, Ratio lines, Ratio branches, int files)
    {
        Name = name;
        Lines = lines;
        Branches = branches;
        Files = files;
    }

    public string Name { get; }

    public Ratio Lines { get; }

    public Ratio Branches { get; }

    public int Files { get; }

    public CoverageTarget? Target { get; set; }

    public bool Met { get; set; } = true;
}

/// <summary>A test layer's pass rate (and, where targeted, the coverage its tests produce).</summary>
public sealed class TestLayerResult
{
    public TestLayerResult(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public int Passed { get; set; }

    public int Failed { get; set; }

    public int Skipped { get; set; }

    public double? PassRate => Passed + Failed == 0 ? null : Passed * 100.0 / (Passed + Failed);

    public TestLayerTarget? Target { get; set; }

    public Ratio? Lines { get; set; }

    public Ratio? Branches { get; set; }

    public bool Met { get; set; } = true;
}

/// <summary>Failing tests of one category against the category's budget.</summary>
public sealed class CategoryResult
{
    public CategoryResult(string name, int count, int? budget)
    {
        Name = name;
        Count = count;
        Budget = budget;
    }

    public string Name { get; }

    public int Count { get; }

    public int? Budget { get; }

    public bool Met { get; set; } = true;
}

/// <summary>One failing test, as the reports list it.</summary>
public sealed class FailedTest
{
    public FailedTest(string name, string category)
    {
        Name = name;
        Category = category;
    }

    public string Name { get; }

    public string Category { get; }

    public string? Hint { get; set; }

    public string? Message { get; set; }

    public string? File { get; set; }

    public int? Line { get; set; }
}

/// <summary>A target that was not met: a code, and a sentence with the measured value, the target and the gap.</summary>
public sealed class Violation
{
    public Violation(string code, string subject, string message)
    {
        Code = code;
        Subject = subject;
        Message = message;
    }

    public string Code { get; }

    /// <summary>What was measured: a layer, "total", a test layer, a category, a results file.</summary>
    public string Subject { get; }

    public string Message { get; }

    /// <summary>Where to point an annotation, when there is a place.</summary>
    public string? File { get; set; }

    public int? Line { get; set; }
}

/// <summary>The gate's verdict and everything measured on the way to it.</summary>
public sealed class GateReport
{
    public const string Schema = "qualitygate.report/1";

    public string? Phase { get; set; }

    /// <summary>The qualitygate.json judged against, or null for the defaults.</summary>
    public string? ConfigPath { get; set; }

    public string? NextPhase { get; set; }

    public bool Passed => Violations.Count == 0;

    public List<LayerResult> Layers { get; } = [];

    public LayerResult? Total { get; set; }

    /// <summary>Files in no layer, when layers are declared.</summary>
    public LayerResult? Unlayered { get; set; }

    public List<TestLayerResult> TestLayers { get; } = [];

    public int TestsTotal { get; set; }

    public int TestsPassed { get; set; }

    public int TestsFailed { get; set; }

    public int TestsSkipped { get; set; }

    public double? PassRate => TestsPassed + TestsFailed == 0 ? null : TestsPassed * 100.0 / (TestsPassed + TestsFailed);

    public double? PassRateTarget { get; set; }

    public List<CategoryResult> Categories { get; } = [];

    public List<FailedTest> Failures { get; } = [];

    public double DurationSeconds { get; set; }

    public double? MaxDurationSeconds { get; set; }

    public List<Violation> Violations { get; } = [];

    public List<string> ResultsFiles { get; } = [];

    public List<string> CoverageFiles { get; } = [];
}
