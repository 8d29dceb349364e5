using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using QualityGate.Recording;
using QualityGate.Results;
using Xunit;

namespace QualityGate.Tests.Recording;

public class RunRecorderTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_results_file_carries_the_documented_schema()
    {
        using var temp = new TempFolder();
        var (doc, _) = Record(temp, recorder =>
        {
            recorder.Record(new ReportedResult("/bin/App.Tests.dll", "App.Tests.MathTests.Adds", "App.Tests.MathTests.Adds(a: 1)", TestOutcome.Passed) { Duration = TimeSpan.FromMilliseconds(3) });
            recorder.Record(new ReportedResult("/bin/App.Tests.dll", "App.Tests.MathTests.Adds", "App.Tests.MathTests.Adds(a: 2)", TestOutcome.Failed)
            {
                ErrorMessage = "System.NullReferenceException : Object reference not set to an instance of an object.",
                ErrorStackTrace = "   at App.Tests.MathTests.Adds(Int32 a) in /src/MathTests.cs:line 9",
                Traits = [new Trait("Category", "Unit"), new Trait("Category", "Fast")],
                CodeFilePath = "/src/MathTests.cs",
                LineNumber = 7,
            });
            recorder.Record(new ReportedResult("/bin/App.Tests.dll", "App.Tests.MathTests.Later", "Later", TestOutcome.Skipped) { ErrorMessage = "not yet" });
        });

        var root = doc.RootElement;
        Assert.Equal("qualitygate.results/1", root.GetProperty("schema").GetString());
        var run = root.GetProperty("run");
        Assert.Equal(("App.Tests", "net10.0", false), (run.GetProperty("assembly").GetString(), run.GetProperty("targetFramework").GetString(), run.GetProperty("aborted").GetBoolean()));
        Assert.Equal("2026-11-21T12:00:00.000Z", run.GetProperty("startTime").GetString());
        var summary = run.GetProperty("summary");
        Assert.Equal((3, 1, 1, 1), (summary.GetProperty("total").GetInt32(), summary.GetProperty("passed").GetInt32(), summary.GetProperty("failed").GetInt32(), summary.GetProperty("skipped").GetInt32()));
        Assert.Equal(1, summary.GetProperty("categories").GetProperty("error").GetInt32());

        var tests = root.GetProperty("tests").EnumerateArray().ToList();
        Assert.Equal(3, tests.Count);
        Assert.Equal("App.Tests.MathTests.Adds(a: 2)", tests[1].GetProperty("displayName").GetString());
        Assert.Equal(["Unit", "Fast"], tests[1].GetProperty("traits").GetProperty("Category").EnumerateArray().Select(v => v.GetString()));
        var failure = tests[1].GetProperty("failure");
        Assert.Equal("error", failure.GetProperty("category").GetString());
        Assert.Equal("error/exception", failure.GetProperty("rule").GetString());
        Assert.Equal("System.NullReferenceException", failure.GetProperty("exceptionType").GetString());
        Assert.Equal(("/src/MathTests.cs", 9), (failure.GetProperty("file").GetString(), failure.GetProperty("line").GetInt32()));
        Assert.Equal(7, tests[1].GetProperty("source").GetProperty("line").GetInt32());
        Assert.Equal("not yet", tests[2].GetProperty("skipReason").GetString());
    }

    [Fact]
    public void Hostile_test_names_and_messages_survive_intact_and_the_console_stays_clean()
    {
        using var temp = new TempFolder();
        const string name = "App.Tests.T.M(s: \"a|b\\n<script>alert(1)</script>\u001b[31m`x`\")";
        var (doc, console) = Record(temp, recorder => recorder.Record(
            new ReportedResult("/bin/App.Tests.dll", name, name, TestOutcome.Failed) { ErrorMessage = "System.Exception : line1\nline2 \u001b]0;title\u0007" }));

        var test = doc.RootElement.GetProperty("tests")[0];
        Assert.Equal(name, test.GetProperty("name").GetString());
        Assert.Equal("System.Exception : line1\nline2 \u001b]0;title\u0007", test.GetProperty("failure").GetProperty("message").GetString());
        Assert.DoesNotContain('\u001b', console);
        Assert.DoesNotContain('\u0007', console);
    }

    [Fact]
    public void An_aborted_run_records_the_reason_and_the_test_that_was_running()
    {
        using var temp = new TempFolder();
        var (doc, console) = Record(
            temp,
            recorder => recorder.Start(["/bin/App.Tests.dll"]),
            new RunCompletion
            {
                Aborted = true,
                AbortReason = "The active test run was aborted. Reason: Test host process crashed",
                Errors = ["The active Test Run was aborted because the host process exited unexpectedly.\nThe test running when the crash occurred:\n  App.Tests.CrashTests.\n  Overflows\n\nTest Run Aborted."],
            });

        var run = doc.RootElement.GetProperty("run");
        Assert.True(run.GetProperty("aborted").GetBoolean());
        Assert.Contains("Test host process crashed", run.GetProperty("abortReason").GetString());
        var crashed = Assert.Single(doc.RootElement.GetProperty("tests").EnumerateArray());
        Assert.Equal("App.Tests.CrashTests.Overflows", crashed.GetProperty("name").GetString());
        Assert.Equal("crash", crashed.GetProperty("failure").GetProperty("category").GetString());
        Assert.Contains("RUN ABORTED", console);
    }

    [Fact]
    public void A_crash_report_with_the_dying_stack_names_the_test_the_framework_invoked()
    {
        using var temp = new TempFolder();
        var (doc, _) = Record(
            temp,
            recorder => recorder.Start(["/bin/Crash.Tests.dll"]),
            new RunCompletion
            {
                Aborted = true,
                AbortReason = "The active test run was aborted. Reason: Test host process crashed : Process terminated.\nboom\n" +
                              "   at System.Environment.FailFast(System.String)\n   at Crash.Tests.CrashTests.Dies()\n" +
                              "   at System.Reflection.MethodBaseInvoker.InterpretedInvoke_Method(System.Object, IntPtr*)\n",
            });

        var crashed = Assert.Single(doc.RootElement.GetProperty("tests").EnumerateArray());
        Assert.Equal("Crash.Tests.CrashTests.Dies", crashed.GetProperty("name").GetString());
    }

    [Fact]
    public void Each_assembly_gets_its_own_file_and_a_path_without_the_assembly_token_is_not_shared()
    {
        using var temp = new TempFolder();
        var options = new RecorderOptions(temp.Path, "net10.0") { LogFilePath = "results.json", Clock = () => Start };
        var console = new StringWriter();
        using var recorder = new RunRecorder(options, console);
        recorder.Record(new ReportedResult("/bin/A.Tests.dll", "A.T.M", "A.T.M", TestOutcome.Passed));
        recorder.Record(new ReportedResult("/bin/B.Tests.dll", "B.T.M", "B.T.M", TestOutcome.Passed));

        var written = recorder.Complete(new RunCompletion());

        Assert.Equal(2, written.Distinct().Count());
        Assert.Contains("QG2005", console.ToString());
    }

    [Fact]
    public void A_run_that_never_completes_leaves_no_results_file_behind()
    {
        using var temp = new TempFolder();
        var options = new RecorderOptions(temp.Path, "net10.0");
        using (var recorder = new RunRecorder(options, TextWriter.Null))
        {
            recorder.Record(new ReportedResult("/bin/A.Tests.dll", "A.T.M", "A.T.M", TestOutcome.Passed));
        }

        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void A_broken_configuration_is_recorded_in_the_results_and_said_on_the_console()
    {
        using var temp = new TempFolder();
        var bin = Directory.CreateDirectory(Path.Combine(temp.Path, "bin")).FullName;
        File.WriteAllText(Path.Combine(temp.Path, "qualitygate.json"), """{ "categoreis": {} }""");

        var (doc, console) = Record(temp, recorder => recorder.Record(
            new ReportedResult(Path.Combine(bin, "A.Tests.dll"), "A.T.M", "A.T.M", TestOutcome.Passed)));

        Assert.Contains("QG1002", doc.RootElement.GetProperty("run").GetProperty("errors")[0].GetString());
        Assert.Contains("QG1002", console);
    }

    [Fact]
    public void An_unwritable_results_folder_is_a_coded_error_before_the_run_starts()
    {
        using var temp = new TempFolder();
        var file = Path.Combine(temp.Path, "not-a-folder");
        File.WriteAllText(file, string.Empty);

        var error = Assert.Throws<QualityGate.Diagnostics.QualityGateException>(() => new RecorderOptions(file, "net10.0").EnsureWritable());

        Assert.Equal("QG2003", error.Code);
    }

    private static (JsonDocument Doc, string Console) Record(TempFolder temp, Action<RunRecorder> act, RunCompletion? completion = null) =>
        RecordedRunFile.Record(temp, act, completion, Start);
}
