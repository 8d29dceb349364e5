using System;
using System.IO;
using QualityGate.Diagnostics;

namespace QualityGate.Recording;

/// <summary>How much the end-of-run console summary says.</summary>
internal enum Verbosity
{
    Quiet,
    Minimal,
    Normal,
    Detailed,
}

/// <summary>Where and how a run's results are recorded.</summary>
internal sealed class RecorderOptions
{
    public const string DefaultFileName = "{assembly}.{framework}.qualitygate.json";

    public RecorderOptions(string resultsDirectory, string targetFramework)
    {
        ResultsDirectory = resultsDirectory;
        TargetFramework = targetFramework;
    }

    public string ResultsDirectory { get; }

    /// <summary>Short moniker, e.g. net10.0.</summary>
    public string TargetFramework { get; }

    /// <summary>File path template with {assembly} and {framework}; relative paths resolve against the results directory.</summary>
    public string LogFilePath { get; set; } = DefaultFileName;

    /// <summary>An explicit qualitygate.json; otherwise the nearest one above each test assembly is used.</summary>
    public string? ConfigPath { get; set; }

    public Verbosity Verbosity { get; set; } = Verbosity.Normal;

    /// <summary>The CI shard this run is (logger Shard=, else the QUALITYGATE_SHARD environment variable).</summary>
    public string? Shard { get; set; }

    /// <summary>The run's identity when the build that started the run decided it (logger RunId=); else each file gets a new one.</summary>
    public string? RunId { get; set; }

    /// <summary>
    /// The results file, decided by whoever started the run (the MTP controller); when set, the path template is not
    /// used. One run, one test assembly.
    /// </summary>
    public string? ResultsFile { get; set; }

    /// <summary>Where the results are spooled while the run goes, when another process must find them after a crash.</summary>
    public string? SpoolPath { get; set; }

    /// <summary>How many failures per category the normal console summary lists.</summary>
    public int FailuresPerCategory => Verbosity == Verbosity.Detailed ? 20 : 3;

    public Func<DateTimeOffset> Clock { get; set; } = SystemClock.Now;

    public static Verbosity ParseVerbosity(string value)
    {
        foreach (Verbosity v in Enum.GetValues(typeof(Verbosity)))
        {
            if (string.Equals(v.ToString(), value, StringComparison.OrdinalIgnoreCase))
            {
                return v;
            }
        }

        // The dotnet CLI's short forms.
        return value.ToLowerInvariant() switch
        {
            "q" => Verbosity.Quiet,
            "m" => Verbosity.Minimal,
            "n" => Verbosity.Normal,
            "d" or "diag" or "diagnostic" => Verbosity.Detailed,
            _ => throw new QualityGateException(
                DiagnosticCode.LoggerInvalidParameter,
                $"Verbosity '{value}' is not valid. Use one of: quiet, minimal, normal, detailed."),
        };
    }

    /// <summary>The results file of one assembly.</summary>
    public string ResolvePath(string assembly)
    {
        var expanded = Replace(Replace(LogFilePath, "{assembly}", assembly), "{framework}", TargetFramework);
        return Path.GetFullPath(Path.Combine(ResultsDirectory, expanded));
    }

    /// <summary>Fails now, with advice, if results cannot be written where they will go.</summary>
    public void EnsureWritable()
    {
        var directory = Path.GetDirectoryName(ResolvePath("probe"))!;
        var probe = Path.Combine(directory, ".qualitygate-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(directory);
            using (File.Create(probe))
            {
            }

            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new QualityGateException(
                DiagnosticCode.ResultsUnwritable,
                $"cannot write test results to {directory}: {e.Message} Point --results-directory or the logger's " +
                "LogFilePath at a folder you can write to.",
                directory,
                e);
        }
    }

    private static string Replace(string text, string token, string value)
    {
        var index = text.IndexOf(token, StringComparison.OrdinalIgnoreCase);
        while (index >= 0)
        {
            text = text.Substring(0, index) + value + text.Substring(index + token.Length);
            index = text.IndexOf(token, index + value.Length, StringComparison.OrdinalIgnoreCase);
        }

        return text;
    }
}
