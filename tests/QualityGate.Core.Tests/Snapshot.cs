using System.IO;
using System.Runtime.CompilerServices;
using Xunit;

namespace QualityGate.Tests;

/// <summary>
/// Snapshot testing in the manner of Verify (which the package mirror lacks): the output is compared with
/// Snapshots/&lt;name&gt;.verified.&lt;ext&gt; next to the tests; on a difference the actual output is written to
/// .received.&lt;ext&gt; (ignored by git) for review, and accepted by copying it over the verified file.
/// </summary>
public static class Snapshot
{
    public static void Match(string actual, string name, string extension = "txt", [CallerFilePath] string caller = "")
    {
        var folder = Path.Combine(FindTestsRoot(caller), "Snapshots");
        var verified = Path.Combine(folder, $"{name}.verified.{extension}");
        var received = Path.Combine(folder, $"{name}.received.{extension}");
        actual = actual.Replace("\r\n", "\n");
        if (File.Exists(verified) && File.ReadAllText(verified).Replace("\r\n", "\n") == actual)
        {
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(received, actual);
        Assert.Fail($"{name}: the output differs from {verified} (or it does not exist yet). Review {received}; if it is right, copy it over the verified file.");
    }

    private static string FindTestsRoot(string caller)
    {
        var directory = new DirectoryInfo(Path.GetDirectoryName(caller)!);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "QualityGate.Core.Tests.csproj")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? Path.GetDirectoryName(caller)!;
    }
}
