using System;
using System.Collections.Generic;
using System.Linq;
using QualityGate.Diagnostics;
using QualityGate.Recording;

namespace QualityGate.Tasks;

/// <summary>
/// The gate logger among the test task's loggers. dotnet test passes each --logger as one item whose own parameters
/// are ';'-separated ("gate;Verbosity=quiet"); a hand-written VSTestLogger property may split them into items of their
/// own ("gate", "Verbosity=quiet"). Either way, parameters belong to the last logger named before them.
/// </summary>
internal sealed class GateLoggerInvocation
{
    public const string FriendlyName = "gate";
    public const string Uri = "logger://QualityGate/GateLogger/1";

    private GateLoggerInvocation(int first, int last, string name, Dictionary<string, string?> parameters)
    {
        First = first;
        Last = last;
        Name = name;
        Parameters = parameters;
    }

    /// <summary>The items [First, Last] of the logger list that make up the gate logger and its parameters.</summary>
    public int First { get; }

    public int Last { get; }

    public string Name { get; }

    /// <summary>The user's parameters, by the name the user wrote.</summary>
    public IReadOnlyDictionary<string, string?> Parameters { get; }

    public static GateLoggerInvocation? Find(IReadOnlyList<string> loggers)
    {
        GateLoggerInvocation? found = null;
        for (var i = 0; i < loggers.Count; i++)
        {
            var parts = loggers[i].Split(';');
            var name = parts[0].Trim();
            if (name.IndexOf('=') >= 0 || !IsGate(name))
            {
                continue;
            }

            if (found is not null)
            {
                throw new QualityGateException(
                    DiagnosticCode.LoggerInvalidParameter,
                    "the gate logger is given twice (--logger gate ... --logger gate). Give it once, with all its parameters.");
            }

            var parameters = new Dictionary<string, string?>(StringComparer.Ordinal);
            var last = i;
            Add(parameters, parts, 1);
            while (last + 1 < loggers.Count && IsParameter(loggers[last + 1]))
            {
                last++;
                Add(parameters, loggers[last].Split(';'), 0);
            }

            found = new GateLoggerInvocation(i, last, name, parameters);
        }

        return found;
    }

    /// <summary>The logger list without the gate logger's items.</summary>
    public string[] Without(IReadOnlyList<string> loggers) =>
        loggers.Where((_, i) => i < First || i > Last).ToArray();

    /// <summary>The logger list with the gate logger's items replaced by one carrying the run's identity and paths.</summary>
    public string[] Rewrite(IReadOnlyList<string> loggers, string runId, string resultsFile, string? config)
    {
        foreach (var value in new[] { resultsFile, config })
        {
            if (value is not null && value.IndexOfAny([';', '=']) >= 0)
            {
                throw new QualityGateException(
                    DiagnosticCode.LoggerInvalidParameter,
                    $"the path {value} contains ';' or '=', which the test platform's logger arguments cannot carry. Choose a path without them.");
            }
        }

        var gate = new List<string> { Name, $"{LoggerParameters.RunId}={runId}", $"{LoggerParameters.LogFilePath}={resultsFile}" };
        if (config is not null)
        {
            gate.Add($"{LoggerParameters.Config}={config}");
        }

        foreach (var pair in Parameters)
        {
            if (LoggerParameters.Known(pair.Key) is not (LoggerParameters.LogFilePath or LoggerParameters.Config))
            {
                gate.Add($"{pair.Key}={pair.Value}");
            }
        }

        var rewritten = new List<string>();
        for (var i = 0; i < loggers.Count; i++)
        {
            if (i == First)
            {
                rewritten.Add(string.Join(";", gate));
            }
            else if (i < First || i > Last)
            {
                rewritten.Add(loggers[i]);
            }
        }

        return rewritten.ToArray();
    }

    private static bool IsGate(string name) =>
        string.Equals(name, FriendlyName, StringComparison.OrdinalIgnoreCase) || string.Equals(name, Uri, StringComparison.OrdinalIgnoreCase);

    private static bool IsParameter(string item)
    {
        var first = item.Split(';')[0];
        return first.IndexOf('=') > 0;
    }

    private static void Add(Dictionary<string, string?> parameters, string[] parts, int from)
    {
        for (var i = from; i < parts.Length; i++)
        {
            var part = parts[i].Trim();
            if (part.Length == 0)
            {
                continue;
            }

            var eq = part.IndexOf('=');
            var key = eq < 0 ? part : part.Substring(0, eq).Trim();
            var value = eq < 0 ? null : part.Substring(eq + 1).Trim();
            if (parameters.ContainsKey(key))
            {
                throw new QualityGateException(
                    DiagnosticCode.LoggerInvalidParameter,
                    $"the gate logger's parameter {key} is given twice. Give it once.");
            }

            parameters[key] = value;
        }
    }
}
