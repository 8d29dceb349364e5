using System;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Testing.Platform.Extensions.Messages;
using QualityGate.Results;
using Xunit;

namespace QualityGate.TestingPlatform.Tests;

/// <summary>The test host half, fed by a fake message bus as the platform feeds it.</summary>
public class GateRecorderTests
{
    private static readonly (string Name, string Path, string Framework) App = ("Shop.Tests", "/bin/Shop.Tests.dll", "net10.0");

    private static GateRecorder Recorder(RunIdentity identity, StringWriter console) =>
        new(GateOptions.Parse(FakeCommandLine.Of("--gate"), _ => null), identity, App, producer => new GateConsole(null, producer, console));

    [Fact]
    public async Task The_results_file_is_the_one_the_controller_named_with_the_run_id_it_decided()
    {
        using var folder = new TempFolder();
        var identity = new RunIdentity("run-42", folder.File("named-by-controller.json"));
        var console = new StringWriter();
        var recorder = Recorder(identity, console);
        var producer = new FakeProducer();

        await recorder.OnTestSessionStartingAsync(new FakeSession());
        await recorder.ConsumeAsync(producer, Nodes.Update(Nodes.Node("Shop.Tests.A", "Passes", PassedTestNodeStateProperty.CachedInstance)), CancellationToken.None);
        await recorder.ConsumeAsync(producer, Nodes.Update(Nodes.Node("Shop.Tests.A", "Runs", InProgressTestNodeStateProperty.CachedInstance)), CancellationToken.None);
        await recorder.ConsumeAsync(producer, Nodes.Update(Nodes.Node("Shop.Tests.A", "Runs", new FailedTestNodeStateProperty(new InvalidOperationException("no"), "no"))), CancellationToken.None);
        await recorder.ConsumeAsync(producer, new SessionFileArtifact(new("session"), new FileInfo(folder.File("coverage.cobertura.xml")), "coverage"), CancellationToken.None);
        await recorder.OnTestSessionFinishingAsync(new FakeSession());

        using var results = JsonDocument.Parse(File.ReadAllText(identity.ResultsFile));
        var run = results.RootElement.GetProperty("run");
        Assert.Equal("run-42", run.GetProperty("id").GetString());
        Assert.Equal(2, run.GetProperty("summary").GetProperty("total").GetInt32());
        Assert.Equal(1, run.GetProperty("summary").GetProperty("categories").GetProperty("error").GetInt32());
        Assert.EndsWith("coverage.cobertura.xml", run.GetProperty("attachments")[0].GetProperty("path").GetString());
        Assert.Equal("run-42", ResultsFileHeader.ReadRunId(identity.ResultsFile));
        Assert.False(File.Exists(identity.SpoolFile));
        Assert.Contains("QualityGate: Shop.Tests (net10.0): 2 tests, 1 passed, 1 failed", console.ToString());
    }

    [Fact]
    public async Task An_xunit_cleanup_failure_node_is_attached_to_its_test_not_counted_as_another()
    {
        using var folder = new TempFolder();
        var identity = new RunIdentity("run-3", folder.File("r.json"));
        var recorder = Recorder(identity, new StringWriter());
        var producer = new FakeProducer();
        var cleanup = new Microsoft.Testing.Platform.Extensions.Messages.TestNode
        {
            Uid = new("Shop.Tests.A.Times_out"),
            DisplayName = "[Test Cleanup Failure (Shop.Tests.A.Times_out)]",
        };
        cleanup.Properties.Add(new ErrorTestNodeStateProperty(Nodes.Thrown(() => new TaskCanceledException())));

        await recorder.OnTestSessionStartingAsync(new FakeSession());
        await recorder.ConsumeAsync(producer, Nodes.Update(Nodes.Node("Shop.Tests.A", "Times_out", new TimeoutTestNodeStateProperty("timed out"))), CancellationToken.None);
        await recorder.ConsumeAsync(producer, Nodes.Update(cleanup), CancellationToken.None);
        await recorder.OnTestSessionFinishingAsync(new FakeSession());

        var run = ResultsFileReader.Read(identity.ResultsFile);
        var test = Assert.Single(run.Tests);
        Assert.Equal("async", test.Category);
        Assert.Contains("cleanup failed too", test.Message);
    }

    [Fact]
    public async Task A_cancelled_session_is_recorded_as_aborted()
    {
        using var folder = new TempFolder();
        var identity = new RunIdentity("run-7", folder.File("r.json"));
        var recorder = Recorder(identity, new StringWriter());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await recorder.OnTestSessionStartingAsync(new FakeSession());
        await recorder.OnTestSessionFinishingAsync(new FakeSession(cancelled.Token));

        Assert.True(ResultsFileReader.Read(identity.ResultsFile).Aborted);
    }

    [Fact]
    public async Task Without_gate_the_recorder_stays_off()
    {
        var recorder = new GateRecorder(GateOptions.Off, new RunIdentity("x", "/tmp/x.json"), App, producer => new GateConsole(null, producer, TextWriter.Null));

        Assert.False(await recorder.IsEnabledAsync());
    }
}
