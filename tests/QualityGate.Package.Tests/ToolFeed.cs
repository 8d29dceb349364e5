using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Xml.Linq;
using Xunit;

namespace QualityGate.PackageTests;

/// <summary>
/// Packs QualityGate.Tool into the package tier's feed and installs it from there with 'dotnet tool install' and the
/// same empty NuGet cache, so the tests run the tool a user gets, not the build output. Also runs the Gate.Sample
/// fixture once per kind of run, since several tests judge the same results.
/// </summary>
public sealed class ToolFeed
{
    public const string Fixture = "Gate.Sample";

    // One per feed: packing and installing once is enough for every test of the collection.
    private static readonly ConditionalWeakTable<PackageFeed, ToolFeed> Installed = new();

    private readonly PackageFeed _feed;
    private readonly Dictionary<string, string> _runs = new(StringComparer.Ordinal);

    private ToolFeed(PackageFeed feed)
    {
        _feed = feed;
        var source = XDocument.Load(Path.Combine(feed.Work, "nuget.config")).Descendants("add")
            .Single(a => (string?)a.Attribute("key") == "qualitygate-e2e").Attribute("value")!.Value;
        (int ExitCode, string Output) packed;
        using (PackageFeed.PackLock())
        {
            packed = DotNet.Run(feed.RepoRoot, feed.Environment, "pack", Path.Combine(feed.RepoRoot, "src", "QualityGate.Tool"), "-c", "Release", "-o", source);
        }

        Assert.True(packed.ExitCode == 0, "dotnet pack of the tool failed:\n" + packed.Output);
        Assert.True(File.Exists(Path.Combine(source, $"QualityGate.Tool.{feed.Version}.nupkg")), $"no QualityGate.Tool.{feed.Version}.nupkg in {source}");

        var toolPath = Path.Combine(Path.GetDirectoryName(feed.Work)!, "tool");
        var (exit, output) = DotNet.Run(feed.Work, feed.Environment, "tool", "install", "QualityGate.Tool", "--version", feed.Version, "--tool-path", toolPath, "--add-source", source);
        Assert.True(exit == 0, "dotnet tool install failed:\n" + output);
        Executable = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "dotnet-gate.exe" : "dotnet-gate");
        Assert.True(File.Exists(Executable), $"the tool's command is not at {Executable}:\n{output}");
    }

    /// <summary>The installed 'dotnet-gate' command.</summary>
    public string Executable { get; }

    /// <summary>The fixture's folder in the scratch copy: it holds qualitygate.json, where a user runs the tool.</summary>
    public string FixtureDirectory => Path.Combine(_feed.Work, Fixture);

    public static ToolFeed For(PackageFeed feed) => Installed.GetValue(feed, f => new ToolFeed(f));

    /// <summary>
    /// 'dotnet test --logger gate --collect "XPlat Code Coverage"' on the fixture's tests with a filter, into
    /// TestResults/{name} of the fixture (once per name); returns that folder, relative to the fixture. The MSBuild gate
    /// runs too and writes its own report there.
    /// </summary>
    public string RunTests(string name, string filter)
    {
        if (_runs.TryGetValue(name, out var done))
        {
            return done;
        }

        var relative = Path.Combine("TestResults", name);
        var results = Path.Combine(FixtureDirectory, relative);
        var (_, output) = _feed.Test(Path.Combine(Fixture, "App.Tests"), "--logger", "gate", "--collect", "XPlat Code Coverage", "--filter", filter, "--results-directory", results);
        // The exit code is the MSBuild gate's verdict on its own phase; only the files matter here.
        Assert.True(File.Exists(Path.Combine(results, "App.Tests.net10.0.qualitygate.json")), $"the run '{name}' wrote no results file:\n{output}");
        Assert.True(Directory.GetFiles(results, "coverage.cobertura.xml", SearchOption.AllDirectories).Length == 1, $"the run '{name}' wrote no single coverage report:\n{output}");
        _runs[name] = relative;
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
