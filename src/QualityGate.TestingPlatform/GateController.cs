using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Testing.Platform.CommandLine;
using Microsoft.Testing.Platform.Configurations;
using Microsoft.Testing.Platform.Extensions;
using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.Extensions.OutputDevice;
using Microsoft.Testing.Platform.Extensions.TestHostControllers;
using Microsoft.Testing.Platform.Messages;
using Microsoft.Testing.Platform.TestHost;
using QualityGate.Configuration;
using QualityGate.Diagnostics;

namespace QualityGate.TestingPlatform;

/// <summary>
/// The controller half of '--gate', in the process that starts the test host and outlives it: decides the run's
/// identity and hands it over, records a host that died as an aborted run, has the run judged, and turns the verdict
/// into the platform's exit code.
/// </summary>
internal sealed class GateController : ITestHostEnvironmentVariableProvider, ITestHostProcessLifetimeHandler, IDataProducer, IOutputDeviceDataProducer
{
    private readonly GateOptions _options;
    private readonly ICommandLineOptions _commandLine;
    private readonly IConfiguration _configuration;
    private readonly IMessageBus _messageBus;
    private readonly Func<string, string?> _environment;
    private readonly Action<string, string?> _setEnvironment;
    private readonly Func<GateController, GateConsole> _console;
    private readonly Func<IReadOnlyList<string>, CancellationToken, Task<(int ExitCode, string Output)>> _gate;
    private readonly (string Name, string Path, string Framework) _app;
    private RunIdentity? _identity;
    private readonly Func<DateTimeOffset> _clock;
    private DateTimeOffset _started;

    public GateController(
        GateOptions options,
        ICommandLineOptions commandLine,
        IConfiguration configuration,
        IMessageBus messageBus,
        (string Name, string Path, string Framework) app,
        Func<string, string?> environment,
        Action<string, string?> setEnvironment,
        Func<GateController, GateConsole> console,
        Func<IReadOnlyList<string>, CancellationToken, Task<(int ExitCode, string Output)>>? gate = null,
        Func<DateTimeOffset>? clock = null)
    {
        _clock = clock ?? SystemClock.Now;
        _gate = gate ?? RunPackagedGate;
        _options = options;
        _commandLine = commandLine;
        _configuration = configuration;
        _messageBus = messageBus;
        _app = app;
        _environment = environment;
        _setEnvironment = setEnvironment;
        _console = console;
    }

    public string Uid => "QualityGate.Controller";

    public string Version => Extension.Version;

    public string DisplayName => "QualityGate";

    public string Description => "Decides the run's identity, records a crashed test host and turns the gate's verdict into the exit code.";

    public Type[] DataTypesProduced { get; } = [typeof(TestCoverageThresholdMessage)];

    /// <summary>The identity this run was given (after the test host was started).</summary>
    internal RunIdentity? Identity => _identity;

    /// <summary>What the gate decided: true passed, false failed, null not judged (recording only).</summary>
    internal bool? Verdict { get; private set; }

    public Task<bool> IsEnabledAsync() => Task.FromResult(_options.Enabled);

    public Task BeforeTestHostProcessStartAsync(CancellationToken cancellationToken)
    {
        var directory = _options.ResultsDirectoryOption is { } option ? Path.GetFullPath(option) : _configuration.GetTestResultDirectory();
        _identity = RunIdentity.Decide(_options, directory, _app.Name, _app.Framework);
        _started = _clock();
        // A results file of an earlier run must not stand in for this one if this run dies before writing its own.
        RunFiles.Delete(_identity.ResultsFile);
        return Task.CompletedTask;
    }

    public Task UpdateAsync(IEnvironmentVariables environmentVariables)
    {
        var identity = _identity ?? throw new InvalidOperationException("the run identity is decided before the test host starts");
        environmentVariables.SetVariable(new EnvironmentVariable(RunIdentity.RunIdVariable, identity.RunId, false, true));
        environmentVariables.SetVariable(new EnvironmentVariable(RunIdentity.ResultsFileVariable, identity.ResultsFile, false, true));
        return Task.CompletedTask;
    }

    public Task<ValidationResult> ValidateTestHostEnvironmentVariablesAsync(IReadOnlyEnvironmentVariables environmentVariables) =>
        ValidationResult.ValidTask;

