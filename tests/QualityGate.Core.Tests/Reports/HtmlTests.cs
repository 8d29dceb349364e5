using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using QualityGate.History;
using QualityGate.Reports;
using QualityGate.Reports.Html;
using Xunit;

namespace QualityGate.Tests.Reports;

/// <summary>The self-contained HTML report: verdict, layers before and after, trends, failures.</summary>
public class HtmlTests
{
    private static string SampleHtml()
    {
        var (report, _) = ReportSamples.Sample();
        var history = ReportSamples.History();
        history.Add(HistoryRecord.From(report, ReportSamples.Now, ReportSamples.Commit));
        return HtmlReport.ToHtml(report, history, new HtmlPage("QualityGate: App.UnitTests, App.IntegrationTests", ReportSamples.Now) { Commit = ReportSamples.Commit });
    }

    [Fact]
    public void The_report_matches_its_snapshot()
    {
        Snapshot.Match(SampleHtml(), "Html.report", "html");
    }

    [Fact]
    public void The_page_needs_nothing_from_outside_and_runs_no_script()
    {
        var html = SampleHtml();

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(new Regex("\\ssrc\\s*=", RegexOptions.IgnoreCase), html);
        // Links stay on the page (its sections) or go to a file's page beside it; nothing is fetched.
        Assert.All(Regex.Matches(html, "href=\"([^\"]*)\"").Select(m => m.Groups[1].Value), href => Assert.Matches("^(#|files/)", href));
        Assert.DoesNotContain("@import", html);
        Assert.DoesNotContain("url(http", html);
        Assert.Contains("default-src 'none'", html);
    }

    [Fact]
    public void The_layer_table_shows_the_baseline_before_and_the_change()
    {
        var html = SampleHtml();

        Assert.Contains("<th class=\"num\">baseline</th><th class=\"num\">Δ</th>", html);
        Assert.Matches("<td><a href=\"#files-0\">services</a></td>.*<td class=\"num\">89\\.0 %</td><td class=\"num up\">\\+2\\.0 pp</td>", html);
    }

    [Fact]
    public void Each_layer_has_a_trend_chart_over_the_history_and_each_chart_is_well_formed_svg()
    {
        var html = SampleHtml();
        var charts = Regex.Matches(html, "<svg .*?</svg>", RegexOptions.Singleline).Select(m => m.Value).ToList();

        Assert.Equal(5, charts.Count); // total, services, workers, pass rate, failure categories
        Assert.All(charts, svg => XDocument.Parse(svg));
        Assert.Contains("<figcaption>services</figcaption>", html);
        Assert.Contains("13 runs", charts[1]);
        Assert.Contains("<title>async: 2 — 2026-11-21 12:00 UTC 4f2a9c1e0b7d 2A</title>", charts[4]);
    }

    [Fact]
    public void Without_a_history_the_page_says_how_to_keep_one_instead_of_drawing_one_dot_charts()
    {
        var (report, _) = ReportSamples.Sample();
        var alone = new[] { HistoryRecord.From(report, ReportSamples.Now, null) };

        var none = HtmlReport.ToHtml(report, alone, new HtmlPage("QualityGate", ReportSamples.Now));
        var first = HtmlReport.ToHtml(report, alone, new HtmlPage("QualityGate", ReportSamples.Now) { HistoryFile = "/ci/cache/qualitygate-history.json" });

        Assert.DoesNotContain("<svg", none);
        Assert.Contains("Trends need a history of runs: set <code>QualityGateHistoryFile</code> (MSBuild) or <code>--history</code>", none);
        Assert.DoesNotContain("<svg", first);
        Assert.Contains("The history (qualitygate-history.json) holds this run only; the trends appear from the next run on.", first);
    }

    [Fact]
    public void Numeric_columns_are_right_aligned_under_right_aligned_headings()
    {
        var html = SampleHtml();

        foreach (Match table in Regex.Matches(html, "<thead><tr>(.*?)</tr></thead>\n<tbody>\n<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline))
        {
            var headings = Regex.Matches(table.Groups[1].Value, "<th( class=\"num\")?[^>]*>").Select(m => m.Groups[1].Success).ToList();
            var cells = Regex.Matches(table.Groups[2].Value, "<td( class=\"num[^\"]*\")?[^>]*>").Select(m => m.Groups[1].Success).ToList();
            Assert.Equal(cells, headings);
        }
    }

    [Fact]
    public void Thousands_of_failures_are_listed_up_to_a_cap_per_category()
    {
        var report = new GateReport();
        report.Categories.Add(new CategoryResult("assertion", 2000, null) { Met = false });
        for (var i = 0; i < 2000; i++)
        {
            report.Failures.Add(new FailedTest($"App.T{i}", "assertion") { Message = "expected 1, got 2" });
        }

        var html = HtmlReport.ToHtml(report, [], new HtmlPage("QualityGate", ReportSamples.Now));

        Assert.Equal(100, Regex.Count(html, "<li><code>App\\.T"));
        Assert.Contains("… and 1900 more", html);
        Assert.True(html.Length < 100_000, $"{html.Length} characters");
    }
}
