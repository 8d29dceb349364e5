using System;
using System.IO;
using System.Reflection;

namespace QualityGate.PackageTests;

/// <summary>
/// The repository these tests were built from, found at run time (no machine path is compiled into the test
/// assembly): the nearest folder above the test assembly that holds QualityGate.sln. The product was built in the
/// same configuration as the test assembly, since the test project's build builds it.
/// </summary>
public static class Repository
{
    public static string Root { get; } = Find();

    public static string Configuration { get; } =
        typeof(Repository).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "QualityGate.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no QualityGate.sln above {AppContext.BaseDirectory}: run the tests from a clone of the repository");
    }

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
