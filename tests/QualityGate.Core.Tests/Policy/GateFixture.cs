using System.Collections.Generic;
using QualityGate.Configuration;
using QualityGate.Coverage;
using QualityGate.Policy;
using QualityGate.Results;

namespace QualityGate.Tests.Policy;

/// <summary>Builds gate inputs by hand: a configuration, runs with given outcomes, coverage with given lines.</summary>
internal static class GateFixture
{
    public const string Json = """
        {
          "layers": {
            "services": { "include": ["src/App/Services/**/*.cs"] },
            "workers": { "include": ["src/App/Workers/**/*.cs"], "exclude": ["src/App/Workers/Generated/**"] }
          },
          "testLayers": { "unit": { "projects": ["*.UnitTests"] }, "integration": { "projects": ["*.IntegrationTests"] } },
          "phases": [
            { "name": "2A", "total": { "line": 60 }, "layers": { "services": { "line": 90 }, "workers": { "line": 40 } },
              "passRate": 90, "maxFailures": { "binding": 2, "mocking": 1 } },
            { "name": "2B", "total": { "line": 70, "branch": 50 }, "layers": { "services": { "fileMinimum": 80 } },
              "testLayers": { "unit": { "passRate": 97 } }, "maxFailures": { "binding": 1 }, "maxDurationSeconds": 1 }
          ],
          "phase": "2A"
        }
        """;

    public static GateConfig MakeConfig(string json = Json) => ConfigLoader.Parse(json, "/repo/qualitygate.json");

    /// <summary>Lines 1..valid of the file, the first <paramref name="covered"/> of them hit.</summary>
    public static CoverageData MakeCoverage(params (string Path, int Covered, int Valid)[] files)
    {
        var data = new CoverageData();
        foreach (var (path, covered, valid) in files)
        {
            var file = data.GetOrAddFile(path);
            for (var line = 1; line <= valid; line++)
            {
                file.Add(line, new LineHits(line <= covered ? 3 : 0, line % 2 == 0 ? (line <= covered ? 2 : 1) : 0, line % 2 == 0 ? 2 : 0));
            }
        }

        return data;
    }

    public static RecordedRun MakeRun(string assembly, int passed, params (string Category, int Count)[] failures)
    {
        var tests = new List<RecordedTest>();
        for (var i = 0; i < passed; i++)
        {
            tests.Add(new RecordedTest($"{assembly}.T.Passes{i}", $"{assembly}.T.Passes{i}", TestOutcome.Passed) { TestLayer = Layer(assembly), DurationMs = 10 });
        }

        foreach (var (category, count) in failures)
        {
            for (var i = 0; i < count; i++)
            {
                tests.Add(new RecordedTest($"{assembly}.T.{category}{i}", $"{assembly}.T.{category}{i}", TestOutcome.Failed)
                {
                    TestLayer = Layer(assembly),
                    Category = category,
                    Hint = $"hint for {category}",
                    // Two broken methods behind each category's failures.
                    RootCause = $"{category}|System.InvalidOperationException|at App.Service{i % 2}.Run",
                    Location = new SourceLocation($"/repo/tests/{assembly}/T.cs", 10 + i),
                });
            }
        }

        return new RecordedRun($"/repo/{assembly}.qualitygate.json", assembly, "net10.0") { Tests = tests, DurationMs = 1500 };
    }

    private static string? Layer(string assembly) =>
        assembly.EndsWith("UnitTests", System.StringComparison.Ordinal) ? "unit" : assembly.EndsWith("IntegrationTests", System.StringComparison.Ordinal) ? "integration" : null;
}
