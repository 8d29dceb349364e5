using System;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using QualityGate.Configuration;
using QualityGate.Diagnostics;
using QualityGate.Output;
using QualityGate.Recording;

namespace QualityGate.Tasks;

/// <summary>
/// Decides, once and before the tests start, this run's identity and where its results go, and hands both to the
/// gate logger through the test task's own VSTestLogger parameter. The gate then judges exactly that file and refuses
/// any other. A gate logger that could not start (a bad parameter, a broken configuration, an unwritable folder) fails
/// the build here, with its code, before an earlier run's results could be mistaken for this one's.
/// </summary>
public sealed class QualityGateBeginRun : Task
{
    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    [Required]
    public string AssemblyName { get; set; } = string.Empty;

    /// <summary>E.g. ".NETCoreApp,Version=v10.0".</summary>
    [Required]
    public string TargetFrameworkMoniker { get; set; } = string.Empty;

    /// <summary>The test task's loggers, one item per --logger argument.</summary>
    public string[] VSTestLogger { get; set; } = [];

    /// <summary>--results-directory (absolute when dotnet test sets it).</summary>
    public string? VSTestResultsDirectory { get; set; }

    /// <summary>The runsettings file (--settings, or RunSettingsFilePath).</summary>
    public string? RunSettingsFile { get; set; }

    /// <summary>Run settings given on the command line after "--" (RunConfiguration.ResultsDirectory=...).</summary>
    public string[] VSTestCLIRunSettings { get; set; } = [];

    /// <summary>QualityGateConfig: the configuration to use instead of the nearest qualitygate.json.</summary>
    public string? ConfigPath { get; set; }

    /// <summary>QualityGateResultsFile: an explicit results file instead of the logger's LogFilePath.</summary>
    public string? ResultsFile { get; set; }

    /// <summary>The loggers to run the tests with: the gate logger carrying this run's identity and paths.</summary>
    /// <summary>
    /// dotnet test --list-tests: nothing runs, so there is nothing to record or judge; the gate logger is taken out of
    /// the list (its folder is not handed to VSTest then, which would fail to find it).
    /// </summary>
    public bool ListTests { get; set; }

    [Output]
    public string[] Loggers { get; set; } = [];

    /// <summary>The absolute path the gate logger writes this run's results to.</summary>
    [Output]
    public string DecidedResultsFile { get; set; } = string.Empty;

    /// <summary>The configuration the logger and the gate both use; empty when there is none.</summary>
    [Output]
    public string DecidedConfig { get; set; } = string.Empty;

    [Output]
    public string RunId { get; set; } = string.Empty;

    public override bool Execute()
    {
        try
        {
            var invocation = GateLoggerInvocation.Find(VSTestLogger);
            if (invocation is null)
            {
                Loggers = VSTestLogger;
                return true;
            }

            if (ListTests)
            {
                Loggers = invocation.Without(VSTestLogger);
                return true;
            }

            var resultsDirectory = TestResultsDirectory.Decide(ProjectDirectory, VSTestResultsDirectory, VSTestCLIRunSettings, RunSettingsFile);
            var parameters = invocation.Parameters.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            parameters["TestRunDirectory"] = resultsDirectory;
            parameters["TargetFramework"] = TargetFrameworkMoniker;
            if (parameters.Keys.Any(k => LoggerParameters.Known(k) == LoggerParameters.RunId))
            {
                throw new QualityGateException(
                    DiagnosticCode.LoggerInvalidParameter,
                    "the gate logger's RunId is decided by the build for each test run; remove it from --logger.");
            }

            var options = LoggerParameters.Parse(parameters);
            if (!string.IsNullOrWhiteSpace(ResultsFile))
            {
                options.LogFilePath = Path.GetFullPath(Path.Combine(ProjectDirectory, ResultsFile!));
            }

            var results = options.ResolvePath(AssemblyName);
            options.EnsureWritable();
            var config = DecideConfig(options.ConfigPath);
            RunId = Guid.NewGuid().ToString("N");
            DecidedResultsFile = results;
            DecidedConfig = config ?? string.Empty;
            Loggers = invocation.Rewrite(VSTestLogger, RunId, results, config);
            Log.LogMessage(MessageImportance.Low, OutputGuard.Line($"QualityGate run {RunId}: results {results}, configuration {config ?? "(none)"}"));
            return true;
        }
        catch (QualityGateException e)
        {
            Log.LogError("QualityGate", e.Code, null, OutputGuard.Line(e.File ?? ProjectDirectory), 0, 0, 0, 0, OutputGuard.Line(e.Message));
            return false;
        }
        catch (Exception e)
        {
            return TaskFailure.Log(Log, e, nameof(QualityGateBeginRun), ProjectDirectory);
        }
    }

    /// <summary>
    /// One configuration for the whole run: the logger's Config=, else QualityGateConfig, else the nearest
    /// qualitygate.json above the project. It must load now: a broken one would otherwise surface after the tests ran.
    /// </summary>
    private string? DecideConfig(string? fromLogger)
    {
        var fromProperty = string.IsNullOrWhiteSpace(ConfigPath) ? null : Path.GetFullPath(Path.Combine(ProjectDirectory, ConfigPath!));
        if (fromLogger is not null && fromProperty is not null && !string.Equals(fromLogger, fromProperty, StringComparison.Ordinal))
        {
            throw new QualityGateException(
                DiagnosticCode.LoggerInvalidParameter,
                $"two configurations are named for one run: the gate logger's Config={fromLogger} and QualityGateConfig={fromProperty}. Name one.");
        }

        var config = ConfigLoader.Discover(fromLogger ?? fromProperty, ProjectDirectory);
        return config.Path;
    }
}
