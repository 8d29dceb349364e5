using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using QualityGate.Diagnostics;
using QualityGate.History;
using QualityGate.Reports;
using QualityGate.Reports.Ci;
using Xunit;

namespace QualityGate.Tests.Reports;

/// <summary>The one entry point: every file in its place, the CI output only on CI, bad options refused with a code.</summary>
public class PublishTests
{
    [Fact]
    public void Publishing_on_GitHub_writes_every_report_and_returns_their_paths()
    {
        using var temp = new TempFolder();
        var output = Path.Combine(temp.Path, "out");
        var summary = Path.Combine(temp.Path, "step_summary.md");
        var history = Path.Combine(temp.Path, HistoryFile.DefaultFileName);
        var (report, runs) = ReportSamples.Sample();
        var options = ReportSamples.Options(output, CiKind.GitHub, ReportSamples.GitHubEnvironment(summary));
        options.HistoryPath = history;

        var files = ReportPublisher.Publish(report, runs, options, new StringWriter());

        Snapshot.Match(string.Join("\n", files.Select(f => ReportSamples.Fixed(f, temp.Path))) + "\n", "Publish.files", "txt");
        Assert.All(files, f => Assert.True(File.Exists(f), f));
        Assert.Equal(ReportSamples.Commit, Assert.Single(HistoryFile.Read(history)).Commit);
        Assert.Empty(Directory.GetFiles(output, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Off_CI_nothing_is_printed_and_switched_off_reports_are_not_written()
    {
        using var temp = new TempFolder();
        var output = Path.Combine(temp.Path, "out");
        var (report, runs) = ReportSamples.Sample();
        var console = new StringWriter();
        var options = ReportSamples.Options(output, CiKind.None, new Dictionary<string, string?> { ["GITHUB_STEP_SUMMARY"] = Path.Combine(temp.Path, "s.md") });
        options.Badges = false;
        options.JUnit = false;

        var files = ReportPublisher.Publish(report, runs, options, console);

        Assert.Equal([Path.Combine(output, ReportPublisher.HtmlFileName)], files);
        Assert.Empty(console.ToString());
        Assert.False(File.Exists(Path.Combine(temp.Path, "s.md")));
    }

    [Fact]
    public void Forced_GitHub_without_a_step_summary_still_annotates()
    {
        using var temp = new TempFolder();
        var (report, runs) = ReportSamples.Sample();
        var console = new StringWriter();

        ReportPublisher.Publish(report, runs, ReportSamples.Options(temp.Path, CiKind.GitHub, new Dictionary<string, string?>()), console);

        Assert.StartsWith("::error ", console.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_run_adds_to_the_history_the_report_draws()
    {
        using var temp = new TempFolder();
        var history = Path.Combine(temp.Path, HistoryFile.DefaultFileName);
        var (report, runs) = ReportSamples.Sample();
        var options = ReportSamples.Options(Path.Combine(temp.Path, "out"), CiKind.None, new Dictionary<string, string?>());
        options.HistoryPath = history;

        ReportPublisher.Publish(report, runs, options, TextWriter.Null);
        ReportPublisher.Publish(report, runs, options, TextWriter.Null);

        Assert.Equal(2, HistoryFile.Read(history).Count);
        Assert.Contains("over the last 2 runs", File.ReadAllText(Path.Combine(temp.Path, "out", ReportPublisher.HtmlFileName)));
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(200, -1)]
    public void Bad_limits_are_coded_errors(int historyLimit, int annotations)
    {
        var (report, runs) = ReportSamples.Sample();
        var options = new PublishOptions("out") { HistoryLimit = historyLimit, MaxAnnotationsPerKind = annotations };

        var error = Assert.Throws<QualityGateException>(() => ReportPublisher.Publish(report, runs, options, TextWriter.Null));

        Assert.Equal(DiagnosticCode.ConfigInvalidValue, error.Code);
    }

    [Fact]
    public void An_output_folder_that_cannot_be_created_is_a_coded_error()
    {
        using var temp = new TempFolder();
        var blocker = Path.Combine(temp.Path, "file");
        File.WriteAllText(blocker, "not a folder");
        var (report, runs) = ReportSamples.Sample();

        var error = Assert.Throws<QualityGateException>(() => ReportPublisher.Publish(report, runs, new PublishOptions(Path.Combine(blocker, "out")), TextWriter.Null));

        Assert.Equal(DiagnosticCode.ReportUnwritable, error.Code);
    }

    /// <summary>
    /// The sample the docs show (scripts/render-report-sample.sh): the realistic report with its history, written to
    /// QUALITYGATE_SAMPLE_DIR when that is set.
    /// </summary>
    [Fact]
    public void The_docs_sample_is_a_complete_report()
    {
        using var temp = new TempFolder();
        var output = Environment.GetEnvironmentVariable("QUALITYGATE_SAMPLE_DIR") is { Length: > 0 } dir ? dir : temp.Path;
        var history = Path.Combine(output, HistoryFile.DefaultFileName);
        File.Delete(history);
        foreach (var record in ReportSamples.History())
        {
            HistoryFile.Append(history, record);
        }

        var (report, runs) = ReportSamples.Sample();
        var options = ReportSamples.Options(output, CiKind.GitHub, ReportSamples.GitHubEnvironment(Path.Combine(output, "step-summary.md")));
        options.HistoryPath = history;
        File.Delete(Path.Combine(output, "step-summary.md"));

        var files = ReportPublisher.Publish(report, runs, options, TextWriter.Null);

        Assert.Equal(13, HistoryFile.Read(history).Count);
        Assert.Contains(Path.Combine(output, ReportPublisher.HtmlFileName), files);
        Assert.Contains(Path.Combine(output, "badges", "services.svg"), files);
    }
}
