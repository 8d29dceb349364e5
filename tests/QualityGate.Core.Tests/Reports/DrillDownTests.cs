using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using QualityGate.Coverage;
using QualityGate.Policy;
using QualityGate.Reports;
using QualityGate.Reports.Ci;
using Xunit;
using static QualityGate.Tests.Policy.GateFixture;

namespace QualityGate.Tests.Reports;

/// <summary>From the layer table to a file, and from a file to its lines: the pages beside the HTML report.</summary>
public class DrillDownTests
{
    private const string Source = """
        namespace Shop.Services;

        // Prices: <b>gross</b> & "net" — nothing here is markup.
        public class PriceService
        {
            public decimal Gross(decimal net) => net < 0 ? throw new System.ArgumentException("<script>alert(1)</script>") : net * 1.19m;

            public decimal Net(decimal gross) =>
                gross / 1.19m;
        }

        """;

    private static GateReport Judge(string root, params (string Path, int Line, LineHits Hits)[] lines)
    {
        var coverage = new CoverageData();
        foreach (var (path, line, hits) in lines)
        {
            coverage.GetOrAddFile(path).Add(line, hits);
        }

        var config = MakeConfig("""{ "layers": { "services": { "include": ["src/**/*.cs"] } } }""");
        var report = GateEvaluator.Evaluate(new GateInput(config, [MakeRun("Shop.UnitTests", 1)]) { Coverage = coverage });
        report.SourceRoot = root;
        return report;
    }

    private static (string Html, string Output) Publish(GateReport report, string folder)
    {
        var output = Path.Combine(folder, "out");
        ReportPublisher.Publish(report, [], new PublishOptions(output) { Badges = false, JUnit = false, Clock = () => ReportSamples.Now }, TextWriter.Null);
        return (File.ReadAllText(Path.Combine(output, ReportPublisher.HtmlFileName)), output);
    }

    [Fact]
    public void A_readable_source_file_gets_a_page_with_its_lines_marked_and_escaped()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(Path.Combine(temp.Path, "src"));
        File.WriteAllText(Path.Combine(temp.Path, "src", "PriceService.cs"), Source.Replace("\n", "\r\n"));
        var report = Judge(temp.Path, ("src/PriceService.cs", 6, new LineHits(3, 1, 2)), ("src/PriceService.cs", 8, new LineHits(0, 0, 0)), ("src/PriceService.cs", 9, new LineHits(0, 0, 0)));

        var (html, output) = Publish(report, temp.Path);

