using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;

namespace QualityGate.PackageTests;

/// <summary>
/// Packs QualityGate once per test run into a local feed, copies the fixture projects to a scratch folder with a
/// nuget.config that adds that feed, and points NUGET_PACKAGES at an empty folder: every restore below gets the
/// package exactly as a user would, never a stale copy from a cache.
/// </summary>
public sealed class PackageFeed : IDisposable
{
    public PackageFeed()
    {
        RepoRoot = typeof(PackageFeed).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;
        Root = Path.Combine(Path.GetTempPath(), "qg-e2e-" + Guid.NewGuid().ToString("N")[..8]);
        var feed = Directory.CreateDirectory(Path.Combine(Root, "feed")).FullName;
        Environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Directory.CreateDirectory(Path.Combine(Root, "packages")).FullName };

        (int exit, string output) packed;
        using (PackLock())
        {
            packed = DotNet.Run(RepoRoot, Environment, "pack", Path.Combine(RepoRoot, "src", "QualityGate.Package"), "-c", "Release", "-o", feed);
        }

        var (exit, output) = packed;
        Assert.True(exit == 0, "dotnet pack failed:\n" + output);
        var package = Path.GetFileNameWithoutExtension(Directory.GetFiles(feed, "QualityGate.*.nupkg").Single());
        Version = package["QualityGate.".Length..];

        Work = Path.Combine(Root, "work");
        Copy(Path.Combine(RepoRoot, "tests", "fixtures"), Work);
        File.WriteAllText(Path.Combine(Work, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="qualitygate-e2e" value="{feed}" />
              </packageSources>
            </configuration>
            """);
    }

    public string RepoRoot { get; }

    /// <summary>The packed version, e.g. 0.1.0-dev.</summary>
    public string Version { get; }

    /// <summary>The scratch copy of tests/fixtures.</summary>
    public string Work { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    private string Root { get; }

    /// <summary>
    /// A fresh copy of a fixture, for a scenario that must not share build output with the others (a different
    /// coverage tool instruments the assemblies differently). Returns its path relative to <see cref="Work"/>.
    /// </summary>
    public string Fresh(string fixture)
    {
        var name = $"{fixture}.{Guid.NewGuid().ToString("N")[..6]}";
        Copy(Path.Combine(RepoRoot, "tests", "fixtures", fixture), Path.Combine(Work, name));
        return name;
    }

    /// <summary>dotnet test on a fixture (a folder under tests/fixtures) with the packed package referenced.</summary>
    public (int ExitCode, string Output) Test(string fixture, params string[] arguments) =>
        Test(fixture, new Dictionary<string, string>(), arguments);

    public (int ExitCode, string Output) Test(string fixture, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var all = new Dictionary<string, string>(Environment);
        foreach (var pair in environment)
        {
            all[pair.Key] = pair.Value;
        }

        return DotNet.Run(Work, all, ["test", fixture, $"-p:QualityGateVersion={Version}", .. arguments]);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>
    /// Test projects run in parallel and each packs the same projects: one pack at a time, or they race on obj/.
    /// </summary>
    public static IDisposable PackLock()
    {
        var path = Path.Combine(Path.GetTempPath(), "qualitygate-pack.lock");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 600)
            {
                System.Threading.Thread.Sleep(500);
            }
        }
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Any(p => p is "bin" or "obj" or "TestResults"))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackageTestGroup : ICollectionFixture<PackageFeed>
{
    public const string Name = "package";
}
