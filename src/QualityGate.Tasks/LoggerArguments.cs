using System;
using QualityGate.Recording;
using QualityGate.Results;

namespace QualityGate.Tasks;

/// <summary>
/// Finds where the gate logger wrote this run's results, from the same inputs the logger had: the --logger argument
/// (VSTestLogger, e.g. "gate;LogFilePath=rows/{assembly}.json"), the results directory and the target framework.
/// </summary>
internal static class LoggerArguments
{
    public static string ResultsFile(string? vstestLogger, string resultsDirectory, string assemblyName, string targetFrameworkMoniker)
    {
        var options = new RecorderOptions(resultsDirectory, FrameworkMoniker.ToShortName(targetFrameworkMoniker));
        if (LogFilePath(vstestLogger) is { } logFilePath)
        {
            options.LogFilePath = logFilePath;
        }

        return options.ResolvePath(assemblyName);
    }

    // Loggers and their parameters arrive ';'-separated (escaped as %3B): "trx;gate;LogFilePath=x.json;Verbosity=quiet".
    // A parameter (Key=Value) belongs to the last logger name before it.
    private static string? LogFilePath(string? vstestLogger)
    {
        if (string.IsNullOrWhiteSpace(vstestLogger))
        {
            return null;
        }

        var inGate = false;
        foreach (var raw in vstestLogger!.Replace("%3B", ";").Replace("%3b", ";").Split(';'))
        {
            var part = raw.Trim();
            var eq = part.IndexOf('=');
            if (eq < 0)
            {
                inGate = string.Equals(part, "gate", StringComparison.OrdinalIgnoreCase);
            }
            else if (inGate && string.Equals(part.Substring(0, eq).Trim(), "LogFilePath", StringComparison.OrdinalIgnoreCase))
            {
                return part.Substring(eq + 1).Trim();
            }
        }

        return null;
    }
}
