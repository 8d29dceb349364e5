using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace QualityGate.PackageTests;

/// <summary>
/// The Microsoft.Testing.Platform fixtures (tests/fixtures/Mtp, whose global.json puts 'dotnet test' in MTP mode),
/// restored from the packed feed with an empty NuGet cache and built once; every scenario then runs 'dotnet test
/// --no-build' from that folder, as a user in MTP mode would.
/// </summary>
public sealed class TestingPlatformFeed
{
    // One build per package feed: the MTP scenarios share the "package" collection's feed (one pack per test run, under
    // the machine-wide pack lock) instead of packing again.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PackageFeed, TestingPlatformFeed> Built = new();

    private TestingPlatformFeed(PackageFeed feed)
    {
        Feed = feed;
        Folder = Path.Combine(Feed.Work, "Mtp");
        var (exit, output) = DotNet.Run(Folder, Feed.Environment, "build", "All.sln", $"-p:QualityGateVersion={Feed.Version}");
        Assert.True(exit == 0, "building the MTP fixtures failed:\n" + output);
    }

    public PackageFeed Feed { get; }

    /// <summary>The MTP fixtures of <paramref name="feed"/>, built the first time a scenario asks.</summary>
    public static TestingPlatformFeed For(PackageFeed feed)
    {
        lock (Built)
        {
            return Built.GetValue(feed, f => new TestingPlatformFeed(f));
        }
    }

    /// <summary>The scratch copy of tests/fixtures/Mtp: 'dotnet test' runs here, in MTP mode.</summary>
    public string Folder { get; }

    /// <summary>A scenario's own results folder: no scenario reads what another wrote.</summary>
    public string ResultsDirectory(string scenario) => Path.Combine(Folder, "TestResults", scenario);

    /// <summary>'dotnet test --no-build' in MTP mode with the given arguments, into the scenario's results folder.</summary>
    public (int ExitCode, string Output) Test(string scenario, params string[] arguments) =>
        DotNet.Run(Folder, Feed.Environment, ["test", "--no-build", $"-p:QualityGateVersion={Feed.Version}", "--results-directory", ResultsDirectory(scenario), .. arguments]);

    public ResultsFile Results(string scenario, string assembly) =>
        ResultsFile.Read(Path.Combine(ResultsDirectory(scenario), $"{assembly}.net10.0.qualitygate.json"));

    /// <summary>The counters of the TRX file the platform (or xunit) wrote for an assembly.</summary>
    public IReadOnlyDictionary<string, int> TrxCounters(string scenario, string assembly)
    {
        foreach (var file in Directory.GetFiles(ResultsDirectory(scenario), "*.trx"))
        {
            var document = XDocument.Load(file);
            XNamespace ns = document.Root!.Name.Namespace;
            var storage = document.Descendants(ns + "UnitTest").Select(u => (string?)u.Attribute("storage")).FirstOrDefault() ?? string.Empty;
            if (Path.GetFileNameWithoutExtension(storage).Equals(assembly, StringComparison.OrdinalIgnoreCase))
            {
                return document.Descendants(ns + "Counters").Single().Attributes()
                    .ToDictionary(a => a.Name.LocalName, a => int.Parse(a.Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        throw new Xunit.Sdk.XunitException($"no TRX file for {assembly} in {ResultsDirectory(scenario)}");
    }
}
