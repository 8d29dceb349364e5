using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;


namespace QualityGate.PackageTests;

/// <summary>
/// One test run's package feed: QualityGate and QualityGate.Tool packed once, from the build this test project's build
/// made (--no-build), under a version no earlier run used (0.2.0-e2e-{run}); one NuGet cache (NUGET_PACKAGES), empty
/// when the run starts and shared by every scenario, so every restore gets the package exactly as a user would and
/// never a copy from a cache. The fixtures are copied to a scratch folder with a nuget.config that adds the feed.
/// </summary>
public sealed class PackageFeed
{
    // One run's feed for every collection of the assembly: the collections run in parallel, the pack happens once.
    private static readonly Lazy<Shared> ThisRun = new(() => new Shared(), System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Shared _run = ThisRun.Value;

    /// <summary>This run's version, e.g. 0.2.0-e2e-1a2b3c4d.</summary>
    public string Version => _run.Version;

    /// <summary>The local feed both packages are in.</summary>
    public string Feed => _run.Feed;

    /// <summary>The scratch copy of tests/fixtures.</summary>
    public string Work => _run.Work;

    public IReadOnlyDictionary<string, string> Environment => _run.Environment;

    private ConcurrentDictionary<string, Lazy<object>> Runs => _run.Runs;

    /// <summary>
    /// A real run several tests assert on: made the first time one asks, never again. Its folders are read, not
    /// changed, afterwards; a test that changes files works on a copy of its own.
    /// </summary>
    public T Once<T>(string name, Func<T> make)
        where T : notnull =>
        (T)Runs.GetOrAdd(name, _ => new Lazy<object>(() => make())).Value;

    /// <summary>
    /// A fresh copy of a fixture, for a scenario that changes its sources or must not share build output with the
    /// others. Returns its path relative to <see cref="Work"/>.
    /// </summary>
    public string Fresh(string fixture)
    {
        var name = $"{fixture}.{Repository.Unique()}";
        Repository.Copy(Path.Combine(Repository.Root, "tests", "fixtures", fixture), Path.Combine(Work, name));
        return name;
    }

    /// <summary>dotnet test on a fixture (a path under <see cref="Work"/>) with the packed package referenced.</summary>
    public (int ExitCode, string Output) Test(string fixture, params string[] arguments) =>
        Test(fixture, new Dictionary<string, string>(), arguments);

    public (int ExitCode, string Output) Test(string fixture, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        Run(environment, ["test", fixture, .. arguments]);

    /// <summary>Any dotnet command from <see cref="Work"/>, with this run's version and NuGet cache.</summary>
    public (int ExitCode, string Output) Run(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var all = new Dictionary<string, string>(Environment);
        foreach (var pair in environment)
        {
            all[pair.Key] = pair.Value;
        }

        return DotNet.Run(Work, all, [.. arguments, $"-p:QualityGateVersion={Version}"]);
    }

    private sealed class Shared
    {
        public Shared()
        {
            var root = ScratchFramework.Create("qg-e2e-");
            Feed = Directory.CreateDirectory(Path.Combine(root, "feed")).FullName;
            Environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Directory.CreateDirectory(Path.Combine(root, "packages")).FullName };
            Version = "0.2.0-e2e-" + Repository.Unique();
            foreach (var project in new[] { "QualityGate.Package", "QualityGate.Tool" })
            {
                var (exit, output) = DotNet.Run(
                    Repository.Root, Environment,
                    "pack", Path.Combine(Repository.Root, "src", project), "--no-build", "-c", Repository.Configuration,
                    $"-p:VersionSuffix={Version["0.2.0-".Length..]}", "-o", Feed);
                Assert.True(exit == 0, $"dotnet pack {project} failed:\n{output}");
            }

            Assert.True(File.Exists(Path.Combine(Feed, $"QualityGate.{Version}.nupkg")), $"no QualityGate.{Version}.nupkg in {Feed}");
            Work = Path.Combine(root, "work");
            Repository.Copy(Path.Combine(Repository.Root, "tests", "fixtures"), Work);
            File.WriteAllText(Path.Combine(Work, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="qualitygate-e2e" value="{Feed}" />
                  </packageSources>
                </configuration>
                """);
        }

        public string Version { get; }

        public string Feed { get; }

        public string Work { get; }

        public Dictionary<string, string> Environment { get; }

        public ConcurrentDictionary<string, Lazy<object>> Runs { get; } = new(StringComparer.Ordinal);
    }
}

/// <summary>
/// Chains of real runs that share the feed, run in parallel: the VSTest solutions, the crashes, the
/// Microsoft.Testing.Platform fixtures, the tool and the shards (these two on copies of the MSBuild tier's build of
/// Gate.Sample, GateSample.ToolCopy and ShardsCopy). Within a chain, scenarios run one at a time.
/// </summary>
public static class PackageTestGroup
{
    public const string VSTest = "package: VSTest";

    public const string TestingPlatform = "package: Microsoft.Testing.Platform";

    public const string Tool = "package: dotnet gate";

    public const string Shards = "package: shards and patch";

    public const string Crashes = "package: crashes";
}

[CollectionDefinition(PackageTestGroup.VSTest)]
public sealed class VSTestGroup : ICollectionFixture<PackageFeed>;

[CollectionDefinition(PackageTestGroup.TestingPlatform)]
public sealed class TestingPlatformGroup : ICollectionFixture<PackageFeed>;

[CollectionDefinition(PackageTestGroup.Tool)]
public sealed class ToolGroup : ICollectionFixture<PackageFeed>;

[CollectionDefinition(PackageTestGroup.Crashes)]
public sealed class CrashesGroup : ICollectionFixture<PackageFeed>;

[CollectionDefinition(PackageTestGroup.Shards)]
public sealed class ShardsGroup : ICollectionFixture<PackageFeed>;
