using System;
using System.IO;
using System.Text.Json;
using QualityGate.Recording;
using Xunit;

namespace QualityGate.Tests.Recording;

/// <summary>Records one run with the real recorder into a temporary folder: its results file and its console summary.</summary>
internal static class RecordedRunFile
{
    public static readonly DateTimeOffset Clock = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    public static (JsonDocument Doc, string Console) Record(TempFolder temp, Action<RunRecorder> act, RunCompletion? completion = null, DateTimeOffset? clock = null)
    {
        var options = new RecorderOptions(temp.Path, "net10.0") { Clock = () => clock ?? Clock };
        var console = new StringWriter();
        using var recorder = new RunRecorder(options, console);
        act(recorder);
        var file = Assert.Single(recorder.Complete(completion ?? new RunCompletion()));
        // Nothing of the recorder's own is left behind: no spool, no temporary.
        Assert.Empty(Directory.GetFiles(temp.Path, "*.spool", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp", SearchOption.AllDirectories));
        return (JsonDocument.Parse(File.ReadAllText(file)), console.ToString());
    }
}
