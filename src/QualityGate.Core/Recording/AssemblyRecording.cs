using System.Collections.Generic;
using QualityGate.Categorization;
using QualityGate.Configuration;
using QualityGate.Results;

namespace QualityGate.Recording;

/// <summary>The recording of one test assembly: its results file writer, its configuration and its failures tallied by root cause.</summary>
internal sealed class AssemblyRecording
{
    // Results wait in a short window before they are written, so that a cleanup failure a framework reports right
    // after a test's result can still be attached to that test. The window bounds memory whatever the suite's size.
    private const int Window = 256;

    // Root causes tallied per category, for at most this many distinct keys each: a suite with thousands of unrelated
    // failures keeps memory flat, and the console lists only the largest few anyway.
    private const int RootCausesKept = 200;

    private readonly Dictionary<string, Dictionary<string, RootCauseTally>> _rootCauses = new(System.StringComparer.Ordinal);
    private readonly Queue<TestResultRecord> _held = new();
    private readonly Dictionary<string, TestResultRecord> _heldById = new(System.StringComparer.Ordinal);
    private readonly List<string> _errors = [];

    public AssemblyRecording(string source, string assembly, GateConfig config, string? configError, ResultsFileWriter writer, int examplesPerCategory)
    {
        Source = source;
        Assembly = assembly;
        Config = config;
        ConfigError = configError;
        Writer = writer;
        Categorizer = config.CreateCategorizer();
        RootCausesShown = examplesPerCategory;
    }

    public string Source { get; }

    /// <summary>How many root causes of each category the console summary lists.</summary>
    public int RootCausesShown { get; }

    public string Assembly { get; }

    public GateConfig Config { get; }

    /// <summary>Why the configuration could not be used (the defaults were), or null.</summary>
    public string? ConfigError { get; }

    public Categorizer Categorizer { get; }

    public ResultsFileWriter Writer { get; }

    /// <summary>The root causes of each category, in order of first arrival.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, RootCauseTally>> RootCauses => _rootCauses;

    /// <summary>Errors of the run that belong to no single test (a class or collection cleanup that failed).</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>Why an aborted run names no test that killed the host (a hang-timeout kill with no test running), or null.</summary>
    public string? UnnamedCrash { get; set; }

    public void Add(TestResultRecord record)
    {
        _held.Enqueue(record);
        if (record.Id is { } id)
        {
            _heldById[id] = record;
        }

        if (_held.Count > Window)
        {
            Release(_held.Dequeue());
        }
    }

    /// <summary>Applies <paramref name="attach"/> to the test's result if it is still in the window; false otherwise.</summary>
    public bool Attach(string? id, System.Action<TestResultRecord> attach)
    {
        if (id is null || !_heldById.TryGetValue(id, out var record))
        {
            return false;
        }

        attach(record);
        return true;
    }

    public void AddError(string error)
    {
        if (!_errors.Contains(error))
        {
            _errors.Add(error);
        }
    }

    /// <summary>Writes every result still held; call before completing the file.</summary>
    public void Flush()
    {
        while (_held.Count > 0)
        {
            Release(_held.Dequeue());
        }
    }

    private void Release(TestResultRecord record)
    {
        if (record.Id is { } id && _heldById.TryGetValue(id, out var held) && ReferenceEquals(held, record))
        {
            _heldById.Remove(id);
        }

        Writer.Add(record);
        if (record.Failure is { } failure)
        {
            if (!_rootCauses.TryGetValue(failure.Category, out var causes))
            {
                _rootCauses[failure.Category] = causes = new Dictionary<string, RootCauseTally>(System.StringComparer.Ordinal);
            }

            var key = failure.RootCause ?? failure.Rule;
            if (!causes.TryGetValue(key, out var tally) && causes.Count < RootCausesKept)
            {
                causes[key] = tally = new RootCauseTally(key, record);
            }

            tally?.Add(record);
        }
    }
}
