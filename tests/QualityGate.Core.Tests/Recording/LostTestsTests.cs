using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using QualityGate.Recording;
using Xunit;

namespace QualityGate.Tests.Recording;

/// <summary>
/// Which run messages say that a framework lost tests, on what real runs reported (Data/lost-tests.json, written by
/// tests/fixtures/capture-run-messages.sh): a run with fewer results than tests declared must carry a recognised
/// message, a run that lost nothing must carry none, whatever it reported at error level.
/// </summary>
public class LostTestsTests
{
    public static TheoryData<string> Fixtures() => [.. Captured().Select(c => c.Fixture)];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void A_captured_run_is_recognised_as_having_lost_tests_exactly_when_it_reported_fewer_results_than_its_tests(string fixture)
    {
        var run = Captured().Single(c => c.Fixture == fixture);

        var losses = run.Messages.Where(m => LostTests.IsLoss(m.Text)).Select(m => m.Text).ToList();

        if (run.Reported < run.Declared)
        {
            Assert.True(losses.Count > 0, $"{fixture} lost {run.Declared - run.Reported} tests, and no message says so:\n" + string.Join("\n", run.Messages.Select(m => m.Text)));
        }
        else
        {
            Assert.True(losses.Count == 0, $"{fixture} lost no test, yet these read as losses:\n" + string.Join("\n", losses));
        }
    }

    [Fact]
    public void The_corpus_holds_runs_that_lost_tests_and_runs_that_reported_errors_without_losing_any()
    {
        var runs = Captured();

        Assert.Contains(runs, r => r.Reported < r.Declared && r.Messages.All(m => m.Level == "warning")); // MSTest 3, NUnit
        Assert.Contains(runs, r => r.Reported == r.Declared && r.Messages.Any(m => m.Level == "error")); // NUnit's setup errors
        Assert.Contains(runs, r => r.Reported < r.Declared && r.ExitCode == 0); // 'dotnet test' itself passes
    }

    [Theory]
    [InlineData("Exception System.IO.FileNotFoundException, Exception thrown executing tests")]
    [InlineData("Exception thrown discovering tests in /repo/App.Tests.dll")]
    [InlineData("An exception occurred while test discoverer 'MSTestDiscoverer' was loading tests. Exception: Could not load type")]
    [InlineData("[xUnit.net 00:00:01.02] App.Tests: Exception discovering tests from App.Tests: System.BadImageFormatException")]
    [InlineData("[xUnit.net 00:00:00.05] Catastrophic failure: System.InvalidOperationException: the runner broke")]
    public void The_frameworks_own_wording_for_tests_they_could_not_discover_or_run_is_a_loss(string message) =>
        Assert.True(LostTests.IsLoss(message));

    [Fact]
    public void The_record_of_a_test_session_the_framework_failed_on_Microsoft_Testing_Platform_is_a_loss()
    {
        Assert.True(LostTests.IsLoss(LostTests.SessionFailure));
        Assert.Contains("Find the framework's error in the run's console output", LostTests.WhatToDo(LostTests.SessionFailure));
        Assert.False(LostTests.IsLoss("The test framework failed its test session (Microsoft.Testing.Platform exit code 100): not ours"));
    }

    [Theory]
    [InlineData("No test matches the given testcase filter `FullyQualifiedName~Nothing` in /repo/App.Tests.dll")]
    [InlineData("[xUnit.net 00:00:00.53]     App.Tests.T.M [FAIL]")]
    [InlineData("[xUnit.net 00:00:00.53]     App: Catastrophic failure is reported [FAIL]")]
    [InlineData("Setup failed for test fixture App.Tests.DbTests")]
    [InlineData("Testhost process exited with error: out of memory")]
    [InlineData("App: Catastrophic failure while writing")]
    [InlineData("[xUnit.net 00:00:00.32]     [FATAL ERROR] screen renders [SKIP]")]
    [InlineData("[xUnit.net 00:00:00.32]     Catastrophic failure of the UI [SKIP]")]
    [InlineData("[xUnit.net 00:00:00.32]     App: Exception discovering tests is handled [NOT RUN]")]
    public void Failures_that_are_results_a_filter_and_a_crash_are_not_losses(string message) =>
        Assert.False(LostTests.IsLoss(message));

    [Fact]
    public void Xunits_catastrophic_failure_is_recorded_as_an_error_of_the_run_not_dropped_as_a_progress_line()
    {
        using var temp = new TempFolder();
        var xunit = Captured().Single(c => c.Fixture == "LostTests.Xunit");

        var (doc, _) = RecordedRunFile.Record(temp, r => r.Start([Source("LostTests.Xunit")]), Completion(xunit));

        var errors = doc.RootElement.GetProperty("run").GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(xunit.Messages.Select(m => m.Text), errors);
    }

