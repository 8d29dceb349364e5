using System.IO;
using System.Linq;
using QualityGate.Diagnostics;
using QualityGate.Policy;
using QualityGate.Recording;
using QualityGate.Reports;
using QualityGate.Results;
using QualityGate.Tests.Recording;
using Xunit;
using static QualityGate.Tests.Policy.GateFixture;

namespace QualityGate.Tests.Policy;

/// <summary>
/// A run whose framework lost tests passes on the tests that ran unless the gate reads the framework's messages: each
/// captured run goes through the real recorder and results file into the gate.
/// </summary>
public class LostTestsGateTests
{
    private const string Plan = """{ "phases": [ { "name": "p", "passRate": 10, "maxFailures": { "setup": 10, "error": 10 } } ] }""";

    public static TheoryData<string> Losing() =>
        [.. LostTestsTests.Captured().Where(r => r.Reported < r.Declared).Select(r => r.Fixture)];

    [Theory]
    [MemberData(nameof(Losing))]
    public void A_run_whose_framework_lost_tests_is_not_trusted_though_every_result_it_has_passed(string fixture)
    {
        using var temp = new TempFolder();
        var run = Record(temp, fixture, passed: 2, failed: 0);

        var report = GateEvaluator.Evaluate(new GateInput(MakeConfig(Plan), [run]));

        var violation = Assert.Single(report.Violations);
        Assert.Equal(DiagnosticCode.RunNotTrustworthy, violation.Code);
        Assert.True(violation.Untrusted); // fails with warn-only too, and never becomes a baseline
        Assert.False(report.Passed);
        Assert.Equal(run.Path, violation.File);
        Assert.StartsWith($"{fixture} (net10.0): the test framework lost tests: it reported \"", violation.Message, System.StringComparison.Ordinal);
        Assert.EndsWith($"Results: {run.Path}", violation.Message, System.StringComparison.Ordinal);
        Assert.DoesNotContain('\n', violation.Message);
        Assert.DoesNotContain("[xUnit.net 00:", violation.Message);
    }

    [Fact]
    public void Error_messages_of_fixtures_whose_tests_failed_as_results_do_not_fail_the_gate()
    {
        using var temp = new TempFolder();
        var run = Record(temp, "LostTests.NUnit", passed: 1, failed: 4); // as the fixture reported them

        var report = GateEvaluator.Evaluate(new GateInput(MakeConfig(Plan), [run]));

        Assert.NotEmpty(run.Errors); // NUnit's "Setup failed for test fixture …" errors are recorded …
        Assert.True(report.Passed, string.Join("\n", report.Violations.Select(v => v.Message))); // … and judged as the failures they are
    }

    [Fact]
    public void Several_messages_of_one_run_are_one_violation_that_names_the_first_and_counts_the_others()
    {
        var run = MakeRun("App.UnitTests", 5);
        run.Errors =
        [
            "[xUnit.net 00:00:00.22]     [FATAL ERROR] Xunit.Sdk.XunitException",
            "[xUnit.net 00:00:00.22] Catastrophic failure: Test case orderer 'App.Orderer' threw 'System.InvalidOperationException' during ordering",
            "[xUnit.net 00:00:00.23]     App.UnitTests.T.M [FAIL]",
        ];

        var report = GateEvaluator.Evaluate(new GateInput(MakeConfig(Plan), [run]));

        var violation = Assert.Single(report.Violations);
        Assert.Contains("it reported \"[FATAL ERROR] Xunit.Sdk.XunitException\" (and 1 more such message), ", violation.Message);
    }

    [Fact]
    public void No_test_available_says_both_of_its_causes_and_how_to_mark_a_project_without_tests()
    {
        var run = MakeRun("App.Helpers", 0);
        run.Errors = ["No test is available in /repo/App.Helpers/bin/Debug/net10.0/App.Helpers.dll. Make sure that test discoverer & executors are registered and platform & framework version settings are appropriate and try again."];

        var report = GateEvaluator.Evaluate(new GateInput(MakeConfig(Plan), [run]));

        var message = Assert.Single(report.Violations, v => v.Code == DiagnosticCode.RunNotTrustworthy).Message;
        Assert.Contains("a dependency missing at run time", message);
        Assert.Contains("set <IsTestProject>false</IsTestProject>", message);
    }

    [Fact]
    public void A_long_message_is_shortened_to_one_line()
    {
        var run = MakeRun("App.UnitTests", 5);
        run.Errors = ["An exception occurred while invoking executor 'executor://mstestadapter/v4': " + string.Concat(Enumerable.Repeat("Could not load\r\n   at X.Y()\u001b[31m ", 40))];

        var report = GateEvaluator.Evaluate(new GateInput(MakeConfig(Plan), [run]));

        var message = Assert.Single(report.Violations).Message;
        Assert.DoesNotContain('\n', message);
        Assert.DoesNotContain('\u001b', message);
        Assert.True(message.Length < 800, message);
    }

    [Fact]
    public void A_results_file_the_MTP_controller_marked_with_a_failed_test_session_is_refused_though_every_result_passed()
    {
        using var temp = new TempFolder();
        var results = Path.Combine(temp.Path, "App.Tests.net10.0.qualitygate.json");
        using (var writer = new ResultsFileWriter(results))
        {
            writer.Add(new TestResultRecord("App.Tests.T.M", "M", TestOutcome.Passed));
            writer.Complete(new RunInfo("App.Tests", "net10.0") { RunId = "run-10" });
        }

        ResultsFileHeader.AddErrors(results, [LostTests.SessionFailure]);
        var report = GateEvaluator.Evaluate(new GateInput(MakeConfig(Plan), [ResultsFileReader.Read(results)]));

        var violation = Assert.Single(report.Violations);
        Assert.Equal(DiagnosticCode.RunNotTrustworthy, violation.Code);
        Assert.True(violation.Untrusted);
        Assert.False(report.Passed);
        Assert.Contains("exit code 10, TestAdapterTestSessionFailure): its message is in the run's console output.\", ", violation.Message); // quoted whole
        Assert.Equal(results, violation.File);
    }

    /// <summary>Results that passed and failed (at a fixture that cannot be set up), and the run's captured messages.</summary>
    private static RecordedRun Record(TempFolder temp, string fixture, int passed, int failed)
    {
        var captured = LostTestsTests.Captured().Single(r => r.Fixture == fixture);
        var source = LostTestsTests.Source(fixture);
        RecordedRunFile.Record(temp, recorder =>
        {
            recorder.Start([source]);
            for (var i = 0; i < passed + failed; i++)
            {
                recorder.Record(new ReportedResult(source, $"{fixture}.T.M{i}", $"{fixture}.T.M{i}", i < passed ? TestOutcome.Passed : TestOutcome.Failed)
                {
                    ErrorMessage = i < passed ? null : "OneTimeSetUp: No suitable constructor was found",
                });
            }
        }, LostTestsTests.Completion(captured));
        return ResultsFileReader.Read(Directory.GetFiles(temp.Path, "*.qualitygate.json").Single());
    }
}
