using System;
using System.Collections.Generic;
using System.IO;
using QualityGate.Diagnostics;
using QualityGate.Files;
using QualityGate.Policy;
using QualityGate.Reports.Ci;
using QualityGate.Results;

namespace QualityGate.Reports;

/// <summary>
/// The gate run's publishing step: the JSON report and the Markdown summary, then what <see cref="PublishOptions"/>
/// asks for (HTML, badges, JUnit, history, CI summary and annotations). The task and the tool hand it to the gate runner.
/// </summary>
internal sealed class GateReports : IGateReports
{
    /// <summary>Where to write qualitygate-report.json, or null.</summary>
    public string? JsonPath { get; set; }

    /// <summary>Where to write the Markdown summary, or null.</summary>
    public string? MarkdownPath { get; set; }

    /// <summary>The reports people read (HTML, badges, JUnit, history, CI summary and annotations), or null for none.</summary>
    public PublishOptions? Publish { get; set; }

    /// <summary>Where CI commands (annotations) and publishing notes go.</summary>
    public TextWriter Console { get; set; } = TextWriter.Null;

    public void Claim(OutputPaths outputs)
    {
        outputs.Output(JsonPath, "the JSON report");
        outputs.Output(MarkdownPath, "the Markdown summary");
        if (Publish is { } publish)
        {
            publish.Outputs = outputs;
            // Refused before anything is written: a report saying "pass" must not be left behind by a run that then
            // fails to publish the rest.
            if (FileNode.KindOf(publish.OutputDirectory) is not (FileType.Missing or FileType.Directory))
            {
                throw new QualityGateException(
                    DiagnosticCode.OutputNotRegularFile,
                    "the reports folder is not a folder (a file, pipe or device is at its path): give a folder for the HTML report and badges.",
                    publish.OutputDirectory);
            }
        }
    }

    public void Write(GateReport report, IReadOnlyList<RecordedRun> runs)
    {
        Write(JsonPath, stream => ReportJson.Write(report, stream));
        Write(MarkdownPath, stream =>
        {
            using var writer = new StreamWriter(stream, AtomicFile.Utf8) { NewLine = "\n" };
            MarkdownReport.Write(report, writer, SourceLinks.For(report.SourceRoot, Publish?.Environment ?? new Dictionary<string, string?>()));
        });
        if (Publish is { } publish)
        {
            report.PublishedFiles.AddRange(ReportPublisher.Publish(report, runs, publish, Console));
        }
    }

    private static void Write(string? path, Action<Stream> write)
    {
        if (path is not null)
        {
            AtomicFile.Write(path, write, ReportFiles.Unwritable);
        }
    }
}
