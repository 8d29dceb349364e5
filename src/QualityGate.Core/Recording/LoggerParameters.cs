using System;
using System.Collections.Generic;
using System.IO;
using QualityGate.Diagnostics;
using QualityGate.Results;

namespace QualityGate.Recording;

/// <summary>
/// The gate logger's parameters ("--logger gate;Key=Value"), validated in one place: by the logger when the test
/// platform starts it, and by the build before the test run starts, so that a typo fails the build with its code
/// instead of leaving an earlier run's results to be judged. An unknown key or a bad value is an error, never ignored.
/// </summary>
internal static class LoggerParameters
{
    public const string LogFilePath = nameof(LogFilePath);
    public const string Verbosity = nameof(Verbosity);
    public const string Config = nameof(Config);
    public const string Shard = nameof(Shard);

    /// <summary>The run's identity, decided by the build that starts the run and written into the results file.</summary>
    public const string RunId = nameof(RunId);

    public const string ShardVariable = "QUALITYGATE_SHARD";

    // Added by the test platform itself.
    private const string TestRunDirectory = nameof(TestRunDirectory);
    private const string TargetFramework = nameof(TargetFramework);

    private static readonly string[] UserKeys = [LogFilePath, Verbosity, Config, Shard];
    private static readonly string[] AllKeys = [TestRunDirectory, TargetFramework, LogFilePath, Verbosity, Config, Shard, RunId];

    /// <summary>Parses and validates the parameters; <paramref name="environment"/> supplies QUALITYGATE_SHARD.</summary>
    public static RecorderOptions Parse(IReadOnlyDictionary<string, string?> parameters, Func<string, string?>? environment = null)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var pair in parameters)
        {
            var key = Known(pair.Key) ?? throw new QualityGateException(
                DiagnosticCode.LoggerUnknownParameter,
                $"the gate logger has no parameter '{pair.Key}'. Valid parameters: {string.Join(", ", UserKeys)} " +
                "(e.g. --logger \"gate;LogFilePath={assembly}.{framework}.json;Verbosity=detailed\").");
            values[key] = key is TestRunDirectory or TargetFramework ? pair.Value : Required(pair.Key, pair.Value);
        }

        var options = new RecorderOptions(
            Value(values, TestRunDirectory) ?? Path.Combine(Directory.GetCurrentDirectory(), "TestResults"),
            FrameworkMoniker.ToShortName(Value(values, TargetFramework)));
        if (Value(values, LogFilePath) is { } logFilePath)
        {
            if (logFilePath.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            {
                throw Invalid(LogFilePath, logFilePath, "contains characters that are not allowed in a path.");
            }

            options.LogFilePath = logFilePath;
        }

        if (Value(values, Verbosity) is { } verbosity)
        {
            options.Verbosity = RecorderOptions.ParseVerbosity(verbosity);
        }

        options.ConfigPath = Value(values, Config) is { } config ? Path.GetFullPath(config) : null;
        var shard = Value(values, Shard)
            ?? ((environment ?? Environment.GetEnvironmentVariable)(ShardVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment.Trim() : null);
        if (shard is not null && !IsName(shard))
        {
            throw Invalid(Shard, shard, "is not a shard name: use letters, digits, '-', '_' or '.' (e.g. 1, 2, unit-a).");
        }

        options.Shard = shard;
        if (Value(values, RunId) is { } runId)
        {
            if (!IsName(runId))
            {
                throw Invalid(RunId, runId, "is not a run id: the build sets it to letters and digits; do not set it by hand.");
            }

            options.RunId = runId;
        }

        return options;
    }

    /// <summary>The canonical spelling of a parameter name (keys are case-insensitive), or null when there is none.</summary>
    public static string? Known(string key)
    {
        foreach (var known in AllKeys)
        {
            if (string.Equals(known, key, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return null;
    }

    private static string? Value(Dictionary<string, string?> values, string key) => values.TryGetValue(key, out var value) ? value : null;

    /// <summary>A shard name or run id: letters, digits, '-', '_', '.'; shared with the MTP front end's --gate-shard.</summary>
    public static bool IsName(string name)
    {
        foreach (var c in name)
        {
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_' or '.'))
            {
                return false;
            }
        }

        return name.Length is > 0 and <= 64;
    }

    private static string Required(string key, string? value) =>
        string.IsNullOrWhiteSpace(value) ? throw Invalid(key, value ?? string.Empty, "is empty.") : value!;

    private static QualityGateException Invalid(string key, string value, string why) => new(
        DiagnosticCode.LoggerInvalidParameter,
        $"the gate logger's parameter {key}='{value}' {why}");
}
