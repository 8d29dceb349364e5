using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using QualityGate.Gaps;
using QualityGate.History;
using QualityGate.Policy;
using QualityGate.Reports;
using QualityGate.Reports.Ci;
using QualityGate.Results;
using Xunit;

namespace QualityGate.Tests.Reports;

/// <summary>Test names and messages that try to be markup, Markdown, terminal escapes or CI commands stay inert in every format.</summary>
public class InjectionTests
{
    public static readonly string[] Corpus =
    [
        "<script>alert(1)</script>", "\"double\"", "'single'", "a & b", "`code` ```", "a | b | c", "\u001b[31mred\u001b[0m",
        "\r\n::error::pwned", "%0A", "%25", "::add-mask::x", "##vso[task.setvariable variable=x]y", "]]>", "\u0001", "\n## heading",
        "[link](javascript:alert(1))", "<img src=x onerror=alert(1)>", "\ud800 lone", "\u2028", ",:;=", "\u001b]0;title\u0007",
    ];

    private static readonly string Evil = string.Concat(Corpus);

    private static readonly HashSet<string> OurTags =
    [
        "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "small", "p", "b", "code", "section", "table", "thead",
        "tbody", "tr", "th", "td", "span", "div", "figure", "figcaption", "svg", "line", "text", "circle", "polyline", "rect", "ul", "ol",
        "li", "details", "summary", "pre", "footer", "a", "input", "label",
    ];

    private static (GateReport Report, List<RecordedRun> Runs) EvilInput()
    {
        var report = new GateReport { Phase = Evil, NextPhase = Evil };
        report.Total = new LayerResult(Evil, new Ratio(1, 2), new Ratio(1, 2), 1) { Target = new LayerTarget { Line = 60 }, Met = false };
        report.Layers.Add(new LayerResult(Evil, new Ratio(1, 3), new Ratio(0, 0), 1));
        report.TestLayers.Add(new TestLayerResult(Evil) { Passed = 1, Failed = 1 });
        report.TestsTotal = 2 * Corpus.Length;
        report.TestsPassed = Corpus.Length;
        report.TestsFailed = Corpus.Length;
        report.Categories.Add(new CategoryResult(Evil, Corpus.Length, 1) { Met = false });
        report.Violations.Add(new Violation("QG4006", Evil, Evil)
        {
            File = Evil,
            Line = 3,
            Plan = new GapPlan(GapUnit.Lines, 7, [new GapStep(Evil, 9, 7, [new LineSpan(1, 9)])]),
        });
        var file = new FileResult(Evil, new Ratio(1, 10), new Ratio(0, 2)) { Before = 5 };
        report.Files.Add(file);
        report.Layers[0].FileRows.Add(file);
        report.Total.FileRows.Add(file);
        var tests = new List<RecordedTest>();
        foreach (var text in Corpus.Append(Evil))
        {
            report.Failures.Add(new FailedTest(text, Evil) { Message = text, Hint = text, File = text, Line = 1 });
            report.Violations.Add(new Violation("QG5003", text, $"new failing test: {text}") { File = text });
            tests.Add(new RecordedTest(text, text, TestOutcome.Failed) { Category = text, Message = text, Hint = text, Rule = text, Location = new SourceLocation(text, 2) });
            tests.Add(new RecordedTest(text, text, TestOutcome.Passed));
        }

        report.Baseline = new BaselineComparison(Evil) { Exists = true, Phase = Evil };
        report.Baseline.Notes.Add(Evil);
        report.Baseline.Layers.Add(new Change(Evil, 50, 40));
        report.Baseline.NewFailures.Add(new FailedTest(Evil, Evil));
        var run = new RecordedRun(Evil, Evil, Evil) { Tests = tests, AbortReason = Evil, Aborted = true, Shard = Evil };
        return (report, [run]);
    }

    private static (string Console, string Output, string? Summary) Publish(CiKind ci, string folder)
    {
        var (report, runs) = EvilInput();
        report.SourceRoot = folder; // the evil path is no file to read, nor a way out of the folder
        var summary = Path.Combine(folder, "summary.md");
        var environment = new Dictionary<string, string?> { ["GITHUB_STEP_SUMMARY"] = summary, ["GITHUB_SHA"] = Evil, ["GITHUB_WORKSPACE"] = Evil };
        var history = HistoryRecord.From(report, ReportSamples.Now, Evil);
        HistoryFile.Append(Path.Combine(folder, "history.json"), history);
        var console = new StringWriter();
        ReportPublisher.Publish(report, runs, new PublishOptions(Path.Combine(folder, "out")) { Ci = ci, Environment = environment, HistoryPath = Path.Combine(folder, "history.json"), MaxAnnotationsPerKind = 100, JUnit = true }, console);
        return (console.ToString(), Path.Combine(folder, "out"), File.Exists(summary) ? File.ReadAllText(summary) : null);
    }

