using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Testing.Platform.Extensions.Messages;
using QualityGate.Results;
using Xunit;

namespace QualityGate.TestingPlatform.Tests;

/// <summary>What survives a test host that dies: the spool, the running-tests journal, and the controller's record of it.</summary>
public class CrashTests
{
    private static readonly (string Name, string Path, string Framework) App = ("Shop.Tests", "/bin/Shop.Tests.dll", "net10.0");

    [Fact]
    public void The_journal_names_the_tests_running_when_the_process_stopped_writing()
    {
        using var folder = new TempFolder();
        var path = folder.File("run.running");
        var journal = new RunningTestsJournal(path);
        journal.Start("1", "Shop.Tests.A.Finishes", "Finishes");
        journal.Start("2", "Shop.Tests.A.Dies", "Dies(depth: 3)");
        journal.End("1");

        // Read while the journal is still open, as after a crash: nothing was closed, flushed or disposed.
        var running = RunningTestsJournal.Read(path);
        journal.Dispose();

        Assert.Equal(("Shop.Tests.A.Dies", "Dies(depth: 3)"), Assert.Single(running));
    }

    [Fact]
    public async Task The_journal_follows_the_nodes_the_framework_reports()
    {
        using var folder = new TempFolder();
        var path = folder.File("run.running");
        using var journal = RunningTestsJournal.Create(path);
        await journal.ConsumeAsync(new FakeProducer(), Nodes.Update(Nodes.Node("Shop.Tests.A", "Dies", InProgressTestNodeStateProperty.CachedInstance)), CancellationToken.None);

        Assert.IsType<BlockingRunningTestsJournal>(journal);
        Assert.Equal("Shop.Tests.A.Dies", Assert.Single(RunningTestsJournal.Read(path)).Name);
        await journal.ConsumeAsync(new FakeProducer(), Nodes.Update(Nodes.Node("Shop.Tests.A", "Dies", PassedTestNodeStateProperty.CachedInstance)), CancellationToken.None);
        Assert.Empty(RunningTestsJournal.Read(path));
    }

    [Fact]
    public async Task A_host_that_died_leaves_an_aborted_results_file_with_what_it_spooled_and_a_crash_entry_for_the_running_test()
    {
        using var folder = new TempFolder();
        var identity = new RunIdentity("run-9", folder.File("Shop.Tests.net10.0.qualitygate.json"));
        File.WriteAllText(identity.ResultsFile, "{ \"stale\": true }"); // a previous run's file must not survive as this one's
        var recorder = new GateRecorder(GateOptions.Parse(FakeCommandLine.Of("--gate"), _ => null), identity, App, p => new GateConsole(null, p, TextWriter.Null));
        await recorder.OnTestSessionStartingAsync(new FakeSession());
        await recorder.ConsumeAsync(new FakeProducer(), Nodes.Update(Nodes.Node("Shop.Tests.A", "Fails", new FailedTestNodeStateProperty(new InvalidOperationException("x"), "x"))), CancellationToken.None);
        // The recorder holds the latest 256 results back (to attach cleanup failures); these push the failure out to the spool.
        for (var i = 0; i < 300; i++)
        {
            await recorder.ConsumeAsync(new FakeProducer(), Nodes.Update(Nodes.Node("Shop.Tests.B", "Passes" + i, PassedTestNodeStateProperty.CachedInstance)), CancellationToken.None);
        }

        using (var journal = new RunningTestsJournal(identity.JournalFile))
        {
            journal.Start("d", "Shop.Tests.A.Dies", "Dies");
        }

        // The host dies here: the recorder never completes. The controller settles the run.
        var message = HostOutcome.Settle(identity, App, GateOptions.Off, 134, graceful: false, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);

        Assert.Contains("error QG2030", message);
        var run = ResultsFileReader.Read(identity.ResultsFile);
        Assert.True(run.Aborted);
        Assert.Equal("run-9", run.RunId);
        Assert.Contains("exit code 134", run.AbortReason);
        Assert.Equal(("Shop.Tests.A.Fails", "error"), (run.Tests[0].Name, run.Tests[0].Category));
        Assert.Equal(("Shop.Tests.A.Dies", "crash"), (run.Tests[^1].Name, run.Tests[^1].Category));
        Assert.InRange(run.Tests.Count, 2, 302);
        Assert.False(File.Exists(identity.SpoolFile));
        recorder.Dispose();
    }

    [Fact]
    public async Task A_completed_results_file_of_this_run_is_left_as_it_is()
    {
        using var folder = new TempFolder();
        var identity = new RunIdentity("run-1", folder.File("r.json"));
        var recorder = new GateRecorder(GateOptions.Parse(FakeCommandLine.Of("--gate"), _ => null), identity, App, p => new GateConsole(null, p, TextWriter.Null));
        await recorder.OnTestSessionStartingAsync(new FakeSession());
        await recorder.OnTestSessionFinishingAsync(new FakeSession());
        var before = File.ReadAllText(identity.ResultsFile);

        Assert.Null(HostOutcome.Settle(identity, App, GateOptions.Off, 0, graceful: true, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow));
        Assert.Equal(before, File.ReadAllText(identity.ResultsFile));
    }

    [Fact]
    public void A_results_file_of_another_run_is_replaced_by_an_aborted_one()
    {
        using var folder = new TempFolder();
        var identity = new RunIdentity("this-run", folder.File("r.json"));
        File.WriteAllText(identity.ResultsFile, "{\"schema\":\"qualitygate.results/1\",\"run\":{\"id\":\"other-run\"},\"tests\":[]}");

        var message = HostOutcome.Settle(identity, App, GateOptions.Off, 0, graceful: true, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);

        Assert.Contains("error QG2031", message);
        Assert.Equal("this-run", ResultsFileHeader.ReadRunId(identity.ResultsFile));
        Assert.True(ResultsFileReader.Read(identity.ResultsFile).Aborted);
    }
}
