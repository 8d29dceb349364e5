using System.Collections.Generic;
using QualityGate.Categorization;
using QualityGate.Configuration;
using QualityGate.Results;

namespace QualityGate.Recording;

/// <summary>The recording of one test assembly: its results file writer, its configuration and a few failures to show.</summary>
internal sealed class AssemblyRecording
{
    private readonly int _examplesPerCategory;
    private readonly Dictionary<string, List<TestResultRecord>> _examples = new(System.StringComparer.Ordinal);

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

    public void Add(TestResultRecord record)
    {
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
