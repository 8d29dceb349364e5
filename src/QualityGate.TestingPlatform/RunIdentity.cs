using System;
using System.IO;
using System.Reflection;
using QualityGate.Recording;
using QualityGate.Results;

namespace QualityGate.TestingPlatform;

/// <summary>
/// What one MTP run is: its id and its results file, decided once where the run starts (the controller) and handed to
/// the test host through its environment. Every file of the run is named from these two, never re-derived.
/// </summary>
internal sealed class RunIdentity
{
    public const string RunIdVariable = "QUALITYGATE_MTP_RUN_ID";
    public const string ResultsFileVariable = "QUALITYGATE_MTP_RESULTS_FILE";

    public RunIdentity(string runId, string resultsFile)
    {
        RunId = runId;
        ResultsFile = Path.GetFullPath(resultsFile);
    }

    public string RunId { get; }

    public string ResultsFile { get; }

    /// <summary>The results spooled while the run goes; read back after a crash.</summary>
    public string SpoolFile => ResultsFile + "." + RunId + ".spool";

    /// <summary>The tests running right now, in a memory-mapped file that outlives a crashed host.</summary>
    public string JournalFile => ResultsFile + "." + RunId + ".running";

    /// <summary>The test app: the entry assembly (the test project's own).</summary>
    public static (string Name, string Path, string Framework) TestApp()
    {
        var entry = Assembly.GetEntryAssembly();
        var path = entry?.Location is { Length: > 0 } location ? location : System.IO.Path.Combine(AppContext.BaseDirectory, "unknown.dll");
        var name = entry?.GetName().Name ?? System.IO.Path.GetFileNameWithoutExtension(path);
        return (name, path, FrameworkMoniker.ToShortName(AppContext.TargetFrameworkName));
    }

    /// <summary>Decides the identity of a new run: a new id, the results file expanded in the results directory.</summary>
    public static RunIdentity Decide(GateOptions options, string resultsDirectory, string assembly, string framework)
    {
        var recorder = new RecorderOptions(resultsDirectory, framework) { LogFilePath = options.ResultsFileTemplate };
        return new RunIdentity(Guid.NewGuid().ToString("N"), recorder.ResolvePath(assembly));
    }

    /// <summary>The identity the controller handed over, or null when this test host runs without one.</summary>
    public static RunIdentity? FromEnvironment(Func<string, string?> environment) =>
        environment(RunIdVariable) is { Length: > 0 } id && environment(ResultsFileVariable) is { Length: > 0 } file
            ? new RunIdentity(id, file)
            : null;
}
