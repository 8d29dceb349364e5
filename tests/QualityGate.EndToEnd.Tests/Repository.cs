using System;
using System.IO;
using System.Reflection;

namespace QualityGate.PackageTests;

/// <summary>
/// The repository these tests were built from (<see cref="QualityGate.Tests.RepositoryRoot"/>). The product was built in the
/// same configuration as the test assembly, since the test project's build builds it.
/// </summary>
public static class Repository
{
    public static string Root => QualityGate.Tests.RepositoryRoot.Path;

    public static string Configuration { get; } =
        typeof(Repository).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>Copies a folder tree; <paramref name="withBuild"/> false leaves out bin, obj and TestResults.</summary>
    public static void Copy(string from, string to, bool withBuild = false)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (!withBuild && Array.Exists(relative.Split(Path.DirectorySeparatorChar), p => p is "bin" or "obj" or "TestResults"))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    /// <summary>A short random name part, so parallel runs and scenarios never share a folder.</summary>
    public static string Unique() => Guid.NewGuid().ToString("N")[..8];
}
