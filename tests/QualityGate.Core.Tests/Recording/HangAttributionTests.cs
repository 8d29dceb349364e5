using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using QualityGate.Recording;
using QualityGate.Results;
using Xunit;

namespace QualityGate.Tests.Recording;

/// <summary>
/// A host killed by --blame-hang-timeout, with the messages the gate logger received from real runs of
/// tests/fixtures/Hang.Xunit (SDK 10.0.401, VSTest 18.7): the test that hung is named when the blame collector saw it
/// start; when no test was running, the run says why none is named instead of leaving a bare "host crashed".
/// </summary>
public class HangAttributionTests
{
    private const string Aborted = "The active test run was aborted. Reason: Test host process crashed";
    private const string Inactivity = "Data collector 'Blame' message: The specified inactivity time of 10 seconds has elapsed. Collecting hang dumps from testhost and its child processes.";
    private const string NoSequence = "Data collector 'Blame' message: All tests finished running, Sequence file will not be generated.";

    [Fact]
    public void A_host_killed_by_the_hang_timeout_before_any_test_started_names_no_test_and_says_why()
    {
        using var temp = new TempFolder();
        var (doc, console) = Record(temp, recorder => recorder.Start(["/bin/Hang.Xunit.dll"]), new RunCompletion { Aborted = true, AbortReason = Aborted, Errors = [Aborted], Warnings = [Inactivity, NoSequence] });

        Assert.Empty(doc.RootElement.GetProperty("tests").EnumerateArray());
        var run = doc.RootElement.GetProperty("run");
        Assert.True(run.GetProperty("aborted").GetBoolean());
        var why = Assert.Single(Errors(run), e => e.Contains("--blame-hang-timeout", StringComparison.Ordinal));
        Assert.Contains("before any test reported its start, so no test is named", why);
        Assert.Contains("raise --blame-hang-timeout", why);
        Assert.Contains("  --blame-hang-timeout killed the test host before any test reported its start", console);
    }

    [Fact]
    public void A_host_killed_by_the_hang_timeout_after_its_tests_finished_says_it_hung_outside_a_test()
    {
        using var temp = new TempFolder();
        var (doc, console) = Record(
            temp,
            recorder => recorder.Record(new ReportedResult("/bin/Hang.Xunit.dll", "Hang.Xunit.HangTests.A_Passes", "Hang.Xunit.HangTests.A_Passes", TestOutcome.Passed)),
            new RunCompletion { Aborted = true, AbortReason = Aborted, Warnings = [Inactivity, NoSequence] });

        var test = Assert.Single(doc.RootElement.GetProperty("tests").EnumerateArray());
        Assert.Equal("passed", test.GetProperty("outcome").GetString());
        Assert.Contains(Errors(doc.RootElement.GetProperty("run")), e => e.Contains("after 1 test result, with every test that had started finished", StringComparison.Ordinal));
        Assert.Contains("the host hung outside a test", console);
    }

    [Fact]
    public void A_hanging_test_named_by_the_sequence_file_gets_no_explanation_of_a_missing_name()
    {
        using var temp = new TempFolder();
        var (doc, console) = Record(
            temp,
            recorder => recorder.Start(["/bin/Hang.Xunit.dll"]),
            new RunCompletion { Aborted = true, AbortReason = Aborted, Warnings = [Inactivity], Attachments = [new RunAttachment(Data("Sequence_hang.xml"), null, null)] });

        var failure = Assert.Single(doc.RootElement.GetProperty("tests").EnumerateArray()).GetProperty("failure");
        Assert.Equal("crash/hang-timeout", failure.GetProperty("rule").GetString());
        Assert.DoesNotContain(Errors(doc.RootElement.GetProperty("run")), e => e.Contains("no test is named", StringComparison.Ordinal));
        Assert.DoesNotContain("no test is named", console);
    }

    [Fact]
    public void A_stack_overflow_still_printing_its_stack_when_the_hang_timeout_fires_is_recorded_as_a_stack_overflow()
    {
        // Seen on a loaded machine: the recursion's report took longer than the timeout, so blame fired as well.
        using var temp = new TempFolder();
        var (doc, _) = Record(
            temp,
            recorder => recorder.Start(["/bin/Crash.StackOverflow.dll"]),
            new RunCompletion
            {
                Aborted = true,
                AbortReason = File.ReadAllText(Data("stackoverflow.abort-reason.txt")),
                Warnings = [Inactivity],
                Attachments = [new RunAttachment(Data("Sequence_stackoverflow.xml"), null, null)],
            });

        var failure = Assert.Single(doc.RootElement.GetProperty("tests").EnumerateArray()).GetProperty("failure");
        Assert.Equal("crash/stack-overflow", failure.GetProperty("rule").GetString());
    }

    [Fact]
    public void A_host_that_crashed_without_the_hang_timeout_is_not_explained_as_a_hang()
    {
        using var temp = new TempFolder();
        var (doc, console) = Record(temp, recorder => recorder.Start(["/bin/Hang.Xunit.dll"]), new RunCompletion { Aborted = true, AbortReason = Aborted, Warnings = [NoSequence] });

        Assert.DoesNotContain(Errors(doc.RootElement.GetProperty("run")), e => e.Contains("--blame-hang-timeout", StringComparison.Ordinal));
        Assert.DoesNotContain("--blame-hang-timeout", console);
        Assert.Contains("RUN ABORTED", console);
    }

    [Fact]
    public void The_words_of_a_skipped_tests_name_or_of_an_exception_message_do_not_make_a_crash_a_hang_or_a_stack_overflow()
    {
        // xunit's line for a skipped test carries its name; a crash's reason carries what the host printed.
        using var temp = new TempFolder();
        var (doc, console) = Record(
            temp,
            recorder => recorder.Start(["/bin/Crash.StackOverflow.dll"]),
            new RunCompletion
            {
                Aborted = true,
                AbortReason = Aborted + " : Unhandled exception. System.InvalidOperationException: Stack overflow in the parser's grammar",
                Warnings = ["[xUnit.net 00:00:00.30]     The specified inactivity time of 5 minutes ends the session [SKIP]"],
                Attachments = [new RunAttachment(Data("Sequence_stackoverflow.xml"), null, null)],
            });

        var failure = Assert.Single(doc.RootElement.GetProperty("tests").EnumerateArray()).GetProperty("failure");
        Assert.Equal("crash/test-host", failure.GetProperty("rule").GetString());
        Assert.DoesNotContain("--blame-hang-timeout", console);
    }

    private static string[] Errors(JsonElement run) =>
        run.TryGetProperty("errors", out var errors) ? errors.EnumerateArray().Select(e => e.GetString()!).ToArray() : [];

    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "Recording", "Data", name);

    private static (JsonDocument Doc, string Console) Record(TempFolder temp, Action<RunRecorder> act, RunCompletion completion) =>
        RecordedRunFile.Record(temp, act, completion);
}
