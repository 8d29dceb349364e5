using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using QualityGate.History;
using QualityGate.Reports;
using QualityGate.Reports.Html;
using Xunit;

namespace QualityGate.Tests.Reports;

/// <summary>The file-level sections of every report: the per-layer file table and what closes each missed target.</summary>
public class FileReportTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Markdown(GateReport report)
    {
        var writer = new StringWriter { NewLine = "\n" };
        MarkdownReport.Write(report, writer);
        return writer.ToString();
    }

    private static string Html(GateReport report, HtmlPage? page = null) =>
        HtmlReport.ToHtml(report, [HistoryRecord.From(report, ReportSamples.Now, null)], page ?? new HtmlPage("QualityGate: Shop.UnitTests", ReportSamples.Now));

    private static JsonElement Json(GateReport report)
    {
        using var stream = new MemoryStream();
        ReportJson.Write(report, stream);
        return JsonDocument.Parse(stream.ToArray()).RootElement.Clone();
    }

    /// <summary>From the line that starts with <paramref name="start"/> up to (not including) the next that starts with <paramref name="end"/>.</summary>
    private static string Section(string text, string start, string? end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{start}' is not in the output");
        var to = end is null ? -1 : text.IndexOf(end, from + start.Length, StringComparison.Ordinal);
        return to < 0 ? text.Substring(from) : text.Substring(from, to - from);
    }

    [Fact]
    public void The_markdown_sections_match_their_snapshot()
    {
        var markdown = Markdown(FileReportSamples.Report());

        Snapshot.Match(Section(markdown, "**What closes the gap**", "**Patch coverage:**") + Section(markdown, "**Files by layer**", null), "FileReport.sections", "md");
    }

    [Fact]
    public void The_html_sections_match_their_snapshot()
    {
        var html = Html(FileReportSamples.Report());

        Snapshot.Match(Section(html, "<section id=\"gaps\">", "<section>") + Section(html, "<section id=\"files\">", "<footer>"), "FileReport.sections", "html");
    }

    [Fact]
    public void The_json_file_tables_and_plans_match_their_snapshot()
    {
        var json = Json(FileReportSamples.Report());
        var sections = new { layers = json.GetProperty("layers"), unlayered = json.GetProperty("unlayered"), violations = json.GetProperty("violations") };

        Snapshot.Match(JsonSerializer.Serialize(sections, Indented).Replace("\r\n", "\n"), "FileReport.sections", "json");
    }

    [Fact]
    public void A_projects_slice_of_a_solutions_baseline_gives_its_files_no_before()
    {
        var report = FileReportSamples.Report(true, "Shop.UnitTests", "Shop.IntegrationTests");

        Assert.NotNull(report.Baseline!.Slice);
        Assert.All(report.Files, f => Assert.Null(f.Before));
        Assert.Contains("| file | lines | rate | branches | uncovered lines |", Markdown(report));
        Assert.DoesNotContain("<th class=\"num\">before</th>", Html(report));
    }

    [Fact]
    public void Without_a_baseline_the_files_read_most_uncovered_first()
    {
        var services = FileReportSamples.Report(withBaseline: false).Layers.Single(l => l.Name == "services");

        Assert.Equal(["src/Shop/Services/PriceService.cs", "src/Shop/Services/CartService.cs", "src/Shop/Services/OrderService.cs", "src/Shop/Services/Discounts.cs", "src/Shop/Services/TaxTable.cs"],
            services.FileRows.Select(f => f.Path));
    }
}
