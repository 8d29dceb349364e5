using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Xunit;

namespace QualityGate.PackageTests;

/// <summary>
/// Installs QualityGate.Tool from the package tier's feed with 'dotnet tool install' and the run's NuGet cache, so the
/// tests run the tool a user gets, not the build output. Also runs the Gate.Sample fixture once per kind of run, since
/// several tests judge the same results (each test copies what it changes into a folder of its own).
/// </summary>
public sealed class ToolFeed
{
    public const string Fixture = "Gate.Sample";

    // One per test run (the collections that use it run in parallel): installed once, each run of the fixture made once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<ToolFeed>> Installed = new(StringComparer.Ordinal);

    private readonly PackageFeed _feed;

    private ToolFeed(PackageFeed feed)
    {
        _feed = feed;
        var toolPath = Path.Combine(Path.GetDirectoryName(feed.Work)!, "tool");
        var (exit, output) = DotNet.Run(feed.Work, feed.Environment, "tool", "install", "QualityGate.Tool", "--version", feed.Version, "--tool-path", toolPath, "--add-source", feed.Feed);
        Assert.True(exit == 0, "dotnet tool install failed:\n" + output);
        Executable = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "dotnet-gate.exe" : "dotnet-gate");
        Assert.True(File.Exists(Executable), $"the tool's command is not at {Executable}:\n{output}");
    }

    /// <summary>The installed 'dotnet-gate' command.</summary>
    public string Executable { get; }

    /// <summary>The fixture's folder in the scratch copy: it holds qualitygate.json, where a user runs the tool.</summary>
    public string FixtureDirectory => Path.Combine(_feed.Work, Fixture);

    public static ToolFeed For(PackageFeed feed) => Installed.GetOrAdd(feed.Work, _ => new Lazy<ToolFeed>(() => new ToolFeed(feed))).Value;

    /// <summary>The passing tests with coverage, judged by the package's MSBuild gate on phase met: a pass, exit code 0.</summary>
    public string Full => RunTests("full", "Kind!=Failing", "met", 0, "QualityGate met: PASS");

    /// <summary>
    /// The passing tests but one, judged by the package's MSBuild gate on phase strict: a fail, exit code 1, the
    /// services layer below its target. The tool tests judge its results by phases of their own.
    /// </summary>
    public string Lower => RunTests(
        "lower", "Kind!=Failing&FullyQualifiedName!~Net_refuses", "strict", 1, "error QG4001: services: line coverage 66.6 % < 100.0 % required by strict (gap 33.4 pp; 8/12 lines)");

    /// <summary>
    /// 'dotnet test --logger gate --collect "XPlat Code Coverage"' on the fixture's tests with a filter, into
    /// TestResults/{name} of the fixture (once per name); returns that folder, relative to the fixture. The MSBuild gate
    /// runs too and writes its own report there.
    /// </summary>
    private string RunTests(string name, string filter, string phase, int verdict, string says) =>
        _feed.Once($"tool-{name}", () => RunTestsOnce(name, filter, phase, verdict, says));

    private string RunTestsOnce(string name, string filter, string phase, int verdict, string says)
    {
        var relative = Path.Combine("TestResults", name);
        var results = Path.Combine(FixtureDirectory, relative);
        var (exit, output) = _feed.Test(
            Path.Combine(Fixture, "App.Tests"), "--logger", "gate", "--collect", "XPlat Code Coverage", "--filter", filter, "--results-directory", results, $"-p:QualityGatePhase={phase}");
        Assert.True(exit == verdict, $"the run '{name}' exited {exit}, not {verdict}:\n{output}");
        Assert.Contains(says, output);
        Assert.True(File.Exists(Path.Combine(results, "App.Tests.net10.0.qualitygate.json")), $"the run '{name}' wrote no results file:\n{output}");
        Assert.True(Directory.GetFiles(results, "coverage.cobertura.xml", SearchOption.AllDirectories).Length == 1, $"the run '{name}' wrote no single coverage report:\n{output}");
        return relative;
    }

    /// <summary>Runs the installed command as a user's shell would, and keeps everything it printed.</summary>
    public (int ExitCode, string Output) Gate(string workingDirectory, params string[] arguments) =>
        // The command is an app host: point it at the runtime this test runs on, wherever that is installed.
        DotNet.Process(
            Executable,
            workingDirectory,
            new Dictionary<string, string?> { ["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..")) },
            TimeSpan.FromMinutes(2),
            arguments);
}
