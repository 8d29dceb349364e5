using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using QualityGate.Recording;
using QualityGate.Results;
using QualityGate.Tests.Categorization;
using Xunit;

namespace QualityGate.Tests.Recording;

/// <summary>Root causes in the results file and on the console, on failures captured from real runs.</summary>
public class RootCauseRecordingTests
{
    [Fact]
    public void Forty_five_real_failures_from_two_broken_methods_are_two_root_causes_in_the_results_file_and_on_the_console()
    {
        using var temp = new TempFolder();
        var (doc, console) = Record(temp, recorder =>
        {
            foreach (var (_, entry) in CorpusData.Entries().Where(e => e.Framework == "rootcauses"))
            {
                recorder.Record(new ReportedResult("/bin/RootCauses.Xunit.dll", entry.GetProperty("name").GetString()!, entry.GetProperty("displayName").GetString()!, TestOutcome.Failed)
                {
                    ClassName = entry.GetProperty("className").GetString(),
                    ErrorMessage = entry.GetProperty("message").GetString(),
                    ErrorStackTrace = entry.GetProperty("stackTrace").GetString(),
                });
            }
        });

        var failures = doc.RootElement.GetProperty("tests").EnumerateArray().Select(t => t.GetProperty("failure")).ToList();
        Assert.Equal(45, failures.Count);
        Assert.Equal(2, failures.Select(f => f.GetProperty("rootCause").GetString()).Distinct().Count());
        Assert.Equal(2, doc.RootElement.GetProperty("run").GetProperty("summary").GetProperty("rootCauses").GetProperty("error").GetInt32());
        Assert.Contains("  error: 45 failures, 2 root causes", console);
        Assert.Contains("    40 failures: System.NullReferenceException at Shop.PriceCatalog.Lookup", console);
        Assert.Contains("    5 failures: System.FormatException at Shop.Ledger.ParseCents", console);
        Assert.Contains("… and 37 more", console);
    }

    [Fact]
    public void A_stack_overflow_whose_report_is_cut_is_named_from_the_blame_sequence_file()
    {
        using var temp = new TempFolder();
        var (doc, console) = Record(
            temp,
            recorder => recorder.Start(["/bin/Crash.StackOverflow.dll"]),
            new RunCompletion
            {
                Aborted = true,
                AbortReason = File.ReadAllText(Data("stackoverflow.abort-reason.txt")),
                Attachments = [new RunAttachment(Data("Sequence_stackoverflow.xml"), null, "datacollector://Microsoft/TestPlatform/Extensions/Blame/v1")],
            });

        var crashed = Assert.Single(doc.RootElement.GetProperty("tests").EnumerateArray());
        Assert.Equal("Crash.StackOverflow.StackOverflowTests.B_OverflowsTheStack", crashed.GetProperty("name").GetString());
        var failure = crashed.GetProperty("failure");
        Assert.Equal(("crash", "crash/stack-overflow"), (failure.GetProperty("category").GetString(), failure.GetProperty("rule").GetString()));
        Assert.Contains("sequence file", failure.GetProperty("attribution").GetString());
        Assert.Equal("crash|-|at Crash.StackOverflow.StackOverflowTests.B_OverflowsTheStack", failure.GetProperty("rootCause").GetString());
        Assert.Contains("crash: 1 failure, 1 root cause", console);
    }

    [Fact]
    public void A_test_killed_by_the_blame_hang_timeout_is_named_and_recorded_as_a_hang()
    {
        using var temp = new TempFolder();
        var (doc, _) = Record(
            temp,
            recorder => recorder.Start(["/bin/Hang.Xunit.dll"]),
            new RunCompletion
            {
                Aborted = true,
                AbortReason = "The active test run was aborted. Reason: Test host process crashed",
                Warnings = ["Data collector 'Blame' message: The specified inactivity time of 5 seconds has elapsed. Collecting hang dumps from testhost and its child processes."],
                Attachments = [new RunAttachment(Data("Sequence_hang.xml"), null, null)],
            });

        var failure = Assert.Single(doc.RootElement.GetProperty("tests").EnumerateArray()).GetProperty("failure");
        Assert.Equal("crash/hang-timeout", failure.GetProperty("rule").GetString());
        Assert.Contains("blame-hang-timeout", failure.GetProperty("hint").GetString());
    }

    [Fact]
    public void A_sequence_file_of_another_assembly_names_no_test_of_this_one()
    {
        using var temp = new TempFolder();
        var (doc, _) = Record(
            temp,
            recorder => recorder.Start(["/bin/Other.Tests.dll"]),
            new RunCompletion { Aborted = true, AbortReason = "crashed", Attachments = [new RunAttachment(Data("Sequence_hang.xml"), null, null)] });

        Assert.Empty(doc.RootElement.GetProperty("tests").EnumerateArray());
    }

    [Fact]
    public void An_unreadable_sequence_file_is_a_coded_warning_and_the_run_stays_aborted()
    {
        using var temp = new TempFolder();
        var broken = Path.Combine(temp.Path, "Sequence_broken.xml");
        File.WriteAllText(broken, "<TestSequence><Test Name=\"x\"");
        var (doc, console) = Record(
            temp,
            recorder => recorder.Start(["/bin/App.Tests.dll"]),
            new RunCompletion { Aborted = true, AbortReason = "crashed", Attachments = [new RunAttachment(broken, null, null)] });

        Assert.True(doc.RootElement.GetProperty("run").GetProperty("aborted").GetBoolean());
        Assert.Contains("QG2040", console);
        Assert.Contains(broken, console);
    }

    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "Recording", "Data", name);

    private static (JsonDocument Doc, string Console) Record(TempFolder temp, Action<RunRecorder> act, RunCompletion? completion = null) =>
        RecordedRunFile.Record(temp, act, completion);
}
