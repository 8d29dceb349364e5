using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using QualityGate.Output;
using QualityGate.Policy;
using QualityGate.Recording;
using QualityGate.Reports;
using QualityGate.Reports.Ci;
using QualityGate.Results;
using Xunit;

namespace QualityGate.Tests.Output;

/// <summary>The hostile corpus through every console writer of the core, outside CI and in GitHub and Azure mode.</summary>
public class WriterCorpusTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(Verbosity.Quiet)]
    [InlineData(Verbosity.Normal)]
    [InlineData(Verbosity.Detailed)]
    public void The_logger_summary_prints_hostile_names_messages_paths_and_abort_reasons_without_a_command(object verbosity)
    {
        using var temp = new TempFolder();
        var console = new StringWriter();
        var options = new RecorderOptions(temp.Path, "net10.0") { Clock = () => Now, Verbosity = (Verbosity)verbosity, LogFilePath = "{assembly}.json" };
        using (var recorder = new RunRecorder(options, console))
        {
            foreach (var text in HostileText.Corpus.Append(HostileText.All))
            {
                recorder.Record(new ReportedResult("/bin/App.Tests.dll", text, text, TestOutcome.Failed)
                {
                    ErrorMessage = $"System.InvalidOperationException : {text}",
                    ErrorStackTrace = $"   at App.Tests.T.M() in {text}.cs:line 3",
                    CodeFilePath = text,
                    LineNumber = 1,
                });
            }

            recorder.Complete(new RunCompletion { Aborted = true, AbortReason = HostileText.All, Errors = [HostileText.All] });
        }

        var log = console.ToString();
        Assert.Contains("QualityGate", log, StringComparison.Ordinal);
        Assert.Empty(HostileText.Commands(log));
        Assert.False(HostileText.HasControl(log));
    }

    [Fact]
    public void The_gate_table_with_hostile_phase_and_layer_names_prints_no_command()
    {
        var console = new StringWriter();
        var guarded = GuardedWriter.Over(console);
        foreach (var line in ConsoleTable.Lines(Report(out _)))
        {
            guarded.WriteLine(line);
        }

        var log = console.ToString();
        Assert.Contains("QualityGate", log, StringComparison.Ordinal);
        Assert.Empty(HostileText.Commands(log));
        Assert.False(HostileText.HasControl(log));
    }

    [Theory]
    [InlineData(CiKind.None)]
    [InlineData(CiKind.GitHub)]
    [InlineData(CiKind.Azure)]
    public void Published_CI_output_holds_only_the_commands_QualityGate_means(object kind)
    {
        var ci = (CiKind)kind;
        using var temp = new TempFolder();
        var report = Report(out var runs);
        var console = new StringWriter();
        var environment = new Dictionary<string, string?> { ["GITHUB_STEP_SUMMARY"] = Path.Combine(temp.Path, "summary.md"), ["GITHUB_WORKSPACE"] = HostileText.All };

        ReportPublisher.Publish(report, runs, new PublishOptions(Path.Combine(temp.Path, "out")) { Ci = ci, Environment = environment, MaxAnnotationsPerKind = 3, Clock = () => Now }, console);

        var lines = HostileText.Lines(console.ToString()).ToList();
        var ours = ci switch
        {
            CiKind.GitHub => new[] { "::error ", "::warning ", "::notice " },
            CiKind.Azure => new[] { "##vso[task.logissue ", "##vso[task.uploadsummary]" },
            _ => [],
        };
        Assert.Equal(ci != CiKind.None, lines.Count > 0);
        Assert.All(HostileText.Commands(console.ToString()), command => Assert.Contains(ours, prefix => command.StartsWith(prefix, StringComparison.Ordinal)));
        Assert.All(lines.Where(l => l.StartsWith("##vso[", StringComparison.Ordinal)), l => Assert.Equal(0, l.LastIndexOf("##vso[", StringComparison.Ordinal)));
        if (ci == CiKind.Azure)
        {
            // More issues than logged: the note is a plain line, through the guard like any other.
            Assert.Contains(lines, l => l.StartsWith("QualityGate: and ", StringComparison.Ordinal) && !HostileText.IsCommand(l));
        }
        Assert.False(HostileText.HasControl(console.ToString()));

        // Bidirectional and zero-width characters never reach an annotation; Azure's own "#\u200B#vso[" breaker aside.
        Assert.DoesNotContain(console.ToString().Replace("#\u200B#vso[", string.Empty, StringComparison.Ordinal), c => Invisible.IsInvisible(c));
    }

    [Fact]
    public void Reports_show_bidirectional_and_zero_width_characters_as_visible_marks()
    {
        using var temp = new TempFolder();
        var report = Report(out var runs);
        var output = Path.Combine(temp.Path, "out");
        var markdown = new StringWriter();
        MarkdownReport.Write(report, markdown);

        var files = ReportPublisher.Publish(report, runs, new PublishOptions(output) { JUnit = true, Clock = () => Now }, TextWriter.Null);

        Assert.Contains(files, f => f.EndsWith(ReportPublisher.HtmlFileName, StringComparison.Ordinal));
        foreach (var file in files)
        {
            Assert.DoesNotContain(File.ReadAllText(file), c => Invisible.IsInvisible(c));
        }

        // The text around them stays: the HTML report, the JUnit XML and the Markdown still name the test.
        Assert.All(files.Where(f => !f.EndsWith(".svg", StringComparison.Ordinal)).Select(File.ReadAllText).Append(markdown.ToString()), text =>
        {
            Assert.DoesNotContain(text, c => Invisible.IsInvisible(c));
            Assert.Contains("isolate", text, StringComparison.Ordinal);
        });
    }

    private static GateReport Report(out List<RecordedRun> runs)
    {
        var evil = HostileText.All;
        var report = new GateReport { Phase = evil, NextPhase = evil };
        report.Total = new LayerResult(evil, new Ratio(1, 2), new Ratio(1, 2), 1) { Target = new LayerTarget { Line = 60 }, Met = false };
        report.Layers.Add(new LayerResult(evil, new Ratio(1, 3), new Ratio(0, 0), 1));
        report.Categories.Add(new CategoryResult(evil, 1, 0) { Met = false });
        var tests = new List<RecordedTest>();
        foreach (var text in HostileText.Corpus)
        {
            report.Failures.Add(new FailedTest(text, text) { Message = text, Hint = text, File = text, Line = 1 });
            report.Violations.Add(new Violation("QG4007", text, $"failing test {text}") { File = text, Line = 2 });
            tests.Add(new RecordedTest(text, text, TestOutcome.Failed) { Category = text, Message = text });
        }

        runs = [new RecordedRun(evil, evil, evil) { Tests = tests }];
        return report;
    }
}
