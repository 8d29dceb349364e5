using System.Collections.Concurrent;
using System.IO;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: Xunit.TestFramework("QualityGate.PackageTests.ScratchFramework", "QualityGate.EndToEnd.Tests")]

namespace QualityGate.PackageTests;

/// <summary>
/// The scratch folders a test run shares between its parallel collections (a feed, fixture builds). Deleted when xunit
/// disposes the test framework, after the assembly's last test; vstest.console may end the host before a large folder is
/// gone, so each folder names its owner process and a later run deletes the folders whose owner is no longer running.
/// </summary>
public sealed class ScratchFramework : XunitTestFramework
{
    private static readonly ConcurrentBag<string> Folders = [];

    public ScratchFramework(IMessageSink messageSink)
        : base(messageSink) => DisposalTracker.Add(new Cleanup());

    private const string Owner = "qualitygate-owner.pid";

    /// <summary>A new folder under the temp folder, deleted when the assembly's tests are done.</summary>
    public static string Create(string prefix)
    {
        foreach (var left in Directory.GetDirectories(Path.GetTempPath(), prefix + "*"))
        {
            if (int.TryParse(Read(Path.Combine(left, Owner)), out var pid) && !Running(pid))
            {
                Delete(left);
            }
        }

        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), prefix + Repository.Unique())).FullName;
        File.WriteAllText(Path.Combine(folder, Owner), System.Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Folders.Add(folder);
        return folder;
    }

    private static string Read(string file)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (System.Exception e) when (e is IOException or System.UnauthorizedAccessException)
        {
            return string.Empty; // not a folder of this kind of run, or being written
        }
    }

    private static bool Running(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (System.ArgumentException)
        {
            return false;
        }
    }

    // The owner file goes last: a deletion cut short still leaves a folder the next run recognises.
    private static void Delete(string folder)
    {
        try
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(folder))
            {
                if (Directory.Exists(entry))
                {
                    Directory.Delete(entry, recursive: true);
                }
                else if (Path.GetFileName(entry) != Owner)
                {
                    File.Delete(entry);
                }
            }

            Directory.Delete(folder, recursive: true);
        }
        catch (System.Exception e) when (e is IOException or System.UnauthorizedAccessException)
        {
        }
    }

    private sealed class Cleanup : System.IDisposable
    {
        public void Dispose()
        {
            foreach (var folder in Folders)
            {
                Delete(folder);
            }
        }
    }
}
