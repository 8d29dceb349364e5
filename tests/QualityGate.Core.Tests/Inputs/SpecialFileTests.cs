using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using QualityGate.Configuration;
using QualityGate.Coverage;
using QualityGate.Diagnostics;
using QualityGate.Results;
using Xunit;

namespace QualityGate.Tests.Inputs;

/// <summary>
/// An input that is a committed symlink to a device or a named pipe is refused as empty at once: reading /dev/zero
/// never ends, and opening a FIFO blocks until someone writes to it.
/// </summary>
public sealed class SpecialFileTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, string> Inputs => new()
    {
        { "zero", "coverage" }, { "zero", "results" }, { "zero", "config" },
        { "fifo", "coverage" }, { "fifo", "results" }, { "fifo", "config" },
        { "zero", "baseline" }, { "fifo", "baseline" }, { "zero", "history" }, { "fifo", "history" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task A_symlink_to_a_device_or_a_fifo_is_an_empty_input_at_once_not_a_hang(string special, string reader)
    {
        var target = special == "zero" ? "/dev/zero" : Fifo();
        var path = Path.Combine(_temp.Path, reader == "config" ? ConfigLoader.FileName : "x." + reader + ".xml");
        File.CreateSymbolicLink(path, target);

        var read = Task.Run(() => Assert.Throws<QualityGateException>(() => Read(reader, path)));
        var finished = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(20)));

        Assert.True(finished == read, $"reading {reader} from {target} did not finish");
        var error = await read;
        Assert.Equal(
            reader switch
            {
                "coverage" => DiagnosticCode.CoverageEmpty,
                "results" => DiagnosticCode.ResultsUnreadable,
                "baseline" => DiagnosticCode.BaselineUnreadable,
                "history" => DiagnosticCode.HistoryUnreadable,
                _ => DiagnosticCode.ConfigUnreadable,
            },
            error.Code);
        Assert.Contains(reader is "baseline" or "history" ? "not valid JSON" : "empty", error.Message);
    }

    private static object Read(string reader, string path) => reader switch
    {
        "coverage" => CoverageReader.Read(path, new PathMapper("/r")),
        "results" => ResultsFileReader.Read(path),
        "baseline" => QualityGate.Baseline.BaselineFile.Read(path),
        "history" => QualityGate.History.HistoryFile.Read(path),
        _ => ConfigLoader.Load(path),
    };

    private string Fifo()
    {
        var fifo = Path.Combine(_temp.Path, "pipe");
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", fifo) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return fifo;
    }
}
