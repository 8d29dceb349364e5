using System.Collections.Generic;
using System.IO;
using QualityGate.Recording;
using QualityGate.Results;
using QualityGate.Tasks;
using QualityGate.Tests;
using Xunit;

namespace QualityGate.AdapterTests;

/// <summary>
/// A results file as the gate logger records it for App.Tests (passing tests, and failing tests that fail an assertion),
/// and the gate task that judges it.
/// </summary>
internal static class RecordedRun
{
    /// <summary>Tests App.Tests.T.P0… that pass and App.Tests.T.F0… that fail.</summary>
    public static string Write(TempFolder temp, string runId, int passed, int failed = 0) =>
        Write(temp, runId, Names("P", passed), Names("F", failed));

    /// <summary>The named tests (App.Tests.T.{name}); returns the results file's path.</summary>
    public static string Write(TempFolder temp, string runId, IEnumerable<string> passed, IEnumerable<string> failed)
    {
        using var recorder = new RunRecorder(new RecorderOptions(Path.Combine(temp.Path, "TestResults", runId), "net10.0") { RunId = runId }, TextWriter.Null);
        recorder.Start(["/bin/App.Tests.dll"]);
        foreach (var name in passed)
        {
            recorder.Record(new ReportedResult("/bin/App.Tests.dll", $"App.Tests.T.{name}", $"App.Tests.T.{name}", TestOutcome.Passed));
        }

        foreach (var name in failed)
        {
            recorder.Record(new ReportedResult("/bin/App.Tests.dll", $"App.Tests.T.{name}", $"App.Tests.T.{name}", TestOutcome.Failed) { ErrorMessage = "Assert.Equal() Failure" });
        }

        return Assert.Single(recorder.Complete(new RunCompletion()));
    }

    /// <summary>QualityGateCheck on a results file, for App.Tests, with <paramref name="plan"/> as its qualitygate.json.</summary>
    public static (QualityGateCheck Task, FakeBuildEngine Engine) Judged(TempFolder temp, string results, string runId, string plan)
    {
        var config = Path.Combine(temp.Path, "qualitygate.json");
        File.WriteAllText(config, plan);
        var engine = new FakeBuildEngine();
        var task = new QualityGateCheck
        {
            BuildEngine = engine,
            ProjectDirectory = temp.Path,
            AssemblyName = "App.Tests",
            TargetFrameworkMoniker = ".NETCoreApp,Version=v10.0",
            ResultsFile = results,
            RunId = runId,
            ConfigPath = config,
            ReportEnvironment = new Dictionary<string, string?>(), // the host's CI is not these runs'
        };
        return (task, engine);
    }

    private static IEnumerable<string> Names(string prefix, int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
