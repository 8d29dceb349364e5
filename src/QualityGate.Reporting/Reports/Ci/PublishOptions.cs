using System;
using System.Collections;
using System.Collections.Generic;
using QualityGate.History;
using QualityGate.Reports.Ci;

namespace QualityGate.Reports;

/// <summary>What <see cref="ReportPublisher"/> writes, where, and for which CI system.</summary>
internal sealed class PublishOptions
{
    public PublishOptions(string outputDirectory)
    {
        OutputDirectory = outputDirectory;
    }

    /// <summary>The folder for qualitygate-report.html, badges/, qualitygate-junit.xml and (on Azure) qualitygate-summary.md.</summary>
    public string OutputDirectory { get; }

    /// <summary>The CI system to write for: <see cref="CiProvider.Detect"/> from <see cref="Environment"/> and a switch.</summary>
    public CiKind Ci { get; set; } = CiKind.None;

    /// <summary>
    /// The environment variables read: GITHUB_STEP_SUMMARY, GITHUB_WORKSPACE, GITHUB_SHA, BUILD_SOURCEVERSION. Injected so
    /// tests (and hosts such as MSBuild nodes, whose process environment is not the build's) decide what is seen.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Environment { get; set; } = new Dictionary<string, string?>();

    /// <summary>The history file to append this run to (qualitygate-history.json), or null for no history.</summary>
    public string? HistoryPath { get; set; }

    /// <summary>The most records the history keeps; the oldest are dropped.</summary>
    public int HistoryLimit { get; set; } = HistoryFile.DefaultLimit;

    public bool Html { get; set; } = true;

    public bool Badges { get; set; } = true;

    /// <summary>JUnit XML, for CI systems that ingest it; off by default in the tool and the MSBuild gate alike.</summary>
    public bool JUnit { get; set; }

    /// <summary>The time recorded in the history and printed in the HTML report.</summary>
    public Func<DateTimeOffset> Clock { get; set; } = SystemClock.Now;

    /// <summary>The commit judged; null takes GITHUB_SHA, then BUILD_SOURCEVERSION, from <see cref="Environment"/>.</summary>
    public string? Commit { get; set; }

    /// <summary>The heading of the summary and the HTML page; null names the test assemblies judged.</summary>
    public string? Title { get; set; }

    /// <summary>Annotations of each kind (errors, warnings) per process; GitHub shows 10 per step.</summary>
    public int MaxAnnotationsPerKind { get; set; } = GitHubCommands.MaxAnnotationsPerKind;

    /// <summary>How long to wait for another process that holds the step summary or the history.</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The gate run's inputs and outputs so far: every file published is checked against them (QG2026).</summary>
    internal Files.OutputPaths? Outputs { get; set; }

    /// <summary>A copy of this process's environment variables.</summary>
    public static IReadOnlyDictionary<string, string?> ProcessEnvironment()
    {
        var copy = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            copy[(string)entry.Key] = entry.Value as string;
        }

        return copy;
    }

    /// <summary>Options for the given environment, and the CI system detected in it or forced by <paramref name="ci"/>.</summary>
    public static PublishOptions For(string outputDirectory, IReadOnlyDictionary<string, string?> environment, string? ci, string setting = "the CI switch") =>
        new(outputDirectory) { Environment = environment, Ci = CiProvider.Detect(environment, ci, setting) };

    internal string? Variable(string name) =>
        Environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}
