using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using QualityGate.Reports;
using QualityGate.Reports.Ci;
using Xunit;

namespace QualityGate.Tests.Reports;

/// <summary>GitHub Actions: the step summary, its 1 MiB limit and shared file, and annotations within GitHub's limits.</summary>
public class GitHubTests
{
    [Theory]
    [InlineData("x ##[error]y", "x # #[error]y")]
    [InlineData("x ##vso[task.complete result=Succeeded;]y", "x # #vso[task.complete result=Succeeded;]y")]
    [InlineData("x #\u200B#[error]y", "x # \u200B#[error]y")]
    public void Annotation_text_breaks_the_markers_runners_take_anywhere_in_a_line(string text, string escaped)
    {
        Assert.Equal(escaped, GitHubCommands.EscapeData(text));
        Assert.DoesNotContain("##[", GitHubCommands.Command("error", [new("title", text)], text), StringComparison.Ordinal);
    }

    [Fact]
    public void On_GitHub_the_summary_is_appended_to_the_step_summary_and_failures_become_annotations()
    {
        using var temp = new TempFolder();
        var summary = Path.Combine(temp.Path, "step_summary.md");
        var (report, runs) = ReportSamples.Sample();
        var console = new StringWriter();

        ReportPublisher.Publish(report, runs, ReportSamples.Options(Path.Combine(temp.Path, "out"), CiKind.GitHub, ReportSamples.GitHubEnvironment(summary)), console);

        Snapshot.Match(File.ReadAllText(summary), "GitHub.step-summary", "md");
        Snapshot.Match(console.ToString(), "GitHub.annotations", "txt");
    }

    [Fact]
    public void Data_escapes_percent_and_line_breaks_and_properties_also_colon_and_comma()
    {
        Assert.Equal("100%25 done%0D%0A::set-output name=x::y", GitHubCommands.EscapeData("100% done\r\n::set-output name=x::y"));
        Assert.Equal("a%3A b%2C c%25%0A", GitHubCommands.EscapeProperty("a: b, c%\n"));
        Assert.Equal(
            "::error file=src/A.cs,line=3,title=QG4001%3A a%2Cb::line one%0A::add-mask::x",
            GitHubCommands.Command("error", [new("file", "src/A.cs"), new("line", "3"), new("title", "QG4001: a,b")], "line one\n::add-mask::x"));
    }

    [Fact]
    public void Thirty_violations_give_ten_error_annotations_and_a_notice_for_the_other_twenty()
    {
        var report = new GateReport();
        for (var i = 0; i < 30; i++)
        {
            report.Violations.Add(new Violation("QG4003", "services", $"services: file {i} below the minimum.") { File = $"/repo/src/F{i}.cs" });
        }

        var console = new StringWriter();
        GitHubCommands.WriteAnnotations(Annotation.From(report), console, GitHubCommands.MaxAnnotationsPerKind, "/repo");

        var lines = console.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal(10, lines.Count(l => l.StartsWith("::error ", StringComparison.Ordinal)));
        var notice = Assert.Single(lines, l => l.StartsWith("::notice ", StringComparison.Ordinal));
        Assert.Contains("and 20 more errors", notice);
        Assert.Equal(11, lines.Length);
        Assert.StartsWith("::error file=src/F0.cs,title=QualityGate QG4003%3A services::", lines[0]);
    }

