using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Testing.Platform.Configurations;
using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.Extensions.TestHostControllers;
using Xunit;

namespace QualityGate.TestingPlatform.Tests;

/// <summary>The controller with a fake message bus and a fake gate process: the verdict becomes the platform's exit code.</summary>
public class GateControllerTests
{
    private static readonly (string Name, string Path, string Framework) App = ("Shop.Tests", "/bin/Shop.Tests.dll", "net10.0");

    private sealed class Harness : IDisposable
    {
        private readonly TempFolder _folder = new();

        public Harness(int gateExitCode, Dictionary<string, string>? environment = null, params string[] tokens)
        {
            Environment = environment ?? [];
            File.WriteAllText(_folder.File("qualitygate.json"), "{}");
            var commandLine = FakeCommandLine.Of(["--gate", "--gate-config", _folder.File("qualitygate.json"), "--results-directory", _folder.Path, .. tokens]);
            Controller = new GateController(
                GateOptions.Parse(commandLine, Environment.GetValueOrDefault),
                commandLine,
                new NoConfiguration(),
                Bus,
                App,
                Environment.GetValueOrDefault,
                (name, value) => Environment[name] = value!,
                producer => new GateConsole(null, producer, Console),
                (arguments, _) =>
                {
                    GateArguments = arguments;
                    return Task.FromResult((gateExitCode, "QualityGate phase: " + (gateExitCode == 0 ? "PASS" : "FAIL")));
                });
        }

        public Dictionary<string, string> Environment { get; }

        public FakeMessageBus Bus { get; } = new();

        public StringWriter Console { get; } = new();

        public GateController Controller { get; }

        public IReadOnlyList<string> GateArguments { get; private set; } = [];

        /// <summary>Starts a run, lets the "host" complete its results file, and ends it.</summary>
        public async Task RunAsync(bool hostCompletes = true, int? hostExitCode = null)
        {
            await Controller.BeforeTestHostProcessStartAsync(CancellationToken.None);
            var identity = Controller.Identity!;
            if (hostCompletes)
            {
                var recorder = new GateRecorder(GateOptions.Parse(FakeCommandLine.Of("--gate"), _ => null), identity, App, p => new GateConsole(null, p, TextWriter.Null));
                await recorder.OnTestSessionStartingAsync(new FakeSession());
                await recorder.OnTestSessionFinishingAsync(new FakeSession());
            }

            await Controller.OnTestHostProcessExitedAsync(new HostInformation(hostExitCode ?? (hostCompletes ? 0 : 134), hostCompletes), CancellationToken.None);
        }

        public void Dispose() => _folder.Dispose();
    }

    private sealed class HostInformation(int exitCode, bool graceful) : ITestHostProcessInformation
    {
        public int PID => 1;

        public int ExitCode => exitCode;

        public bool HasExitedGracefully => graceful;
    }

    private sealed class NoConfiguration : IConfiguration
    {
        public string? this[string key] => null;
    }

    [Fact]
    public async Task A_passed_verdict_lets_failing_tests_through_by_adding_2_to_the_platforms_ignore_list()
    {
        using var harness = new Harness(0, new() { ["TESTINGPLATFORM_EXITCODE_IGNORE"] = "8" });

        await harness.RunAsync();

        Assert.True(harness.Controller.Verdict);
        Assert.Equal("8;2", harness.Environment["TESTINGPLATFORM_EXITCODE_IGNORE"]);
        Assert.Empty(harness.Bus.Published);
        Assert.Contains("QualityGate phase: PASS", harness.Console.ToString());
    }

    [Fact]
    public async Task A_failed_verdict_is_published_as_a_failed_threshold_and_ignores_nothing()
    {
        using var harness = new Harness(1);

        await harness.RunAsync();

        Assert.False(harness.Controller.Verdict);
        var threshold = Assert.IsType<TestCoverageThresholdMessage>(Assert.Single(harness.Bus.Published));
        Assert.False(threshold.Passed);
        Assert.False(harness.Environment.ContainsKey("TESTINGPLATFORM_EXITCODE_IGNORE"));
    }

