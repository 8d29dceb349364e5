using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using QualityGate.Diagnostics;
using QualityGate.History;
using QualityGate.Reports.Badges;
using QualityGate.Reports.Ci;
using QualityGate.Reports.Html;
using QualityGate.Reports.JUnit;
using QualityGate.Results;

namespace QualityGate.Reports;

/// <summary>
/// Publishes a verdict where people look: the HTML report, badges, JUnit XML and the history on disk; on GitHub
/// Actions the step summary and annotations, on Azure Pipelines the build summary and logged issues. The one entry
/// point the MSBuild task and 'dotnet gate' call after the gate has judged.
/// </summary>
internal static class ReportPublisher
{
    public const string HtmlFileName = "qualitygate-report.html";

    public const string JUnitFileName = "qualitygate-junit.xml";

    public const string BadgesFolder = "badges";

    public const string AzureSummaryFileName = "qualitygate-summary.md";

    private const int MaxFileNameLength = 100;

    /// <summary>Writes the reports and the CI output; returns the full paths of the files written or appended to.</summary>
    public static IReadOnlyList<string> Publish(GateReport report, IReadOnlyList<RecordedRun> runs, PublishOptions options, TextWriter writer)
    {
        Validate(options);
        var console = Output.GuardedWriter.Over(writer);
        var output = Path.GetFullPath(options.OutputDirectory);
        var files = new List<string>();
        var now = options.Clock().ToUniversalTime();
        var commit = options.Commit ?? options.Variable("GITHUB_SHA") ?? options.Variable("BUILD_SOURCEVERSION");
        var title = options.Title ?? DefaultTitle(runs);

        var record = HistoryRecord.From(report, now, commit);
        List<HistoryRecord> history = [record];
        var outputs = options.Outputs ?? new Files.OutputPaths();
        outputs.Output(options.HistoryPath, "the history file");
        outputs.Output(options.Html ? Path.Combine(output, HtmlFileName) : null, "the HTML report");
        outputs.Output(options.JUnit ? Path.Combine(output, JUnitFileName) : null, "the JUnit XML");
        outputs.Output(options.Ci == CiKind.Azure ? Path.Combine(output, AzureSummaryFileName) : null, "the Azure Pipelines summary");
        outputs.Output(options.Ci == CiKind.GitHub ? options.Variable("GITHUB_STEP_SUMMARY") : null, "the GitHub step summary");
        if (options.HistoryPath is { } historyPath)
        {
            history = HistoryFile.Append(historyPath, record, options.HistoryLimit, options.LockTimeout);
            files.Add(Path.GetFullPath(historyPath));
        }

        var links = SourceLinks.For(report.SourceRoot, options.Environment);
        if (options.Html)
        {
            var pages = SourcePages.Write(report, output, links);
            var path = Path.Combine(output, HtmlFileName);
            var page = new HtmlPage(title, now) { Commit = commit, Links = links, SourcePages = pages, HistoryFile = options.HistoryPath };
            ReportFiles.WriteAtomic(path, HtmlReport.ToHtml(report, history, page));
            files.Add(path);
            if (pages.Count > 0)
            {
                files.Add(Path.Combine(output, SourcePages.Folder) + Path.DirectorySeparatorChar);
            }
        }

        if (options.Badges)
        {
            files.AddRange(WriteBadges(report, Path.Combine(output, BadgesFolder), outputs));
        }

        if (options.JUnit)
        {
            var path = Path.Combine(output, JUnitFileName);
            ReportFiles.WriteAtomic(path, JUnitReport.ToXml(runs));
            files.Add(path);
        }

        switch (options.Ci)
        {
            case CiKind.GitHub:
                if (options.Variable("GITHUB_STEP_SUMMARY") is { } summary)
                {
                    StepSummary.Append(summary, Markdown(report, title, links), StepSummary.MaxBytes, options.LockTimeout);
                    files.Add(Path.GetFullPath(summary));
                }

                GitHubCommands.WriteAnnotations(Annotation.From(report), console, options.MaxAnnotationsPerKind, options.Variable("GITHUB_WORKSPACE"));
                break;
            case CiKind.Azure:
                var markdownPath = Path.Combine(output, AzureSummaryFileName);
                ReportFiles.WriteAtomic(markdownPath, Markdown(report, title, links));
                files.Add(markdownPath);
                AzureCommands.WriteIssues(Annotation.From(report), console, options.MaxAnnotationsPerKind);
                console.WriteCommand(AzureCommands.UploadSummary(markdownPath));
                break;
        }

        console.Flush();
        return files;
    }

    /// <summary>The summary as CI shows it: a heading naming what was judged, then the Markdown report.</summary>
    public static string Markdown(GateReport report, string title, SourceLinks? links = null)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        writer.WriteLine($"### {MarkdownText.Escape(title)}");
        writer.WriteLine();
        MarkdownReport.Write(report, writer, links);
        return writer.ToString();
    }

    /// <summary>"QualityGate: Shop.Tests (net10.0)", or the number of runs when there are many.</summary>
    public static string DefaultTitle(IReadOnlyList<RecordedRun> runs)
    {
        var names = runs.Select(r => $"{r.Assembly} ({r.TargetFramework})").Distinct().ToList();
        return names.Count switch
        {
            0 => "QualityGate",
            <= 3 => "QualityGate: " + string.Join(", ", names),
            _ => $"QualityGate: {names.Count} test runs",
        };
    }

    private static List<string> WriteBadges(GateReport report, string folder, Files.OutputPaths outputs)
    {
        var written = new List<string>();
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var badge in Badge.For(report))
        {
            var name = FileName(badge.Subject);
            var unique = name;
            for (var n = 2; !used.Add(unique); n++)
            {
                unique = $"{name}-{n}";
            }

            var path = Path.Combine(folder, unique + ".svg");
            outputs.Output(path, $"the badge of {badge.Subject}");
            ReportFiles.WriteAtomic(path, badge.ToSvg());
            written.Add(path);
        }

        return written;
    }

    /// <summary>A layer name as a file name every file system and URL takes: lower case, letters, digits, '-', '_', '.'.</summary>
    internal static string FileName(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            var keep = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '.';
            if (keep)
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[builder.Length - 1] != '-')
            {
                builder.Append('-');
            }
        }

        // File systems take 255 bytes a name: a long layer name must not make its badge unwritable.
        var result = builder.ToString().Trim('-', '.');
        result = result.Length > MaxFileNameLength ? result.Substring(0, MaxFileNameLength).TrimEnd('-', '.') : result;
        return result.Length == 0 ? "layer" : result;
    }

    private static void Validate(PublishOptions options)
    {
        if (options.HistoryLimit < 1)
        {
            throw new QualityGateException(DiagnosticCode.ConfigInvalidValue, $"the history limit is {options.HistoryLimit}; it must be at least 1 record.");
        }

        if (options.MaxAnnotationsPerKind < 0)
        {
            throw new QualityGateException(DiagnosticCode.ConfigInvalidValue, $"the annotation limit is {options.MaxAnnotationsPerKind}; it must be 0 or more.");
        }

        if (string.IsNullOrWhiteSpace(options.OutputDirectory))
        {
            throw new QualityGateException(DiagnosticCode.ConfigInvalidValue, "the report folder is empty; name the folder to write qualitygate-report.html and the badges to.");
        }
    }
}