    [Fact]
    public void Failures_the_plan_allows_are_warnings_and_each_kind_has_its_own_limit()
    {
        var report = new GateReport();
        report.Categories.Add(new CategoryResult("legacy", 12, null));
        report.Categories.Add(new CategoryResult("binding", 12, 1) { Met = false });
        for (var i = 0; i < 12; i++)
        {
            report.Failures.Add(new FailedTest($"Legacy.T{i}", "legacy") { Hint = "legacy hint" });
            report.Failures.Add(new FailedTest($"App.T{i}", "binding") { Message = "boom", File = "/repo/tests/T.cs", Line = i + 1 });
        }

        var console = new StringWriter();
        GitHubCommands.WriteAnnotations(Annotation.From(report), console, 10, "/repo");

        var lines = console.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal(10, lines.Count(l => l.StartsWith("::error ", StringComparison.Ordinal)));
        Assert.Equal(10, lines.Count(l => l.StartsWith("::warning ", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("::notice ", StringComparison.Ordinal) && l.Contains("and 2 more errors"));
        Assert.Contains(lines, l => l.StartsWith("::notice ", StringComparison.Ordinal) && l.Contains("and 2 more warnings"));
        Assert.Contains("::error file=tests/T.cs,line=1,title=binding%3A App.T0::boom", lines);
    }

    [Fact]
    public void Eight_projects_appending_at_once_each_land_whole()
    {
        using var temp = new TempFolder();
        var summary = Path.Combine(temp.Path, "step_summary.md");
        var blocks = Enumerable.Range(0, 8)
            .Select(p => $"### project {p}\n\n" + string.Concat(Enumerable.Range(0, 400).Select(l => $"| project {p} | line {l} | {new string((char)('a' + p), 40)} |\n")))
            .ToList();
        using var start = new Barrier(blocks.Count);
        var threads = blocks.Select(block => new Thread(() =>
        {
            start.SignalAndWait();
            StepSummary.Append(summary, block);
        })).ToList();

        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        var text = File.ReadAllText(summary);
        foreach (var block in blocks)
        {
            Assert.Contains(block, text);
        }

        Assert.Equal(blocks.Sum(b => b.Length) + ((blocks.Count - 1) * 1), text.Length);
    }

    // The cut is the same for any limit: a quarter of GitHub's keeps the sample (and the test under coverage) small.
    [Fact]
    public void A_report_too_long_for_the_step_summary_stays_under_the_limit_with_a_note()
    {
        const int limit = StepSummary.MaxBytes / 4;
        using var temp = new TempFolder();
        var summary = Path.Combine(temp.Path, "step_summary.md");
        File.WriteAllText(summary, "## earlier step output\n\n" + new string('x', 25_000) + "\n");
        var report = new GateReport { Phase = "1" };
        for (var i = 0; i < 500; i++)
        {
            var category = $"user-rule-{i:0000}-" + new string('c', 40);
            report.Categories.Add(new CategoryResult(category, 1, null) { Met = false });
            report.Failures.Add(new FailedTest($"App.Tests.Ünïcödé€😀.Test{i}_" + new string('n', 180), category) { Hint = "Fix it: " + new string('h', 290), File = "/repo/T.cs", Line = i });
            report.Violations.Add(new Violation("QG4007", category, $"{category}: 1 failing test, and 1 gives it no budget."));
        }

        var markdown = ReportPublisher.Markdown(report, "QualityGate: App.Tests");
        Assert.True(Encoding.UTF8.GetByteCount(markdown) > limit, "the sample must need cutting");

        StepSummary.Append(summary, markdown, limit);

        var bytes = File.ReadAllBytes(summary);
        Assert.InRange(bytes.Length, limit - 4096, limit);
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        Assert.StartsWith("## earlier step output", text);
        Assert.Contains(StepSummary.TruncationNote, text);
        Assert.EndsWith("\n", text);
        var lines = text.Split('\n');
        Assert.Equal(lines.Count(l => l.StartsWith("<details", StringComparison.Ordinal)), lines.Count(l => l == "</details>"));
    }

    [Fact]
    public void A_summary_just_under_GitHubs_one_mebibyte_is_appended_whole()
    {
        using var temp = new TempFolder();
        var summary = Path.Combine(temp.Path, "step_summary.md");
        var markdown = string.Concat(Enumerable.Repeat(new string('y', 1023) + "\n", 1022));

        Assert.Equal(1024 * 1024, StepSummary.MaxBytes);
        Assert.Equal(markdown.Length, StepSummary.Append(summary, markdown));
        Assert.Equal(markdown, File.ReadAllText(summary));
    }

    [Fact]
    public void A_cut_never_splits_a_character_and_nothing_is_written_when_not_even_the_note_fits()
    {
        var line = string.Concat(Enumerable.Repeat("é€😀", 50));
        var markdown = string.Join("\n", Enumerable.Repeat(line, 100));

        for (var budget = 1000; budget < 1400; budget += 7)
        {
            var bytes = StepSummary.Fit(markdown, budget);
            Assert.True(bytes.Length <= budget);
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            Assert.All(text.Split('\n').Where(l => l.Contains('é')), l => Assert.Equal(line, l));
        }

        Assert.Empty(StepSummary.Fit(markdown, 40));
    }

    [Fact]
    public void A_full_step_summary_is_left_as_it_is()
    {
        using var temp = new TempFolder();
        var summary = Path.Combine(temp.Path, "step_summary.md");
        File.WriteAllText(summary, new string('x', StepSummary.MaxBytes - 50) + "\n");

        Assert.Equal(0, StepSummary.Append(summary, "# one more\n\n" + new string('y', 500)));
        Assert.Equal(StepSummary.MaxBytes - 49, new FileInfo(summary).Length);
    }

    [Fact]
    public void The_markdown_for_two_thousand_failures_is_short_and_collapsed()
    {
        var report = new GateReport { Phase = "1" };
        report.Categories.Add(new CategoryResult("assertion", 1500, 2000));
        report.Categories.Add(new CategoryResult("async", 500, 500));
        for (var i = 0; i < 2000; i++)
        {
            report.Failures.Add(new FailedTest($"App.Tests.T{i}", i < 1500 ? "assertion" : "async") { Hint = "hint", File = "/repo/T.cs", Line = i });
        }

        var markdown = ReportPublisher.Markdown(report, "QualityGate");

        Assert.True(markdown.Length < 10_000, $"{markdown.Length} characters");
        Assert.Contains("<details><summary>assertion: 1500 failing</summary>", markdown);
        Assert.Contains("… and 1495 more", markdown);
        Assert.Contains("… and 495 more", markdown);
    }
}
