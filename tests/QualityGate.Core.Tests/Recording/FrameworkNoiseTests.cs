using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using QualityGate.Recording;
using QualityGate.Results;
using Xunit;

namespace QualityGate.Tests.Recording;

/// <summary>Framework pseudo-results are not tests: xunit's cleanup failures attach to their test or to the run.</summary>
public class FrameworkNoiseTests
{
    private const string Source = "/bin/App.Tests.dll";

    [Fact]
    public void A_cleanup_failure_after_a_timed_out_test_is_part_of_that_test_not_a_second_failure()
    {
        var doc = Record(recorder =>
        {
            recorder.Record(Failed("t1", "App.Tests.SlowTests.Waits", "Test execution timed out after 100 milliseconds"));
            recorder.Record(Failed("t2", "App.Tests.MathTests.Adds", "Assert.Equal() Failure"));
            recorder.Record(Failed("t1", "App.Tests.SlowTests.Waits", "[Test Cleanup Failure (App.Tests.SlowTests.Waits)]: System.ObjectDisposedException : Cannot access a disposed object."));
        }, out var errors);

        var tests = doc.RootElement.GetProperty("tests").EnumerateArray().ToList();
        Assert.Equal(2, tests.Count);
        var slow = tests.Single(t => t.GetProperty("name").GetString() == "App.Tests.SlowTests.Waits").GetProperty("failure");
        Assert.Equal("async", slow.GetProperty("category").GetString());
        Assert.Contains("then its cleanup failed too: System.ObjectDisposedException", slow.GetProperty("message").GetString());
        Assert.Equal(2, doc.RootElement.GetProperty("run").GetProperty("summary").GetProperty("failed").GetInt32());
        Assert.Empty(errors);
    }

    [Fact]
    public void A_passing_test_whose_cleanup_failed_is_recorded_as_failing_with_the_cleanups_exception()
    {
        var doc = Record(recorder =>
        {
            recorder.Record(new ReportedResult(Source, "App.Tests.DbTests.Saves", "App.Tests.DbTests.Saves", TestOutcome.Passed) { Id = "t1" });
            recorder.Record(Failed("t1", "App.Tests.DbTests.Saves", "[Test Cleanup Failure (App.Tests.DbTests.Saves)]: System.IO.DirectoryNotFoundException : Could not find a part of the path '/tmp/db'."));
        }, out _);

        var test = Assert.Single(doc.RootElement.GetProperty("tests").EnumerateArray().ToList());
        Assert.Equal("failed", test.GetProperty("outcome").GetString());
        Assert.Equal("environment", test.GetProperty("failure").GetProperty("category").GetString());
        Assert.StartsWith("System.IO.DirectoryNotFoundException", test.GetProperty("failure").GetProperty("message").GetString());
    }

    [Fact]
    public void A_class_or_collection_cleanup_failure_is_one_error_of_the_run_not_a_failure_per_test()
    {
        var doc = Record(recorder =>
        {
            for (var i = 0; i < 3; i++)
            {
                recorder.Record(new ReportedResult(Source, $"App.Tests.Db.T{i}", $"App.Tests.Db.T{i}", TestOutcome.Passed) { Id = $"t{i}" });
            }

            for (var i = 0; i < 3; i++)
            {
                recorder.Record(Failed($"t{i}", $"App.Tests.Db.T{i}", "[Test Collection Cleanup Failure (Database collection)]: System.InvalidOperationException : still connected"));
            }
        }, out var errors);

        Assert.Equal(3, doc.RootElement.GetProperty("run").GetProperty("summary").GetProperty("passed").GetInt32());
        Assert.Equal(0, doc.RootElement.GetProperty("run").GetProperty("summary").GetProperty("failed").GetInt32());
        Assert.Equal("Test Collection Cleanup Failure (Database collection): System.InvalidOperationException : still connected", Assert.Single(errors));
    }

    [Fact]
    public void The_frameworks_progress_lines_are_not_errors_of_the_run()
    {
        Record(recorder => recorder.Record(Failed("t1", "App.Tests.T.M", "boom")), out var errors, new RunCompletion
        {
            Errors = ["[xUnit.net 00:00:00.53]     App.Tests.T.M [FAIL]", "Testhost process exited with error: out of memory"],
        });

        Assert.Equal(["Testhost process exited with error: out of memory"], errors);
    }

    private static ReportedResult Failed(string id, string name, string message) =>
        new(Source, name, name, TestOutcome.Failed) { Id = id, ErrorMessage = message };

    private static JsonDocument Record(Action<RunRecorder> act, out string[] errors, RunCompletion? completion = null)
    {
        using var temp = new TempFolder();
        using var recorder = new RunRecorder(new RecorderOptions(temp.Path, "net10.0"), TextWriter.Null);
        act(recorder);
        var file = Assert.Single(recorder.Complete(completion ?? new RunCompletion()));
        var doc = JsonDocument.Parse(File.ReadAllText(file));
        errors = doc.RootElement.GetProperty("run").GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToArray();
        return doc;
    }
}
