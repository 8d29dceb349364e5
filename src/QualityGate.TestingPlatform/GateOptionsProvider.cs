using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Testing.Platform.CommandLine;
using Microsoft.Testing.Platform.Extensions;
using Microsoft.Testing.Platform.Extensions.CommandLine;
using QualityGate.Configuration;
using QualityGate.Diagnostics;

namespace QualityGate.TestingPlatform;

/// <summary>Declares '--gate' and its options to the platform, and refuses bad values before any test runs (exit 5).</summary>
internal sealed class GateOptionsProvider : ICommandLineOptionsProvider
{
    // VSTest's switch, declared hidden only to say what to type instead ('dotnet test --logger gate' on an MTP project).
    internal const string Logger = "logger";

    private readonly Func<string, string?> _environment;
    private readonly bool _declareLogger;

    public GateOptionsProvider(Func<string, string?> environment, bool declareLogger)
    {
        _environment = environment;
        _declareLogger = declareLogger;
    }

    public string Uid => "QualityGate.Options";

    public string Version => Extension.Version;

    public string DisplayName => "QualityGate";

    public string Description => "Records the run to a QualityGate results file, categorizes failures and gates the run against qualitygate.json.";

    public Task<bool> IsEnabledAsync() => Task.FromResult(true);

    public IReadOnlyCollection<CommandLineOption> GetCommandLineOptions()
    {
        var options = new List<CommandLineOption>
        {
            new(GateOptions.Gate, "Record this run to a QualityGate results file and, with a qualitygate.json, gate it (the MTP counterpart of '--logger gate').", ArgumentArity.Zero, false),
            new(GateOptions.ResultsFile, "The results file; relative to the test results directory. Tokens: {assembly}, {framework}. Default: {assembly}.{framework}.qualitygate.json.", ArgumentArity.ExactlyOne, false),
            new(GateOptions.VerbosityOption, "QualityGate's console summary: quiet, minimal, normal (default), detailed.", ArgumentArity.ExactlyOne, false),
            new(GateOptions.Config, "The qualitygate.json to use instead of the nearest one above the test app.", ArgumentArity.ExactlyOne, false),
            new(GateOptions.Shard, "The CI shard this run is (default: QUALITYGATE_SHARD).", ArgumentArity.ExactlyOne, false),
            new(GateOptions.Phase, "Judge against this phase of qualitygate.json instead of its \"phase\".", ArgumentArity.ExactlyOne, false),
            new(GateOptions.WarnOnly, "Print the gate's violations without failing the run.", ArgumentArity.Zero, false),
            new(GateOptions.NoCheck, "Record only; judge later with 'dotnet gate check' (CI shards).", ArgumentArity.Zero, false),
        };
        if (_declareLogger)
        {
            options.Add(new(Logger, "VSTest's logger switch: not available on Microsoft.Testing.Platform.", ArgumentArity.ZeroOrMore, true));
        }

        return options;
    }

    public Task<ValidationResult> ValidateOptionArgumentsAsync(CommandLineOption commandOption, string[] arguments)
    {
        if (commandOption.Name == Logger)
        {
            var gate = Array.Exists(arguments, a => a.StartsWith("gate", StringComparison.OrdinalIgnoreCase));
            return ValidationResult.InvalidTask(
                $"error {DiagnosticCode.WrongRunnerSwitch}: '--logger{(arguments.Length > 0 ? " " + string.Join(" ", arguments) : string.Empty)}' is a VSTest switch, and this " +
                "test project runs on Microsoft.Testing.Platform, which has no loggers. " +
                (gate ? "Type 'dotnet test --gate' instead (options: --gate-verbosity, --gate-results-file, --gate-config)." : "QualityGate records this run with 'dotnet test --gate'."));
        }

        return ValidationResult.ValidTask;
    }

    public Task<ValidationResult> ValidateCommandLineOptionsAsync(ICommandLineOptions commandLineOptions)
    {
        try
        {
            var options = GateOptions.Parse(commandLineOptions, _environment);
            if (options.Enabled && !options.IsNoCheck)
            {
                // A broken configuration fails now, naming the key, rather than after the whole run.
                ConfigLoader.Discover(options.ConfigPath, AppContext.BaseDirectory);
            }

            return ValidationResult.ValidTask;
        }
        catch (QualityGateException e)
        {
            return ValidationResult.InvalidTask(e.ToString());
        }
    }
}
