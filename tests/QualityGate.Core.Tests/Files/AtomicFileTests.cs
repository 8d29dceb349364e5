using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using QualityGate.Diagnostics;
using QualityGate.Files;
using Xunit;

namespace QualityGate.Tests.Files;

/// <summary>The one write path: whole files or nothing, no temporaries left, and special files never replaced.</summary>
public class AtomicFileTests
{
    private static QualityGateException Unwritable(string path, Exception e) => new(DiagnosticCode.ReportUnwritable, e.Message, path, e);

    [Fact]
    public async Task Two_concurrent_writers_leave_one_complete_file_and_no_temporary()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "report.json");
        var a = new string('a', 1 << 20);
        var b = new string('b', 1 << 20);
        using var start = new Barrier(2);
        var writers = new[] { a, b }.Select(text => Task.Run(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < 20; i++)
            {
                AtomicFile.WriteText(path, text, Unwritable);
            }
        })).ToArray();
        await Task.WhenAll(writers);

        var written = File.ReadAllText(path);
        Assert.True(written == a || written == b, "the file is one writer's whole content, not a mix or a prefix");
        Assert.Equal([path], Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void A_writer_that_fails_midway_leaves_the_old_file_and_no_temporary()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "baseline.json");
        File.WriteAllText(path, "old");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.WriteByte((byte)'n');
            throw new InvalidOperationException("the serializer broke");
        }, Unwritable));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void The_temporary_is_hidden_beside_the_target_and_matches_no_results_glob()
    {
        var name = AtomicFile.TemporaryName("/repo/TestResults/Shop.Tests.net10.0.qualitygate.json");

        Assert.Equal("/repo/TestResults", Path.GetDirectoryName(name));
        Assert.StartsWith(".Shop.Tests.net10.0.qualitygate.json.", Path.GetFileName(name), StringComparison.Ordinal);
        Assert.EndsWith(".tmp", name, StringComparison.Ordinal);
        Assert.NotEqual(name, AtomicFile.TemporaryName("/repo/TestResults/Shop.Tests.net10.0.qualitygate.json"));
    }

    [Fact]
    public void A_named_pipe_given_as_output_is_refused_and_stays_a_pipe()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TempFolder();
        var fifo = Path.Combine(temp.Path, "report.md");
        Run("mkfifo", fifo);

        var error = Assert.Throws<QualityGateException>(() => AtomicFile.WriteText(fifo, "# report", Unwritable));

        Assert.Equal(DiagnosticCode.OutputNotRegularFile, error.Code);
        Assert.Contains("named pipe", error.Message, StringComparison.Ordinal);
        Assert.Equal(FileType.Pipe, FileNode.KindOfLink(fifo));
        Assert.Equal([fifo], Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void A_character_device_given_as_output_is_written_through_and_stays_a_device()
    {
        if (OperatingSystem.IsWindows() || !CanMakeDevices())
        {
            return;
        }

        using var temp = new TempFolder();
        var device = Path.Combine(temp.Path, "null");
        Run("mknod", device, "c", "1", "3");

        AtomicFile.WriteText(device, "# report", Unwritable);

        Assert.Equal(FileType.CharacterDevice, FileNode.KindOfLink(device));
        Assert.Equal([device], Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void A_symbolic_link_to_a_device_is_refused_and_both_stay_as_they_were()
    {
        if (OperatingSystem.IsWindows() || !CanMakeDevices())
        {
            return;
        }

        using var temp = new TempFolder();
        var device = Path.Combine(temp.Path, "null");
        Run("mknod", device, "c", "1", "3");
        var link = Path.Combine(temp.Path, "qualitygate-report.md");
        File.CreateSymbolicLink(link, device);

        var error = Assert.Throws<QualityGateException>(() => AtomicFile.WriteText(link, "# report", Unwritable));

        Assert.Equal(DiagnosticCode.OutputNotRegularFile, error.Code);
        Assert.Contains("symbolic link to a character device", error.Message, StringComparison.Ordinal);
        Assert.Equal(FileType.Link, FileNode.KindOfLink(link));
        Assert.Equal(FileType.CharacterDevice, FileNode.KindOfLink(device));
    }

    [Fact]
    public void A_symbolic_link_to_a_file_elsewhere_is_replaced_and_the_file_it_pointed_at_is_untouched()
    {
        using var temp = new TempFolder();
        var secret = Path.Combine(temp.Path, "credentials");
        File.WriteAllText(secret, "token=abc");
        var link = Path.Combine(temp.Path, "qualitygate-report.md");
        File.CreateSymbolicLink(link, secret);

        AtomicFile.WriteText(link, "# report", Unwritable);

        Assert.Equal("token=abc", File.ReadAllText(secret));
        Assert.Equal("# report", File.ReadAllText(link));
        Assert.Null(new FileInfo(link).LinkTarget);
    }

    [Fact]
    public void A_folder_given_as_output_is_refused_with_a_code()
    {
        using var temp = new TempFolder();

        var error = Assert.Throws<QualityGateException>(() => AtomicFile.WriteText(temp.Path, "{}", Unwritable));

        Assert.Equal(DiagnosticCode.OutputNotRegularFile, error.Code);
        Assert.Contains("a folder", error.Message, StringComparison.Ordinal);
        Assert.True(Directory.Exists(temp.Path));
    }

    [Fact]
    public void A_missing_folder_is_created_and_an_unwritable_one_is_the_callers_code()
    {
        using var temp = new TempFolder();
        var nested = Path.Combine(temp.Path, "a", "b", "report.json");
        AtomicFile.WriteText(nested, "{}", Unwritable);
        Assert.Equal("{}", File.ReadAllText(nested));

        var blocked = Path.Combine(nested, "below-a-file.json");
        var error = Assert.Throws<QualityGateException>(() => AtomicFile.WriteText(blocked, "{}", Unwritable));
        Assert.Equal(DiagnosticCode.ReportUnwritable, error.Code);
        Assert.Equal(blocked, error.File);
    }

    private static bool CanMakeDevices()
    {
        // mknod needs root (CAP_MKNOD); CI runs as root, a developer's shell may not.
        using var temp = new TempFolder();
        var probe = Path.Combine(temp.Path, "probe");
        return TryRun("mknod", probe, "c", "1", "3") && FileNode.KindOfLink(probe) == FileType.CharacterDevice;
    }

    private static void Run(string program, params string[] arguments) =>
        Assert.True(TryRun(program, arguments), $"{program} {string.Join(' ', arguments)} failed");

    private static bool TryRun(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode == 0;
    }
}
