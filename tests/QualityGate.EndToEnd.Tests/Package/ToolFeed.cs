using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using QualityGate.MSBuildTests;
using Xunit;

namespace QualityGate.PackageTests;

/// <summary>
/// Installs QualityGate.Tool from the package tier's feed with 'dotnet tool install' and the run's NuGet cache, so the
/// tests run the tool a user gets, not the build output: as a command where the process is what is proven, else
/// through its entry point in this process. The results it judges come from the gate fixture's one build (the MSBuild
/// tier's, <see cref="GateSample"/>), each kind of run made once on a copy of that build of the tool's own, since
/// several tests judge the same results (each test copies what it changes into a folder of its own).
/// </summary>
public sealed class ToolFeed
{
    // One per test run (the collections that use it run in parallel): installed once, each run of the fixture made once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<ToolFeed>> PerRun = new(StringComparer.Ordinal);

    // What the tool's reports read of the environment; the host's CI must not make a test's run a CI run.
    private static readonly string[] ReportVariables =
        ["GITHUB_ACTIONS", "TF_BUILD", "GITHUB_STEP_SUMMARY", "GITHUB_WORKSPACE", "GITHUB_SHA", "GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "BUILD_SOURCEVERSION"];

    private readonly PackageFeed _feed;
    private readonly SourceFixtures _fixtures = new();
    private readonly Lazy<ToolEntryPoint> _entryPoint;

    private ToolFeed(PackageFeed feed)
    {
        _feed = feed;
        var toolPath = Path.Combine(Path.GetDirectoryName(feed.Work)!, "tool");
        var (exit, output) = DotNet.Run(feed.Work, feed.Environment, "tool", "install", "QualityGate.Tool", "--version", feed.Version, "--tool-path", toolPath, "--add-source", feed.Feed);
        Assert.True(exit == 0, "dotnet tool install failed:\n" + output);
        Executable = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "dotnet-gate.exe" : "dotnet-gate");
        Assert.True(File.Exists(Executable), $"the tool's command is not at {Executable}:\n{output}");
        _entryPoint = new Lazy<ToolEntryPoint>(() => new ToolEntryPoint(toolPath));
    }

    /// <summary>The installed 'dotnet-gate' command.</summary>
    public string Executable { get; }

    /// <summary>
    /// The gate fixture's folder: it holds qualitygate.json and the sources, where a user runs the tool. The MSBuild
    /// tier's scenarios write inside their test projects' folders (App.Tests*/: TestResults, coverlet.msbuild's report);
    /// the tool's runs and reports go beside them, in TestResults/ and report folders of the fixture's own.
    /// </summary>
    public string FixtureDirectory => new GateSample(_fixtures).Folder;

    public static ToolFeed For(PackageFeed feed) => PerRun.GetOrAdd(feed.Work, _ => new Lazy<ToolFeed>(() => new ToolFeed(feed))).Value;

    /// <summary>The passing tests with coverage, judged by the MSBuild gate on phase met: a pass, exit code 0.</summary>
    public string Full => _feed.Once("tool-full", () => RunTestsOnce("full", "Kind!=Failing", "met", 0, "QualityGate met: PASS"));

    /// <summary>
    /// The passing tests but one, judged by the MSBuild gate on phase strict: a fail, exit code 1, the services layer
    /// below its target. The tool tests judge its results by phases of their own. Made after <see cref="Full"/>, on the
    /// same copy of the build: the phase is a property of the test run, not the build.
    /// </summary>
    public string Lower => _feed.Once("tool-lower", () => RunTestsOnce(
        "lower", "Kind!=Failing&FullyQualifiedName!~Net_refuses", "strict", 1, "error QG4001: services: line coverage 66.6 % < 100.0 % required by strict (gap 33.4 pp; 8/12 lines)"));

    /// <summary>'dotnet test --no-build' on a copy of the gate fixture's build (<see cref="GateSample.ToolCopy"/>, <see cref="GateSample.ShardsCopy"/>).</summary>
    public (int ExitCode, string Output) Test(string copy, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        new GateSample(_fixtures, copy).Test(environment, arguments);

    /// <summary>
    /// 'dotnet test --logger gate --collect "XPlat Code Coverage"' on the fixture's tests with a filter, into
    /// TestResults/{name} of the fixture; returns that folder, relative to the fixture. The MSBuild gate runs too and
    /// writes its own report there.
    /// </summary>
    private string RunTestsOnce(string name, string filter, string phase, int verdict, string says)
    {
        var relative = Path.Combine("TestResults", name);
        var results = Path.Combine(FixtureDirectory, relative);
        var (exit, output) = Test(
            GateSample.ToolCopy, new Dictionary<string, string>(),
            "--logger", "gate", "--collect", "XPlat Code Coverage", "--filter", filter, "--results-directory", results, $"-p:QualityGatePhase={phase}");
        Assert.True(exit == verdict, $"the run '{name}' exited {exit}, not {verdict}:\n{output}");
        Assert.Contains(says, output);
        Assert.True(File.Exists(Path.Combine(results, "App.Tests.net10.0.qualitygate.json")), $"the run '{name}' wrote no results file:\n{output}");
        Assert.True(Directory.GetFiles(results, "coverage.cobertura.xml", SearchOption.AllDirectories).Length == 1, $"the run '{name}' wrote no single coverage report:\n{output}");
        return relative;
    }

    /// <summary>
    /// Runs the installed command as a user's shell would, and keeps everything it printed: for what only the process
    /// proves (its exit codes, the folder it starts in). Everything else calls <see cref="InProcess"/>.
    /// </summary>
    public (int ExitCode, string Output) Installed(string workingDirectory, params string[] arguments)
    {
        // The command is an app host: point it at the runtime this test runs on, wherever that is installed.
        var environment = new Dictionary<string, string?> { ["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..")) };
        foreach (var variable in ReportVariables)
        {
            environment[variable] = null;
        }

        return DotNet.Process(Executable, workingDirectory, environment, TimeSpan.FromMinutes(2), arguments);
    }

    /// <summary>
    /// The same command through the installed tool's entry point in this process (<see cref="ToolEntryPoint"/>): the
    /// package's bits judge the same files from the same folder, without a process start and a JIT of their own.
    /// </summary>
    public (int ExitCode, string Output) InProcess(string workingDirectory, params string[] arguments) =>
        _entryPoint.Value.Invoke(workingDirectory, arguments);
}
