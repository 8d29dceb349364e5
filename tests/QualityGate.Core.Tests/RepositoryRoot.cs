using System;
using System.IO;

namespace QualityGate.Tests;

/// <summary>
/// The clone the tests run from, found at run time so no machine path is compiled into a test assembly: the nearest
/// folder above the test assembly that holds QualityGate.sln. Linked into every test project that reads the repository.
/// </summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "QualityGate.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no QualityGate.sln above {AppContext.BaseDirectory}: run the tests from a clone of the repository");
    }
}