    [Fact]
    public async Task The_gate_judges_exactly_the_results_file_the_controller_decided_and_writes_its_reports_beside_it()
    {
        using var harness = new Harness(0, null, "--gate-phase", "2B", "--gate-warn-only");

        await harness.RunAsync();

        var arguments = harness.GateArguments.ToList();
        Assert.Equal(harness.Controller.Identity!.ResultsFile, arguments[arguments.IndexOf("--results") + 1]);
        Assert.Equal("2B", arguments[arguments.IndexOf("--phase") + 1]);
        Assert.Contains("--warn-only", arguments);
        Assert.EndsWith("Shop.Tests.net10.0.qualitygate-report.json", arguments[arguments.IndexOf("--report") + 1]);
    }

    [Fact]
    public async Task The_identity_handed_to_the_test_host_is_the_one_the_controller_decided()
    {
        using var harness = new Harness(0);
        await harness.Controller.BeforeTestHostProcessStartAsync(CancellationToken.None);
        var variables = new FakeVariables();

        await harness.Controller.UpdateAsync(variables);

        Assert.Equal(harness.Controller.Identity!.RunId, variables.Values["QUALITYGATE_MTP_RUN_ID"]);
        Assert.Equal(harness.Controller.Identity.ResultsFile, variables.Values["QUALITYGATE_MTP_RESULTS_FILE"]);
    }

    [Fact]
    public async Task A_crashed_host_is_recorded_before_the_gate_judges_it()
    {
        using var harness = new Harness(1);

        await harness.RunAsync(hostCompletes: false);

        Assert.Contains("error QG2030", harness.Console.ToString());
        Assert.True(Results.ResultsFileReader.Read(harness.Controller.Identity!.ResultsFile).Aborted);
        Assert.IsType<TestCoverageThresholdMessage>(Assert.Single(harness.Bus.Published));
    }

    [Fact]
    public async Task A_test_session_the_framework_failed_is_recorded_in_the_results_file_as_lost_tests_before_the_gate_judges_it()
    {
        using var harness = new Harness(1);

        await harness.RunAsync(hostExitCode: 10);

        var results = Results.ResultsFileReader.Read(harness.GateArguments[harness.GateArguments.ToList().IndexOf("--results") + 1]);
        var error = Assert.Single(results.Errors);
        Assert.True(Recording.LostTests.IsLoss(error)); // a later 'dotnet gate check' of this file refuses it (QG4009)
        Assert.Contains("exit code 10", error);
        Assert.False(results.Aborted);
        Assert.Equal(harness.Controller.Identity!.RunId, results.RunId);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(8)]
    public async Task A_host_that_exited_for_any_other_reason_leaves_the_runs_errors_as_the_framework_reported_them(int exitCode)
    {
        using var harness = new Harness(0);

        await harness.RunAsync(hostExitCode: exitCode);

        Assert.Empty(Results.ResultsFileReader.Read(harness.Controller.Identity!.ResultsFile).Errors);
    }

    [Fact]
    public async Task A_crash_message_naming_a_hostile_test_prints_no_CI_command_and_no_escape_sequence()
    {
        using var harness = new Harness(1);
        await harness.Controller.BeforeTestHostProcessStartAsync(CancellationToken.None);
        using (var journal = new RunningTestsJournal(harness.Controller.Identity!.JournalFile))
        {
            journal.Start("d", "Shop.Tests.A.Dies\n::error::pwned", "Dies ##vso[task.complete result=Succeeded;]\u001b[31m");
        }

        await harness.Controller.OnTestHostProcessExitedAsync(new HostInformation(134, false), CancellationToken.None);

        var lines = harness.Console.ToString().Split('\n');
        Assert.Contains(lines, l => l.Contains("error QG2030", StringComparison.Ordinal) && l.Contains("pwned", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith("::", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("##vso[", StringComparison.Ordinal) || l.Contains('\u001b'));
    }

    private sealed class FakeVariables : IEnvironmentVariables
    {
        public Dictionary<string, string> Values { get; } = [];

        public void SetVariable(EnvironmentVariable environmentVariable) => Values[environmentVariable.Variable] = environmentVariable.Value!;

        public void RemoveVariable(string variable) => Values.Remove(variable);

        public bool TryGetVariable(string variable, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out OwnedEnvironmentVariable? environmentVariable)
        {
            environmentVariable = null;
            return false;
        }
    }
}
