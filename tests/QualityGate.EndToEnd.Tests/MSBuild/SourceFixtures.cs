using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using QualityGate.PackageTests;
using Xunit;


namespace QualityGate.MSBuildTests;

/// <summary>
/// The MSBuild tier's fixtures: tests/fixtures copied to a scratch folder and wired to QualityGate from this
/// repository's build output (the build/ files the package ships, the task and logger the package carries), as
/// samples/ are. Each fixture is built once; scenarios run 'dotnet test --no-build' on it, each into a results folder
/// of its own, or on a copy of their own where they change files beside the project.
/// </summary>
public sealed class SourceFixtures
{
    // One scratch folder and one build per fixture for every collection of the assembly (they run in parallel).
    private static readonly ConcurrentDictionary<string, Lazy<string>> BuiltFixtures = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Lazy<object>> Made = new(StringComparer.Ordinal);
    private static readonly Lazy<string> Scratch = new(() =>
    {
        var work = ScratchFramework.Create("qg-msbuild-");
        foreach (var file in Directory.GetFiles(Path.Combine(Repository.Root, "tests", "fixtures")))
        {
            File.Copy(file, Path.Combine(work, Path.GetFileName(file)));
        }

        return work;
    });

    private readonly ConcurrentDictionary<string, Lazy<string>> _built = BuiltFixtures;
    private readonly ConcurrentDictionary<string, Lazy<object>> _once = Made;
    private readonly string _work = Scratch.Value;

    /// <summary>The scratch folder: fixtures and scenario copies are folders in it.</summary>
    public string Work => _work;

    /// <summary>The properties that point a fixture at this repository's build output.</summary>
    public static string[] FromSource =>
        [$"-p:QualityGateRepository={Repository.Root.TrimEnd('/')}/", $"-p:QualityGateRepositoryConfiguration={Repository.Configuration}"];

    /// <summary>
    /// The fixture (a folder under tests/fixtures) copied and its test project built, once per name; its folder. A
    /// build with other properties (another coverage tool) has a name of its own.
    /// </summary>
    public string Built(string fixture, string project, string? name = null, params string[] properties) =>
        Built(fixture, project, [], name, properties);

    /// <summary>
    /// As <see cref="Built(string, string, string?, string[])"/>, with copies of the built test project beside it
    /// (<c>{project}.{copy}</c>, with its bin and obj), made before any scenario runs: a coverage run instruments the
    /// assemblies of the build it runs in place, so chains that run side by side need builds of their own, and a copy
    /// costs no compilation. A copy refers to the same sources and projects, and finds the fixture's qualitygate.json.
    /// </summary>
    public string Built(string fixture, string project, IReadOnlyList<string> copies, string? name = null, params string[] properties) =>
        _built.GetOrAdd(name ?? fixture, _ => new Lazy<string>(() =>
        {
            var folder = Path.Combine(Work, name ?? fixture);
            Repository.Copy(Path.Combine(Repository.Root, "tests", "fixtures", fixture), folder);
            var (exit, output) = Run(new Dictionary<string, string>(), ["build", Path.Combine(folder, project), .. properties]);
            Assert.True(exit == 0, $"building {fixture} failed:\n{output}");
            foreach (var copy in copies)
            {
                Repository.Copy(Path.Combine(folder, project), Path.Combine(folder, $"{project}.{copy}"), withBuild: true);
            }

            return folder;
        })).Value;

    /// <summary>A scenario's own copy of a folder, with its build output and whatever results it holds.</summary>
    public string Copy(string folder, string scenario)
    {
        var copy = Path.Combine(Work, $"{scenario}-{Repository.Unique()}");
        Repository.Copy(folder, copy, withBuild: true);
        return copy;
    }

    /// <summary>A real run several tests assert on, made once; its files are only read (or copied) afterwards.</summary>
    public T Once<T>(string name, Func<T> make)
        where T : notnull =>
        (T)_once.GetOrAdd(name, _ => new Lazy<object>(() => make())).Value;

    /// <summary>'dotnet test' on a project, from source.</summary>
    public (int ExitCode, string Output) Test(string project, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        Run(environment, ["test", project, .. arguments]);

    /// <summary>Any dotnet command from <see cref="Work"/>, from source.</summary>
    public (int ExitCode, string Output) Run(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        DotNet.Run(Work, environment, [.. arguments, .. FromSource]);
}

/// <summary>
/// Chains that run in parallel, each on builds of its own: the hand-off fixture (copies per scenario; the SDK hook reads
/// its build), and the gate fixture's one build, whose assemblies each coverage run instruments, so one chain per copy
/// and one scenario at a time: the verdicts on the build, the ratchet, the other coverage tools (one collection, so
/// their two copies take turns) and the package tier's tool and shards on copies of it (GateSample; a build of a
/// chain's own cost more CPU than it saved waiting: the end-to-end run is CPU-bound; a copy costs none).
/// </summary>
public static class MSBuildTestGroup
{
    public const string HandOff = "msbuild: hand-off";

    public const string Gate = "msbuild: gate";

    public const string Ratchet = "msbuild: ratchet";

    public const string CoverageTools = "msbuild: other coverage tools";
}

[CollectionDefinition(MSBuildTestGroup.HandOff)]
public sealed class HandOffGroup : ICollectionFixture<SourceFixtures>;

[CollectionDefinition(MSBuildTestGroup.Gate)]
public sealed class GateGroup : ICollectionFixture<SourceFixtures>;

[CollectionDefinition(MSBuildTestGroup.Ratchet)]
public sealed class RatchetGroup : ICollectionFixture<SourceFixtures>;

[CollectionDefinition(MSBuildTestGroup.CoverageTools)]
public sealed class CoverageToolsGroup : ICollectionFixture<SourceFixtures>;
