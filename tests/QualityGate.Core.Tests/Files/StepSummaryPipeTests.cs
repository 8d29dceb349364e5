using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using QualityGate.Diagnostics;
using QualityGate.Files;
using QualityGate.Reports.Ci;
using Xunit;

namespace QualityGate.Tests.Files;

/// <summary>A pipe where the gate appends the step summary: refused with a code, never waited on.</summary>
public class StepSummaryPipeTests
{
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(60);

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
        Assert.Equal(FileType.Pipe, FileNode.KindOfLink(fifo));
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
