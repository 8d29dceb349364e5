using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using QualityGate.Diagnostics;
using QualityGate.Files;
using QualityGate.Policy;
using QualityGate.Reports;
using QualityGate.Reports.Ci;
using QualityGate.Tests.Results;
using Xunit;

namespace QualityGate.Tests.Files;

/// <summary>Pipes and devices where the gate reads or appends: refused with a code, never waited on or read forever.</summary>
public class SpecialInputTests
{
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_coverage_report_linked_to_an_endless_device_is_refused_not_read()
    {
        using var temp = new TempFolder();
        var zero = Path.Combine(temp.Path, "zero");

        // What /dev/zero is: reading never ends. mknod needs root (CAP_MKNOD), as CI has.
        if (OperatingSystem.IsWindows() || !Make("mknod", zero, "c", "1", "5"))
        {
            return;
        }

        var coverage = Path.Combine(temp.Path, "coverage.cobertura.xml");
        File.CreateSymbolicLink(coverage, zero);
        var results = ResultsFileReaderTests.Record(temp, fail: false);

        var error = await Assert.ThrowsAsync<QualityGateException>(() => Task.Run(() => GateRunner.Run(new GateRunOptions(temp.Path)
        {
            ResultsFiles = [results],
            CoverageFiles = [coverage],
        })).WaitAsync(NoHang));

        Assert.Equal(DiagnosticCode.CoverageUnreadable, error.Code);
        Assert.Contains("a character device", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_step_summary_that_is_a_named_pipe_is_refused_not_waited_on()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TempFolder();
        var fifo = Path.Combine(temp.Path, "step_summary");
        Assert.True(Make("mkfifo", fifo));

        var error = await Assert.ThrowsAsync<QualityGateException>(() => Task.Run(() => StepSummary.Append(fifo, "# summary\n")).WaitAsync(NoHang));

        Assert.Equal(DiagnosticCode.OutputNotRegularFile, error.Code);
        Assert.Equal(FileKind.Pipe, FileNode.KindOfLink(fifo));
    }

    [Fact]
    public async Task A_history_file_that_is_a_named_pipe_is_refused_not_read()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TempFolder();
        var fifo = Path.Combine(temp.Path, "history.json");
        Assert.True(Make("mkfifo", fifo));
        var record = new History.HistoryRecord(DateTimeOffset.UnixEpoch);

        var error = await Assert.ThrowsAsync<QualityGateException>(() => Task.Run(() => History.HistoryFile.Append(fifo, record)).WaitAsync(NoHang));

        Assert.Equal(DiagnosticCode.HistoryUnreadable, error.Code);
    }

    private static bool Make(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode == 0;
    }
}
