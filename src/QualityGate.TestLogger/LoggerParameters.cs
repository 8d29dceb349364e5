using System;
using System.Collections.Generic;
using System.IO;
using QualityGate.Diagnostics;
using QualityGate.Recording;
using QualityGate.Results;

namespace QualityGate.TestLogger;

/// <summary>Validates the "--logger gate;Key=Value" parameters: an unknown key or a bad value is an error, never ignored.</summary>
internal static class LoggerParameters
{
    public const string LogFilePath = nameof(LogFilePath);
    public const string Verbosity = nameof(Verbosity);
    public const string Config = nameof(Config);
    public const string Shard = nameof(Shard);
    public const string ShardVariable = "QUALITYGATE_SHARD";

    // Added by the test platform itself.
    private const string TestRunDirectory = nameof(TestRunDirectory);
    private const string TargetFramework = nameof(TargetFramework);

    private static readonly string[] UserKeys = [LogFilePath, Verbosity, Config, Shard];

    public static RecorderOptions Parse(IReadOnlyDictionary<string, string?> parameters)
    {
        string? runDirectory = null;
        string? framework = null;
        string? logFilePath = null;
        string? verbosity = null;
        string? config = null;
        string? shard = null;
        foreach (var pair in parameters)
        {
            var value = pair.Value;
            switch (Known(pair.Key))
            {
                case TestRunDirectory: runDirectory = value; break;
                case TargetFramework: framework = value; break;
                case LogFilePath: logFilePath = Required(pair.Key, value); break;
                case Verbosity: verbosity = Required(pair.Key, value); break;
                case Config: config = Required(pair.Key, value); break;
                case Shard: shard = Required(pair.Key, value); break;
                default:
                    throw new QualityGateException(
                        DiagnosticCode.LoggerUnknownParameter,
                        $"the gate logger has no parameter '{pair.Key}'. Valid parameters: {string.Join(", ", UserKeys)} " +
                        "(e.g. --logger \"gate;LogFilePath={assembly}.{framework}.json;Verbosity=detailed\").");
            }
        }

        var options = new RecorderOptions(
            runDirectory ?? Path.Combine(Directory.GetCurrentDirectory(), "TestResults"),
            FrameworkMoniker.ToShortName(framework));
        if (logFilePath is not null)
        {
            if (logFilePath.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            {
                throw Invalid(LogFilePath, logFilePath, "contains characters that are not allowed in a path.");
            }

            options.LogFilePath = logFilePath;
        }

        if (verbosity is not null)
        {
            options.Verbosity = RecorderOptions.ParseVerbosity(verbosity);
        }

        options.ConfigPath = config is null ? null : Path.GetFullPath(config);
        shard ??= Environment.GetEnvironmentVariable(ShardVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment.Trim() : null;
        if (shard is not null && !IsShardName(shard))
        {
            throw Invalid(Shard, shard, "is not a shard name: use letters, digits, '-', '_' or '.' (e.g. 1, 2, unit-a).");
        }

        options.Shard = shard;
        return options;
    }

    private static string Known(string key)
    {
        foreach (var known in new[] { TestRunDirectory, TargetFramework, LogFilePath, Verbosity, Config, Shard })
        {
            if (string.Equals(known, key, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return key;
    }

    private static bool IsShardName(string name)
    {
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c) && c != '-' && c != '_' && c != '.')
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