    [Fact]
    public void The_HTML_report_shows_the_text_but_runs_nothing()
    {
        using var temp = new TempFolder();
        var html = File.ReadAllText(Path.Combine(Publish(CiKind.None, temp.Path).Output, ReportPublisher.HtmlFileName));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff]", html);
        foreach (Match tag in Regex.Matches(html, "<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>"))
        {
            // Every tag is one the report writes; with quoted values blanked, no attribute is an event handler.
            Assert.Contains(tag.Groups[1].Value, OurTags);
            Assert.DoesNotMatch(new Regex("\\son\\w+\\s*=", RegexOptions.IgnoreCase), Regex.Replace(tag.Groups[2].Value, "\"[^\"]*\"", "\"\""));
        }

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("<h2>What closes the gap</h2>", html);
        Assert.Contains("<h2>Files by layer</h2>", html);
        Assert.All(Regex.Matches(html, "href=\"([^\"]*)\"").Select(m => m.Groups[1].Value), href => Assert.Matches("^#[a-z0-9-]+$", href));
        Assert.All(Regex.Matches(html, "<svg .*?</svg>", RegexOptions.Singleline).Select(m => m.Value), svg => XDocument.Parse(svg));
    }

    [Fact]
    public void JUnit_and_badges_are_well_formed_XML_that_keeps_the_text()
    {
        using var temp = new TempFolder();
        var output = Publish(CiKind.None, temp.Path).Output;

        var junit = XDocument.Parse(File.ReadAllText(Path.Combine(output, ReportPublisher.JUnitFileName)));
        Assert.Contains(junit.Descendants("testcase"), t => ((string)t.Attribute("name")!).Contains("<script>alert(1)</script>", StringComparison.Ordinal));
        Assert.Contains(junit.Descendants("failure"), f => f.Value.Contains("]]>", StringComparison.Ordinal));
        Assert.DoesNotContain(junit.Descendants().SelectMany(e => e.Attributes().Select(a => a.Value).Append(e.Value)), v => v.Contains('\u0001') || v.Contains('\u001b'));
        var badges = Directory.GetFiles(Path.Combine(output, ReportPublisher.BadgesFolder));
        Assert.NotEmpty(badges);
        Assert.All(badges, b => XDocument.Parse(File.ReadAllText(b)));
    }

    [Fact]
    public void GitHub_commands_are_ours_alone_and_carry_the_text_escaped()
    {
        using var temp = new TempFolder();
        var (console, _, summary) = Publish(CiKind.GitHub, temp.Path);

        var lines = console.TrimEnd('\n').Split('\n');
        Assert.Equal(1 + (2 * (Corpus.Length + 1)), lines.Length); // a violation and a failing test per text, and the budget's violation
        foreach (var line in lines)
        {
            Assert.Matches("^::(error|warning|notice) ", line);
            Assert.DoesNotContain('\r', line);
            var end = line.IndexOf("::", 2, StringComparison.Ordinal);
            var properties = line.Substring(line.IndexOf(' ', StringComparison.Ordinal) + 1, end - line.IndexOf(' ', StringComparison.Ordinal) - 1);
            Assert.All(properties.Split(','), p => Assert.Matches("^(file|line|title)=[^:,]*$", p));
        }

        var data = lines.Select(l => l.Substring(l.IndexOf("::", 2, StringComparison.Ordinal) + 2)).Select(Unescape).ToList();
        Assert.Contains(data, d => d.Contains("\n::error::pwned", StringComparison.Ordinal) && d.Contains("::add-mask::x", StringComparison.Ordinal));
        Assert.DoesNotContain(data, d => d.Contains('\u001b') || d.Contains('\u0001'));

        Assert.NotNull(summary);
        Assert.DoesNotContain("<script", summary, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("##vso[", summary);
        Assert.DoesNotContain('\u001b', summary);
        Assert.DoesNotContain(summary.Split('\n'), l => l.StartsWith("::", StringComparison.Ordinal) || l.StartsWith("## heading", StringComparison.Ordinal));

        static string Unescape(string data) => data.Replace("%0D", "\r").Replace("%0A", "\n").Replace("%25", "%");
    }

    [Fact]
    public void Azure_commands_are_ours_alone_and_carry_the_text_escaped()
    {
        using var temp = new TempFolder();
        var (console, _, _) = Publish(CiKind.Azure, temp.Path);

        var lines = console.TrimEnd('\n').Split('\n');
        Assert.Equal(1 + (2 * (Corpus.Length + 1)) + 1, lines.Length);
        foreach (var line in lines)
        {
            Assert.Matches("^##vso\\[task\\.(logissue|uploadsummary)[ \\]]", line);
            Assert.Equal(0, line.LastIndexOf("##vso[", StringComparison.Ordinal)); // the agent takes the first "##vso[" of a line
            var properties = line.Substring(6, line.IndexOf(']', StringComparison.Ordinal) - 6);
            Assert.All(properties.Split(' ', 2).Skip(1).SelectMany(p => p.Split(';', StringSplitOptions.RemoveEmptyEntries)), p => Assert.Matches("^(type|sourcepath|linenumber|code)=[^;\\]]*$", p));
        }

        var data = lines.Select(l => l.Substring(l.IndexOf(']', StringComparison.Ordinal) + 1)).Select(d => d.Replace("%0D", "\r").Replace("%0A", "\n").Replace("%AZP25", "%")).ToList();
        Assert.Contains(data, d => d.Contains("\n::error::pwned", StringComparison.Ordinal) && d.Contains("task.setvariable variable=x]y", StringComparison.Ordinal));
    }

    [Fact]
    public void The_history_keeps_the_text_as_JSON_data()
    {
        using var temp = new TempFolder();
        Publish(CiKind.None, temp.Path);

        var records = HistoryFile.Read(Path.Combine(temp.Path, "history.json"));

        Assert.Equal(2, records.Count);
        var stored = Evil.Replace('\ud800', '\ufffd'); // UTF-8 JSON cannot hold a lone surrogate
        Assert.All(records, r => Assert.Equal(stored, r.Commit));
        Assert.All(records, r => Assert.Equal(stored, Assert.Single(r.Layers).Key));
    }
}
