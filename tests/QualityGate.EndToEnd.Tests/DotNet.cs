using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace QualityGate.PackageTests;

/// <summary>Runs the real dotnet CLI (or an installed command), as a user would, and keeps everything it printed.</summary>
public static class DotNet
{
    public static (int ExitCode, string Output) Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var all = new Dictionary<string, string?>
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["MSBUILDTERMINALLOGGER"] = "off",
            // Each scenario's MSBuild ends with it: no node outlives the scenario or serves another worktree.
            ["MSBUILDDISABLENODEREUSE"] = "1",
            // The outer test run's own settings must not leak into the inner one.
            ["VSTEST_HOST_DEBUG"] = null,
            ["GITHUB_ACTIONS"] = null,
            ["TF_BUILD"] = null,
            ["GITHUB_STEP_SUMMARY"] = null,
        };
        foreach (var pair in environment)
        {
            all[pair.Key] = pair.Value;
        }

        return Process("dotnet", workingDirectory, all, TimeSpan.FromMinutes(5), arguments);
    }

    /// <summary>Any command, with environment overrides (null removes a variable) and a time limit.</summary>
    public static (int ExitCode, string Output) Process(string fileName, string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan limit, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var pair in environment)
        {
            if (pair.Value is null)
            {
                start.Environment.Remove(pair.Key);
            }
            else
            {
                start.Environment[pair.Key] = pair.Value;
            }
        }

        var started = Stopwatch.StartNew();
        var output = new StringBuilder();
        using var process = new System.Diagnostics.Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish in {limit.TotalMinutes} minutes:\n{output}");
        }

        process.WaitForExit();
        Trace(started.Elapsed, process.ExitCode, fileName, arguments);
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    // QUALITYGATE_E2E_TRACE=<file>: one line per process (start, seconds, exit code, command), and per in-process call of
    // the tool, to see where a tier's time goes.
    internal static void Trace(TimeSpan elapsed, int exitCode, string fileName, string[] arguments)
    {
        if (System.Environment.GetEnvironmentVariable("QUALITYGATE_E2E_TRACE") is not { Length: > 0 } trace)
        {
            return;
        }

        var line = string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow - elapsed:O}\t{elapsed.TotalSeconds:F1}\t{exitCode}\t{fileName} {string.Join(' ', arguments)}\n");
        lock (TraceLock)
        {
            System.IO.File.AppendAllText(trace, line);
        }
    }

    private static readonly object TraceLock = new();
}
