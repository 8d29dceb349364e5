using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Testing.Platform.CommandLine;
using QualityGate.Diagnostics;
using QualityGate.Recording;

namespace QualityGate.TestingPlatform;

/// <summary>
/// The '--gate' options, the Microsoft.Testing.Platform spelling of the logger's parameters (LogFilePath, Verbosity,
/// Config, Shard) plus what the MSBuild gate takes as properties. Parsed and validated in one place for both
/// processes (controller and test host), so they cannot read the same command line differently.
/// </summary>
internal sealed class GateOptions
{
    public const string Gate = "gate";
    public const string ResultsFile = "gate-results-file";
    public const string VerbosityOption = "gate-verbosity";
    public const string Config = "gate-config";
    public const string Shard = "gate-shard";
    public const string Phase = "gate-phase";
    public const string WarnOnly = "gate-warn-only";
    public const string NoCheck = "gate-no-check";

    /// <summary>The platform's own options QualityGate reads.</summary>
    public const string ResultsDirectory = "results-directory";
    public const string IgnoreExitCode = "ignore-exit-code";

    public const string ShardVariable = LoggerParameters.ShardVariable;

    public static readonly string[] Dependent = [ResultsFile, VerbosityOption, Config, Shard, Phase, WarnOnly, NoCheck];

    /// <summary>Options of a run without '--gate' (or with options the platform has already refused).</summary>
    public static GateOptions Off { get; } = new();

    public bool Enabled { get; private set; }

    public string ResultsFileTemplate { get; private set; } = RecorderOptions.DefaultFileName;

    public Verbosity Verbosity { get; private set; } = Verbosity.Normal;

    public string? ConfigPath { get; private set; }

    public string? ShardName { get; private set; }

    public string? PhaseName { get; private set; }

    public bool IsWarnOnly { get; private set; }

    public bool IsNoCheck { get; private set; }

    public string? ResultsDirectoryOption { get; private set; }

    /// <summary>Reads and validates the options; every problem is a <see cref="QualityGateException"/> naming the option.</summary>
    public static GateOptions Parse(ICommandLineOptions commandLine, Func<string, string?> environment)
    {
        var options = new GateOptions { Enabled = commandLine.IsOptionSet(Gate) };
        if (!options.Enabled)
        {
            foreach (var name in Dependent)
            {
                if (commandLine.IsOptionSet(name))
                {
                    throw Invalid($"--{name} only means something with --gate: add --gate, or drop --{name}.");
                }
            }

            return options;
        }

        if (Single(commandLine, ResultsFile) is { } resultsFile)
        {
            if (resultsFile.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            {
                throw Invalid($"--{ResultsFile} '{resultsFile}' contains characters that are not allowed in a path.");
            }

            options.ResultsFileTemplate = resultsFile;
        }

        if (Single(commandLine, VerbosityOption) is { } verbosity)
        {
            try
            {
                options.Verbosity = RecorderOptions.ParseVerbosity(verbosity);
            }
            catch (QualityGateException)
            {
                throw Invalid($"--{VerbosityOption} '{verbosity}' is not valid. Use one of: quiet, minimal, normal, detailed.");
            }
        }

        if (Single(commandLine, Config) is { } config)
        {
            options.ConfigPath = Path.GetFullPath(config);
            if (!File.Exists(options.ConfigPath))
            {
                throw new QualityGateException(
                    DiagnosticCode.ConfigNotFound,
                    $"--{Config} names a configuration that does not exist. Fix the path, or drop --{Config} to use the nearest qualitygate.json.",
                    options.ConfigPath);
            }
        }

        var shard = Single(commandLine, Shard) ?? (environment(ShardVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment.Trim() : null);
        if (shard is not null && !LoggerParameters.IsName(shard))
        {
            throw Invalid($"the shard name '{shard}' (--{Shard} or {ShardVariable}) is not valid: use letters, digits, '-', '_' or '.' (e.g. 1, 2, unit-a).");
        }

        options.ShardName = shard;
        options.PhaseName = Single(commandLine, Phase);
        options.IsWarnOnly = commandLine.IsOptionSet(WarnOnly);
        options.IsNoCheck = commandLine.IsOptionSet(NoCheck);
        options.ResultsDirectoryOption = Single(commandLine, ResultsDirectory);
        CheckIgnoredExitCodes(commandLine, environment);
        return options;
    }

    /// <summary>The exit codes the user asked the platform to ignore (--ignore-exit-code, else the environment variable).</summary>
    public static IReadOnlyList<int> IgnoredExitCodes(ICommandLineOptions commandLine, Func<string, string?> environment)
    {
        var text = environment(ExitCodes.IgnoreVariable);
        if (string.IsNullOrEmpty(text))
        {
            text = Single(commandLine, IgnoreExitCode);
        }

        var codes = new List<int>();
        foreach (var part in (text ?? string.Empty).Split(';'))
        {
            if (int.TryParse(part.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var code))
            {
                codes.Add(code);
            }
        }

        return codes;
    }

    private static void CheckIgnoredExitCodes(ICommandLineOptions commandLine, Func<string, string?> environment)
    {
        foreach (var code in IgnoredExitCodes(commandLine, environment))
        {
            if (code is ExitCodes.TestsFailed or ExitCodes.GateFailed)
            {
                throw new QualityGateException(
                    DiagnosticCode.IgnoredExitCodeConflict,
                    $"--{IgnoreExitCode} (or {ExitCodes.IgnoreVariable}) ignores exit code {code}, which would let failing tests or a failed gate " +
                    "pass. With --gate the failure budgets in qualitygate.json decide which failures are allowed: remove the code, or use --gate-warn-only.");
            }
        }
    }

    private static string? Single(ICommandLineOptions commandLine, string name) =>
        commandLine.TryGetOptionArgumentList(name, out var values) && values is { Length: > 0 } ? values[0] : null;

    private static QualityGateException Invalid(string message) => new(DiagnosticCode.GateOptionInvalid, message);
}