    [Fact]
    public void A_warning_that_tests_were_lost_is_kept_with_the_errors_and_other_warnings_are_not()
    {
        using var temp = new TempFolder();
        var mstest3 = Captured().Single(c => c.Fixture == "LostTests.MSTest3");
        var completion = Completion(mstest3);
        completion.Warnings = [.. completion.Warnings, "written to Console.Error"];

        var (doc, _) = RecordedRunFile.Record(temp, r => r.Start([Source("LostTests.MSTest3")]), completion);

        var errors = doc.RootElement.GetProperty("run").GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(3, errors.Count);
        Assert.All(errors, e => Assert.StartsWith("[MSTest][Discovery][", e, StringComparison.Ordinal));
    }

    [Fact]
    public void A_loss_that_names_another_test_source_is_not_recorded_against_this_one()
    {
        // One logger for two assemblies (vstest.console a.dll b.dll): B yielded no test, A ran; and A's test printed a
        // line about a third assembly to its error output, which NUnit forwards as a warning.
        using var temp = new TempFolder();
        var completion = new RunCompletion
        {
            Warnings =
            [
                "No test is available in /repo/B/bin/B.dll. Make sure that test discoverer & executors are registered and platform & framework version settings are appropriate and try again.",
                "No test is available in /elsewhere/C.dll. (output of a child dotnet test)",
            ],
            Errors = ["[xUnit.net 00:00:00.14] B: Catastrophic failure: System.IO.FileNotFoundException: Could not load file or assembly 'Shop'"],
        };

        using var recorder = new RunRecorder(new RecorderOptions(temp.Path, "net10.0") { Clock = () => RecordedRunFile.Clock }, new StringWriter());
        recorder.Start(["/repo/A/bin/A.dll", "/repo/B/bin/B.dll"]);
        var files = recorder.Complete(completion);

        var a = Errors(files.Single(f => Path.GetFileName(f).StartsWith("A.", StringComparison.Ordinal)));
        var b = Errors(files.Single(f => Path.GetFileName(f).StartsWith("B.", StringComparison.Ordinal)));
        Assert.Empty(a);
        Assert.Equal(2, b.Count);
        Assert.All(b, e => Assert.True(LostTests.IsLoss(e)));
    }

    [Theory]
    [InlineData("No test is available in /repo/A/bin/A.dll. Make sure that test discoverer", true)]
    [InlineData("No test is available in /repo/B/bin/A.dll. Make sure that test discoverer", false)]
    [InlineData("[MSTest][Discovery][/repo/A/bin/A.dll] Unable to load types from the test source", true)]
    [InlineData("An exception occurred while invoking executor 'executor://mstestadapter/v4': Discovery failed for source '/repo/B/bin/B.dll' with 1 errors", false)]
    [InlineData("[xUnit.net 00:00:00.14] A: Catastrophic failure: System.IO.FileNotFoundException", true)]
    [InlineData("[xUnit.net 00:00:00.22] Catastrophic failure: Test case orderer 'App.Orderer' threw", true)] // names no source
    [InlineData("Setup failed for test fixture B.Tests", true)] // not a loss: kept as before
    public void A_loss_concerns_the_source_it_names_or_every_source_where_it_names_none(string message, bool concernsA) =>
        Assert.Equal(concernsA, LostTests.Concerns(message, "/repo/A/bin/A.dll"));

    /// <summary>The path the capture script gives a fixture's assembly in the messages it stores.</summary>
    internal static string Source(string fixture) => $"/fixtures/{fixture}/bin/Debug/net10.0/{fixture}.dll";

    private static List<string> Errors(string resultsFile)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(resultsFile));
        return [.. doc.RootElement.GetProperty("run").GetProperty("errors").EnumerateArray().Select(e => e.GetString()!)];
    }

    internal static RunCompletion Completion(CapturedRun run) => new()
    {
        Errors = [.. run.Messages.Where(m => m.Level == "error").Select(m => m.Text)],
        Warnings = [.. run.Messages.Where(m => m.Level == "warning").Select(m => m.Text)],
    };

    internal static IReadOnlyList<CapturedRun> Captured()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Recording", "Data", "lost-tests.json")));
        return [.. document.RootElement.EnumerateArray().Select(e => new CapturedRun(
            e.GetProperty("fixture").GetString()!,
            e.GetProperty("testsDeclared").GetInt32(),
            e.GetProperty("results").GetProperty("total").GetInt32(),
            e.GetProperty("exitCode").GetInt32(),
            [.. e.GetProperty("messages").EnumerateArray().Select(m => (m.GetProperty("level").GetString()!, m.GetProperty("text").GetString()!))]))];
    }

    internal sealed record CapturedRun(string Fixture, int Declared, int Reported, int ExitCode, IReadOnlyList<(string Level, string Text)> Messages);
}