        var link = Regex.Match(html, "<a href=\"(files/[^\"]+)\"><span class=\"dir\">src/</span>PriceService.cs</a>").Groups[1].Value;
        Assert.StartsWith("files/priceservice.cs-", link);
        Assert.Contains($"<a href=\"{link}#L8\">8–9</a>", html);
        var page = File.ReadAllText(Path.Combine(output, link));
        Snapshot.Match(page, "DrillDown.source-page", "html");
        Assert.Contains("<tr id=\"L6\" class=\"part\"><th>6</th>", page);
        Assert.Contains("<tr id=\"L8\" class=\"unc\"><th>8</th>", page);
        Assert.Contains("<tr id=\"L3\"><th>3</th><td>// Prices: &lt;b&gt;gross&lt;/b&gt; &amp; &quot;net&quot;", page);
        Assert.DoesNotContain("<script", page);
        Assert.Contains("default-src 'none'", page);
        Assert.Contains("href=\"../qualitygate-report.html#files-0\"", page);
    }

    [Fact]
    public void A_file_outside_the_repository_or_missing_gets_no_page_and_its_row_stays_text()
    {
        using var temp = new TempFolder();
        var root = Path.Combine(temp.Path, "repo");
        Directory.CreateDirectory(Path.Combine(root, "src"));
        File.WriteAllText(Path.Combine(temp.Path, "secret.cs"), "password");
        var report = Judge(root, ("src/../../secret.cs", 1, new LineHits(0, 0, 0)), ("src/Missing.cs", 1, new LineHits(0, 0, 0)));

        var (html, output) = Publish(report, temp.Path);

        Assert.False(Directory.Exists(Path.Combine(output, "files")) && Directory.EnumerateFiles(Path.Combine(output, "files")).Any());
        Assert.DoesNotContain("href=\"files/", html);
        Assert.DoesNotContain("password", html);
        Assert.Contains("<span class=\"dir\">src/</span>Missing.cs</td>", html);
    }

    [Fact]
    public void Pages_of_an_earlier_run_that_this_run_did_not_write_are_removed()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(Path.Combine(temp.Path, "src"));
        File.WriteAllText(Path.Combine(temp.Path, "src", "A.cs"), "a\n");
        var stale = Path.Combine(temp.Path, "out", "files", "gone.cs-00000000.html");
        Directory.CreateDirectory(Path.GetDirectoryName(stale)!);
        File.WriteAllText(stale, "old");

        Publish(Judge(temp.Path, ("src/A.cs", 1, new LineHits(1, 0, 0))), temp.Path);

        Assert.False(File.Exists(stale));
        Assert.Single(Directory.GetFiles(Path.Combine(temp.Path, "out", "files")));
    }

    [Fact]
    public void On_GitHub_paths_link_to_the_file_at_the_commit_and_bad_values_give_no_link()
    {
        var github = new Dictionary<string, string?>
        {
            ["GITHUB_SERVER_URL"] = "https://github.com", ["GITHUB_REPOSITORY"] = "shop/app", ["GITHUB_SHA"] = "4f2a9c1e", ["GITHUB_WORKSPACE"] = "/w",
        };
        var links = SourceLinks.For("/w/samples", github);

        Assert.Equal("Shop/Services/Price Service.cs", links.Display("Shop/Services/Price Service.cs"));
        Assert.Equal("https://github.com/shop/app/blob/4f2a9c1e/samples/Shop/Services/Price%20Service.cs#L40", links.Url("Shop/Services/Price Service.cs", 40));
        Assert.Equal("Shop.Tests/OrderTests.cs", links.Display("/w/samples/Shop.Tests/OrderTests.cs"));
        Assert.Null(links.Url("/elsewhere/OrderTests.cs"));
        Assert.Null(links.Url("../outside.cs"));
        foreach (var (name, bad) in new[] { ("GITHUB_SERVER_URL", "javascript:alert(1)"), ("GITHUB_SERVER_URL", "https://x\"onclick"), ("GITHUB_REPOSITORY", "a/b/../c"), ("GITHUB_SHA", "main") })
        {
            Assert.Null(SourceLinks.For("/w", new Dictionary<string, string?>(github) { [name] = bad }).Url("a.cs"));
        }
    }

    [Fact]
    public void The_build_prints_where_the_reports_are_in_one_line_and_its_errors_point_to_the_html()
    {
        var report = new GateReport();
        report.PublishedFiles.AddRange(["/p/TestResults/qg/qualitygate-report.html", "/p/TestResults/qg/badges/total.svg", "/p/TestResults/qg/badges/services.svg", "/p/TestResults/qg/files/"]);
        var violation = new Violation("QG4001", "services", "services: line coverage 93.7 % < 95.0 %.");

        Assert.Equal(
            "QualityGate reports: TestResults/qg/qualitygate-report.html, TestResults/a.qualitygate-report.json, /elsewhere/a.md (and 2 badges, a page per source file in TestResults/qg/files)",
            ReportPaths.Line(report, ["/p/TestResults/a.qualitygate-report.json", "/elsewhere/a.md", null], "/p"));
        Assert.Equal("services: line coverage 93.7 % < 95.0 %. Report: TestResults/qg/qualitygate-report.html", ReportPaths.ErrorText(violation, report, "/p"));
        Assert.Equal(violation.Message, ReportPaths.ErrorText(violation, new GateReport(), "/p"));
    }

    [Fact]
    public void The_console_table_gives_one_line_per_missed_target_saying_what_closes_it()
    {
        var lines = ConsoleTable.Lines(FileReportSamples.Report()).ToList();

        Assert.Contains("  services: cover 32 more lines — start with PriceService.cs (19), then CartService.cs (13 of 18)", lines);
        Assert.Contains("  workers: cover 3 more branches — start with InvoiceWorker.cs (3 of 16)", lines);
        Assert.Contains("  unit tests: cover 115 more lines — start with CsvExporter.cs (100), then InvoiceWorker.cs (15 of 48)", lines);
        Assert.Contains("  patch: cover 5 more changed lines — start with PriceService.cs (4), then EmailWorker.cs (1 of 2)", lines);
    }

    [Fact]
    public void A_three_thousand_file_summary_stays_small_and_says_how_many_files_it_left_out()
    {
        var report = Large.Report(3000);
        var writer = new StringWriter { NewLine = "\n" };

        MarkdownReport.Write(report, writer);

        var markdown = writer.ToString();
        Assert.True(markdown.Length < 64 * 1024, $"{markdown.Length} characters");
        Assert.Equal(FileTableMarkdown.RowsInAll, Regex.Count(markdown, "^\\| src/", RegexOptions.Multiline));
        Assert.Contains("| … and 475 more files (all are in the HTML report and qualitygate-report.json) |", markdown);
    }
}
