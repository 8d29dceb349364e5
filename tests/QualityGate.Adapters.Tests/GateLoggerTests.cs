using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Client;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;
using QualityGate.TestLogger;
using QualityGate.Tests;
using Xunit;

namespace QualityGate.AdapterTests;

/// <summary>The VSTest logger in process, with VSTest's events raised by the test (as GitHubActionsTestLogger tests its own).</summary>
public class GateLoggerTests
{
    private const string Source = "/src/App.Tests/bin/Debug/net10.0/App.Tests.dll";

    [Fact]
    public void A_run_is_recorded_to_the_file_the_build_named_with_the_run_id_it_was_given()
    {
        using var temp = new TempFolder();
        var results = Path.Combine(temp.Path, "out", "App.Tests.net10.0.qualitygate.json");
        var events = new FakeTestLoggerEvents();
        var console = new StringWriter();
        using var logger = new GateLogger(console);
        logger.Initialize(events, Parameters(temp, ("RunId", "0123abcd"), ("LogFilePath", results)));

        events.Start(new TestRunStartEventArgs(new TestRunCriteria([Source], 1)));
        events.Result(new TestResultEventArgs(Result("App.Tests.MathTests.Adds", TestOutcome.Passed)));
        events.Result(new TestResultEventArgs(Result("App.Tests.MathTests.Divides", TestOutcome.Failed, "System.DivideByZeroException : Attempted to divide by zero.")));
        events.Message(new TestRunMessageEventArgs(TestMessageLevel.Error, "[xUnit.net 00:00:00.10]     App.Tests.MathTests.Divides [FAIL]"));
        events.Discover();
        events.Complete(new TestRunCompleteEventArgs(null, false, false, null, null, TimeSpan.FromSeconds(1)));

        using var document = JsonDocument.Parse(File.ReadAllText(results));
        var run = document.RootElement.GetProperty("run");
        Assert.Equal("0123abcd", run.GetProperty("id").GetString());
        Assert.Equal(0, run.GetProperty("errors").GetArrayLength()); // xunit's progress line is not an error of the run
        Assert.Equal((2, 1), (run.GetProperty("summary").GetProperty("total").GetInt32(), run.GetProperty("summary").GetProperty("failed").GetInt32()));
        Assert.Contains("QualityGate: App.Tests (net10.0): 2 tests, 1 passed, 1 failed, 0 skipped", console.ToString());
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void Without_a_plan_the_summary_says_in_one_line_how_to_start_one(bool withPlan, bool hinted)
    {
        using var temp = new TempFolder();
        var config = Path.Combine(temp.Path, "qualitygate.json");
        if (withPlan)
        {
            File.WriteAllText(config, """{ "phases": [ { "name": "p1", "passRate": 0 } ] }""");
        }

        var events = new FakeTestLoggerEvents();
        var console = new StringWriter();
        using var logger = new GateLogger(console);
        logger.Initialize(events, withPlan ? Parameters(temp, ("Config", config)) : Parameters(temp));

        events.Start(new TestRunStartEventArgs(new TestRunCriteria([Source], 1)));
        events.Result(new TestResultEventArgs(Result("App.Tests.MathTests.Adds", TestOutcome.Passed)));
        events.Complete(new TestRunCompleteEventArgs(null, false, false, null, null, TimeSpan.FromSeconds(1)));

        var text = console.ToString();
        Assert.Contains("QualityGate: App.Tests (net10.0): 1 test, 1 passed", text);
        Assert.Equal(hinted ? 1 : 0, text.Split('\n').Count(l => l.Contains("'dotnet gate init'", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_bad_parameter_stops_the_logger_at_start_with_its_code_in_the_message()
    {
        using var temp = new TempFolder();
        using var logger = new GateLogger(TextWriter.Null);

        var error = Assert.Throws<ArgumentException>(() => logger.Initialize(new FakeTestLoggerEvents(), Parameters(temp, ("Verbosty", "quiet"))));

        Assert.Contains("QG2001", error.Message);
    }

    [Fact]
    public void An_aborted_run_is_recorded_as_aborted_with_the_platforms_reason()
    {
        using var temp = new TempFolder();
        var events = new FakeTestLoggerEvents();
        using var logger = new GateLogger(TextWriter.Null);
        logger.Initialize(events, Parameters(temp));

        events.Start(new TestRunStartEventArgs(new TestRunCriteria([Source], 1)));
        events.Result(new TestResultEventArgs(Result("App.Tests.MathTests.Adds", TestOutcome.Passed)));
        events.Message(new TestRunMessageEventArgs(TestMessageLevel.Error, "The active test run was aborted. Reason: Test host process crashed : Stack overflow."));
        events.Complete(new TestRunCompleteEventArgs(null, false, true, null, null, TimeSpan.FromSeconds(1)));

        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "App.Tests.net10.0.qualitygate.json")));
        var run = document.RootElement.GetProperty("run");
        Assert.True(run.GetProperty("aborted").GetBoolean());
        Assert.Contains("Test host process crashed", run.GetProperty("abortReason").GetString());
    }

    [Fact]
    public void A_message_that_tests_were_lost_is_recorded_after_any_number_of_failures_and_other_messages()
    {
        using var temp = new TempFolder();
        var events = new FakeTestLoggerEvents();
        using var logger = new GateLogger(TextWriter.Null);
        logger.Initialize(events, Parameters(temp));

        events.Start(new TestRunStartEventArgs(new TestRunCriteria([Source], 1)));
        for (var i = 0; i < 200; i++)
        {
            events.Result(new TestResultEventArgs(Result($"App.Tests.T.M{i}", TestOutcome.Failed, "Assert.Equal() Failure")));
            events.Message(new TestRunMessageEventArgs(TestMessageLevel.Error, $"[xUnit.net 00:00:00.10]     App.Tests.T.M{i} [FAIL]"));
            events.Message(new TestRunMessageEventArgs(TestMessageLevel.Warning, $"written to stderr {i}"));
        }

        events.Message(new TestRunMessageEventArgs(TestMessageLevel.Error, "[xUnit.net 00:00:00.22] Catastrophic failure: Test case orderer 'App.Orderer' threw"));
        events.Message(new TestRunMessageEventArgs(TestMessageLevel.Warning, "No test is available in /src/App.Tests/bin/Debug/net10.0/App.Tests.dll. Make sure that …"));
        events.Complete(new TestRunCompleteEventArgs(null, false, false, null, null, TimeSpan.FromSeconds(1)));

        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "App.Tests.net10.0.qualitygate.json")));
        var errors = document.RootElement.GetProperty("run").GetProperty("errors").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(["[xUnit.net 00:00:00.22] Catastrophic failure: Test case orderer 'App.Orderer' threw", "No test is available in /src/App.Tests/bin/Debug/net10.0/App.Tests.dll. Make sure that …"], errors);
    }

    private static Dictionary<string, string?> Parameters(TempFolder temp, params (string Key, string Value)[] extra)
    {
        var parameters = new Dictionary<string, string?> { ["TestRunDirectory"] = temp.Path, ["TargetFramework"] = ".NETCoreApp,Version=v10.0" };
        foreach (var (key, value) in extra)
        {
            parameters[key] = value;
        }

        return parameters;
    }

    private static TestResult Result(string name, TestOutcome outcome, string? error = null) =>
        new(new TestCase(name, new Uri("executor://xunit/VsTestRunner3/netcore/"), Source) { DisplayName = name })
        {
            Outcome = outcome,
            ErrorMessage = error,
            Duration = TimeSpan.FromMilliseconds(5),
        };
}