    public Task OnTestHostProcessStartedAsync(ITestHostProcessInformation testHostProcessInformation, CancellationToken cancellation) =>
        Task.CompletedTask;

    public async Task OnTestHostProcessExitedAsync(ITestHostProcessInformation testHostProcessInformation, CancellationToken cancellation)
    {
        var identity = _identity!;
        var console = _console(this);
        var failed = false;
        try
        {
            var crash = HostOutcome.Settle(identity, _app, _options, testHostProcessInformation.ExitCode, testHostProcessInformation.HasExitedGracefully, _started, _clock());
            if (crash is not null)
            {
                await console.WriteGuardedAsync(crash, cancellation).ConfigureAwait(false);
            }
            else
            {
                HostOutcome.RecordSessionFailure(identity, testHostProcessInformation.ExitCode);
            }

            if (HostOutcome.AttachCoverage(identity, _started) is { } warning)
            {
                await console.WriteGuardedAsync(warning, cancellation).ConfigureAwait(false);
            }

            var config = _options.ConfigPath ?? ConfigLoader.Find(AppContext.BaseDirectory);
            if (config is null || _options.IsNoCheck)
            {
                return;
            }

            var (exitCode, output) = await _gate(GateArguments(identity, config), cancellation).ConfigureAwait(false);
            await console.WriteAsync(output, cancellation).ConfigureAwait(false);
            failed = exitCode != 0;
            Verdict = !failed;
        }
        catch (QualityGateException e)
        {
            await console.WriteGuardedAsync(e.ToString(), cancellation).ConfigureAwait(false);
            failed = true;
            Verdict = false;
        }
        finally
        {
            RunFiles.Delete(identity.JournalFile);
        }

        await ApplyVerdictAsync(failed, identity).ConfigureAwait(false);
    }

    private static Task<(int ExitCode, string Output)> RunPackagedGate(IReadOnlyList<string> arguments, CancellationToken cancellation) =>
        GateProcess.RunAsync(
            GateProcess.ToolPath() ?? throw new QualityGateException(
                DiagnosticCode.GateUnavailable,
                $"the test app does not say where the gate program is (runtime setting {GateProcess.ToolSetting}): reference the QualityGate package from the test project (it sets it)."),
            arguments,
            cancellation);

    private List<string> GateArguments(RunIdentity identity, string config)
    {
        var directory = Path.GetDirectoryName(identity.ResultsFile)!;
        var stem = _app.Name + "." + _app.Framework;
        var arguments = new List<string>
        {
            "check",
            "--results", identity.ResultsFile,
            "--config", config,
            "--report", Path.Combine(directory, stem + ".qualitygate-report.json"),
            "--markdown", Path.Combine(directory, stem + ".qualitygate-report.md"),
            "--output-dir", Path.Combine(directory, "qualitygate", stem),
        };
        if (_options.PhaseName is { } phase)
        {
            arguments.Add("--phase");
            arguments.Add(phase);
        }

        if (_options.IsWarnOnly)
        {
            arguments.Add("--warn-only");
        }

        return arguments;
    }

    /// <summary>
    /// The platform computes the exit code after this handler: from the test host's own code, then a failed coverage
    /// threshold turns a 0 into 14, then the codes in TESTINGPLATFORM_EXITCODE_IGNORE become 0. A failed verdict is
    /// published as a failed threshold; a passed one lets "a test failed" (2) through, as the budgets allowed it.
    /// </summary>
    private async Task ApplyVerdictAsync(bool failed, RunIdentity identity)
    {
        if (Verdict is null && !failed)
        {
            return;
        }

        if (failed)
        {
            await _messageBus.PublishAsync(this, new TestCoverageThresholdMessage(
                new SessionUid(identity.RunId),
                CoverageScope.Overall,
                CoverageMetric.Custom,
                CoverageAggregation.None,
                0,
                100,
                true,
                Uid,
                customMetricName: "QualityGate verdict")).ConfigureAwait(false);
            return;
        }

        var codes = new List<int>(GateOptions.IgnoredExitCodes(_commandLine, _environment));
        if (!codes.Contains(ExitCodes.TestsFailed))
        {
            codes.Add(ExitCodes.TestsFailed);
        }

        _setEnvironment(ExitCodes.IgnoreVariable, string.Join(";", codes));
    }
}
