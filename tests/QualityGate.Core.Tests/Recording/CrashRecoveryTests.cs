using System;
using System.IO;
using System.Linq;
using System.Text;
using QualityGate.Categorization;
using QualityGate.Recording;
using QualityGate.Results;
using Xunit;

namespace QualityGate.Tests.Recording;

/// <summary>What a process that outlived a crashed test host makes of the files the host left.</summary>
public class CrashRecoveryTests
{
    private static TestResultRecord Failed(string name) => new(name, name, TestOutcome.Failed)
    {
        Traits = [new Trait("Category", "Db")],
        Source = new SourceLocation("/src/A.cs", 3),
        Failure = new FailureRecord("error", "error/exception", "fix it")
        {
            ExceptionType = "System.X", Message = "m", StackTrace = "s", State = "error", StandardOutput = "out", StandardError = "err",
            RootCause = "error|System.X|at A.M", Attribution = "named",
            Location = new SourceLocation("/src/A.cs", 4),
        },
    };

    [Fact]
    public void A_spool_cut_off_mid_entry_gives_back_every_complete_entry()
    {
        using var folder = new TempFolder();
        var spool = Path.Combine(folder.Path, "r.spool");
        var writer = new ResultsFileWriter(Path.Combine(folder.Path, "r.json"), spool) { FlushFailures = true };
        writer.Add(new TestResultRecord("A.Passes", "A.Passes", TestOutcome.Passed) { SkipReason = null });
        writer.Add(Failed("A.Fails"));
        var bytes = File.ReadAllBytes(spool);
        var cut = Path.Combine(folder.Path, "cut.spool");
        File.WriteAllBytes(cut, [.. bytes, .. Encoding.UTF8.GetBytes(",\n    { \"name\": \"A.Half")]);
        writer.Dispose();

        var recovered = SpoolRecovery.Read(cut);

        Assert.Equal(["A.Passes", "A.Fails"], System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(recovered, r => r.Name)));
        var failure = recovered[1].Failure!;
        Assert.Equal(("error", "error", "out", "err", 4), (failure.Category, failure.State, failure.StandardOutput, failure.StandardError, failure.Location!.Line));
        Assert.Equal(("error|System.X|at A.M", "named"), (failure.RootCause, failure.Attribution));
        Assert.Equal(new Trait("Category", "Db"), Assert.Single(recovered[1].Traits));
        Assert.Equal(3, recovered[1].Source!.Line);
        Assert.Empty(SpoolRecovery.Read(Path.Combine(folder.Path, "missing.spool")));
    }

    [Fact]
    public void An_aborted_run_is_written_with_the_spooled_results_and_a_crash_entry_per_running_test()
    {
        using var folder = new TempFolder();
        var spool = Path.Combine(folder.Path, "r.spool");
        var results = Path.Combine(folder.Path, "r.json");
        using (var writer = new ResultsFileWriter(Path.Combine(folder.Path, "other.json"), spool) { FlushFailures = true })
        {
            writer.Add(Failed("A.Fails"));
            File.Copy(spool, spool + ".kept");
        }

        var run = new RunInfo("A", "net10.0") { RunId = "run-5", Aborted = true, AbortReason = "host died" };
        var summary = AbortedRun.Write(results, spool + ".kept", run, [("A.Dies", "Dies(1)")], "crash hint");

        Assert.Equal((2, 2), (summary.Total, summary.Failed));
        var read = ResultsFileReader.Read(results);
        Assert.True(read.Aborted);
        Assert.Equal("run-5", ResultsFileHeader.ReadRunId(results));
        Assert.Equal(("A.Dies", "crash", "host died"), (read.Tests[1].Name, read.Tests[1].Category, read.Tests[1].Message));
        // The crash entry VSTest's would be: one root cause per test, the runner's own hint.
        Assert.Equal((RootCause.ForCrash("A.Dies"), "crash/test-host", "crash hint"), (read.Tests[1].RootCause, read.Tests[1].Rule, read.Tests[1].Hint));
        Assert.Contains("\"attribution\"", File.ReadAllText(results));
        Assert.False(File.Exists(spool + ".kept"));
    }

    [Fact]
    public void Attachments_found_after_the_run_are_added_once_and_the_rest_of_the_file_is_kept()
    {
        using var folder = new TempFolder();
        var results = Path.Combine(folder.Path, "r.json");
        using (var writer = new ResultsFileWriter(results))
        {
            writer.Add(Failed("A.Fails"));
            writer.Complete(new RunInfo("A", "net10.0") { RunId = "run-6", Attachments = [new RunAttachment("/a/coverage.cobertura.xml", null, null)] });
        }

        ResultsFileHeader.AddAttachments(results, [new RunAttachment("/a/coverage.cobertura.xml", null, null), new RunAttachment("/b/coverage.opencover.xml", "d", "c")]);
        ResultsFileHeader.AddAttachments(results, []);

        var read = ResultsFileReader.Read(results);
        Assert.Equal(["/a/coverage.cobertura.xml", "/b/coverage.opencover.xml"], read.Attachments.Select(a => a.Path));
        Assert.Equal("run-6", ResultsFileHeader.ReadRunId(results));
        Assert.Single(read.Tests);
        Assert.Equal([results], Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void Errors_found_after_the_run_are_added_once_after_the_runs_own_and_the_rest_of_the_file_is_kept()
    {
        using var folder = new TempFolder();
        var results = Path.Combine(folder.Path, "r.json");
        using (var writer = new ResultsFileWriter(results))
        {
            writer.Add(Failed("A.Fails"));
            writer.Complete(new RunInfo("A", "net10.0") { RunId = "run-7", Errors = ["first"], Attachments = [new RunAttachment("/a/coverage.cobertura.xml", null, null)] });
        }

        ResultsFileHeader.AddErrors(results, ["second", "first"]);
        ResultsFileHeader.AddErrors(results, ["second"]);
        ResultsFileHeader.AddErrors(results, []);

        var read = ResultsFileReader.Read(results);
        Assert.Equal(["first", "second"], read.Errors);
        Assert.Equal(["/a/coverage.cobertura.xml"], read.Attachments.Select(a => a.Path));
        Assert.Equal("run-7", ResultsFileHeader.ReadRunId(results));
        Assert.Single(read.Tests);
        Assert.Equal([results], Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void A_results_file_without_an_errors_array_gets_one_and_a_file_without_a_run_is_refused()
    {
        using var folder = new TempFolder();
        var results = Path.Combine(folder.Path, "r.json");
        File.WriteAllText(results, """{ "run": { "id": "run-8" }, "tests": [] }""");
        var runless = Path.Combine(folder.Path, "runless.json");
        File.WriteAllText(runless, """{ "tests": [] }""");

        ResultsFileHeader.AddErrors(results, ["lost"]);

        Assert.Contains("\"errors\": [\n      \"lost\"", File.ReadAllText(results).Replace("\r\n", "\n"));
        var refused = Assert.Throws<QualityGate.Diagnostics.QualityGateException>(() => ResultsFileHeader.AddErrors(runless, ["lost"]));
        Assert.Equal(QualityGate.Diagnostics.DiagnosticCode.ResultsUnwritable, refused.Code);
        Assert.Equal("""{ "tests": [] }""", File.ReadAllText(runless));
    }

    [Fact]
    public void A_missing_or_foreign_file_has_no_run_id()
    {
        using var folder = new TempFolder();
        var foreign = Path.Combine(folder.Path, "f.json");
        File.WriteAllText(foreign, "not json");

        Assert.Null(ResultsFileHeader.ReadRunId(foreign));
        Assert.Null(ResultsFileHeader.ReadRunId(Path.Combine(folder.Path, "none.json")));
        Assert.Throws<QualityGate.Diagnostics.QualityGateException>(() => ResultsFileHeader.AddAttachments(foreign, [new RunAttachment("/x.xml", null, null)]));
        Assert.Throws<QualityGate.Diagnostics.QualityGateException>(() => ResultsFileHeader.AddErrors(foreign, ["lost"]));
    }
}
