using System.Collections.Generic;
using System.Linq;
using QualityGate.Policy;

namespace QualityGate.Reports;

/// <summary>Covered of valid, and the rate in percent (null when nothing is valid).</summary>
internal readonly struct Ratio
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
internal sealed class LayerResult
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

    /// <summary>The layer's files, in the order the file table reads (see <see cref="FileTable"/>).</summary>
    public List<FileResult> FileRows { get; } = [];
}

/// <summary>A test layer's pass rate (and, where targeted, the coverage its tests produce).</summary>
internal sealed class TestLayerResult
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
internal sealed class CategoryResult
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
internal sealed class FailedTest
{
    public FailedTest(string name, string category)
    {
        Name = name;
        Key = name;
        Category = category;
    }

    /// <summary>The display name, as people read it.</summary>
    public string Name { get; }

    /// <summary>The test's identity across runs (fully qualified name and arguments): what the baseline records.</summary>
    public string Key { get; set; }

    /// <summary>The test assembly the test belongs to.</summary>
    public string? Assembly { get; set; }

    public string Category { get; }

    public string? Hint { get; set; }

    public string? Message { get; set; }

    /// <summary>The failure's root-cause key, from the results file.</summary>
    public string? RootCause { get; set; }

    public string? ExceptionType { get; set; }

    public string? File { get; set; }

    public int? Line { get; set; }
}

/// <summary>A target that was not met: a code, and a sentence with the measured value, the target and the gap.</summary>
internal sealed class Violation
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

    /// <summary>
    /// The run itself cannot be trusted (aborted, recorded with a broken configuration, no test executed): no mode,
    /// warn-only included, turns this into a pass, and such a run never becomes or updates a baseline.
    /// </summary>
    public bool Untrusted { get; set; }

    /// <summary>For a missed coverage target: what closes the gap.</summary>
    public Gaps.GapPlan? Plan { get; set; }
}

/// <summary>Before (the baseline) and after (this run) for one layer, the total, a file or a pass rate.</summary>
internal sealed class Change
{
    public Change(string name, double? before, double? after)
    {
        Name = name;
        Before = before;
        After = after;
    }

    public string Name { get; }

    public double? Before { get; }

    public double? After { get; }

    public double? Delta => Before is { } b && After is { } a ? a - b : null;
}

/// <summary>What the run looks like against the committed baseline.</summary>
internal sealed class BaselineComparison
{
    public BaselineComparison(string path)
    {
        Path = path;
    }

    public string Path { get; }

    /// <summary>False on a first run: there is no baseline yet.</summary>
    public bool Exists { get; set; }

    /// <summary>The phase the baseline records as reached.</summary>
    public string? Phase { get; set; }

    /// <summary>Line coverage per layer (and "total"), before → after.</summary>
    public List<Change> Layers { get; } = [];

    /// <summary>Pass rate per test layer (and "all tests"), before → after.</summary>
    public List<Change> PassRates { get; } = [];

    /// <summary>Files whose line coverage changed most, gains first, then losses.</summary>
    public List<Change> FilesGained { get; } = [];

    public List<Change> FilesLost { get; } = [];

    /// <summary>Failing tests the baseline does not know (they fail the build).</summary>
    public List<FailedTest> NewFailures { get; } = [];

    /// <summary>Known failures that now pass.</summary>
    public List<FailedTest> FixedFailures { get; } = [];

    /// <summary>Known failures that still fail.</summary>
    public List<FailedTest> KnownFailures { get; } = [];

    /// <summary>Known failures of tests this run did not have (removed or renamed), dropped at the next update.</summary>
    public List<string> GoneFailures { get; } = [];

    /// <summary>The run's test assemblies when it was judged against their part of a larger (solution) baseline, else null.</summary>
    public IReadOnlyCollection<string>? Slice { get; set; }

    /// <summary>Notes for the reader: a first run, layers that no longer exist.</summary>
    public List<string> Notes { get; } = [];
}

/// <summary>The gate's verdict and everything measured on the way to it.</summary>
internal sealed partial class GateReport
{
    public const string Schema = "qualitygate.report/2";

    public string? Phase { get; set; }

    /// <summary>The qualitygate.json judged against, or null for the defaults.</summary>
    public string? ConfigPath { get; set; }

    /// <summary>The folder the coverage's file paths are relative to (the repository root), when known.</summary>
    public string? SourceRoot { get; set; }

    public string? NextPhase { get; set; }

    /// <summary>
    /// The test runs judged ("Shop.Tests (net10.0)"): pass rate and failure budgets count these runs' tests together, so
    /// a project's gate and a solution's gate of one plan can differ, and every report says which one it is.
    /// </summary>
    public List<string> Scope { get; } = new();

    /// <summary>One line on what the verdict's tests, pass rate and budgets counted.</summary>
    public string ScopeText => Scope.Count == 1
        ? $"{Scope[0]} alone: pass rate and failure budgets count its tests only"
        : $"{Scope.Count} test runs together ({string.Join(", ", Scope.Take(5))}{(Scope.Count > 5 ? $", … {Scope.Count - 5} more" : string.Empty)}): pass rate and failure budgets count all their tests";

    public bool Passed => Violations.Count == 0;

    /// <summary>Whether the run is evidence at all: none of its violations is <see cref="Violation.Untrusted"/>.</summary>
    public bool Trusted => Violations.TrueForAll(v => !v.Untrusted);

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

    /// <summary>The slowest tests of the run, slowest first: where the suite's time goes.</summary>
    public List<(string Name, double DurationMs)> SlowestTests { get; } = [];

    public double DurationSeconds { get; set; }

    public double? MaxDurationSeconds { get; set; }

    public List<Violation> Violations { get; } = [];

    /// <summary>Every file of the coverage, sorted by path.</summary>
    public List<FileResult> Files { get; } = [];

    /// <summary>The comparison with the baseline, when the configuration or a file provides one.</summary>
    public BaselineComparison? Baseline { get; set; }

    /// <summary>Patch coverage, when a diff was given.</summary>
    public Patch.PatchResult? Patch { get; set; }

    public double? PatchTarget { get; set; }

    /// <summary>The files the publisher wrote (HTML, badges, JUnit, history, step summary).</summary>
    public List<string> PublishedFiles { get; } = [];

    /// <summary>What still stands between this run and the next phase: its violations, were it judged by it.</summary>
    public List<Violation> NextPhaseGaps { get; } = [];

    /// <summary>Whether this run already meets every target of the next phase (null: no next phase).</summary>
    public bool? NextPhaseMet { get; set; }

    public List<string> ResultsFiles { get; } = [];

    public List<string> CoverageFiles { get; } = [];
}
