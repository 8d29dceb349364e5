using System.Collections.Generic;
using QualityGate.Categorization;
using QualityGate.Configuration;
using QualityGate.Results;

namespace QualityGate.Recording;

/// <summary>The recording of one test assembly: its results file writer, its configuration and a few failures to show.</summary>
internal sealed class AssemblyRecording
{
    // Results wait in a short window before they are written, so that a cleanup failure a framework reports right
    // after a test's result can still be attached to that test. The window bounds memory whatever the suite's size.
    private const int Window = 256;

    private readonly int _examplesPerCategory;
    private readonly Dictionary<string, List<TestResultRecord>> _examples = new(System.StringComparer.Ordinal);
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
        _examplesPerCategory = examplesPerCategory;
    }

    public string Source { get; }

    public string Assembly { get; }

    public GateConfig Config { get; }

    /// <summary>Why the configuration could not be used (the defaults were), or null.</summary>
    public string? ConfigError { get; }

    public Categorizer Categorizer { get; }

    public ResultsFileWriter Writer { get; }

    /// <summary>The first failures of each category, in arrival order, for the console summary.</summary>
    public IReadOnlyDictionary<string, List<TestResultRecord>> Examples => _examples;

    /// <summary>Errors of the run that belong to no single test (a class or collection cleanup that failed).</summary>
    public IReadOnlyList<string> Errors => _errors;

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
            if (!_examples.TryGetValue(failure.Category, out var list))
            {
                _examples[failure.Category] = list = [];
            }

            if (list.Count < _examplesPerCategory)
            {
                list.Add(record);
            }
        }
    }
}
