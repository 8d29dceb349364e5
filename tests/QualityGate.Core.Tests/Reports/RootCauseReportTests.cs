using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using QualityGate.Baseline;
using QualityGate.Configuration;
using QualityGate.Policy;
using QualityGate.Recording;
using QualityGate.Reports;
using QualityGate.Reports.Html;
using QualityGate.Results;
using QualityGate.Tests.Categorization;
using Xunit;

namespace QualityGate.Tests.Reports;

/// <summary>
/// The 45 real failures of tests/fixtures/RootCauses.Xunit (two broken methods), recorded by the logger's recorder,
/// read back by the gate and written to every report people read: two root causes everywhere, budgets still per test.
/// </summary>
public class RootCauseReportTests
{
    private const string Config = """{ "phases": [ { "name": "triage", "maxFailures": { "error": 45 } } ] }""";

    [Fact]
    public void The_report_lists_two_root_causes_with_their_tests_message_frame_and_hint()
    {
        using var temp = new TempFolder();
        var report = Judge(temp, Config, baseline: null);

        Assert.True(report.Passed);
        Assert.Equal([40, 5], report.RootCauses.Select(r => r.Count));
        var lookup = report.RootCauses[0];
        Assert.Equal(("error|System.NullReferenceException|at Shop.PriceCatalog.Lookup", "Shop.PriceCatalog.Lookup", "System.NullReferenceException"), (lookup.Key, lookup.Frame, lookup.ExceptionType));
        Assert.Contains("Object reference not set", lookup.Message);
        Assert.Contains("The code under test threw", lookup.Hint);
        Assert.Equal(40, lookup.Tests.Distinct().Count());
        var count = Assert.Single(report.RootCauseCounts);
        Assert.Equal(("error", 45, 2, (int?)null), (count.Category, count.Failures, count.RootCauses, count.Baseline));
    }

    [Fact]
    public void The_json_markdown_and_html_reports_each_say_two_root_causes()
    {
        using var temp = new TempFolder();
        var report = Judge(temp, Config, baseline: null);

        using var json = new MemoryStream();
        ReportJson.Write(report, json);
        using var document = JsonDocument.Parse(json.ToArray());
        var causes = document.RootElement.GetProperty("rootCauses").EnumerateArray().ToList();
        Assert.Equal(2, causes.Count);
        Assert.Equal(40, causes[0].GetProperty("tests").GetArrayLength());
        Assert.Equal("Shop.PriceCatalog.Lookup", causes[0].GetProperty("frame").GetString());
        Assert.Equal(2, document.RootElement.GetProperty("rootCauseCounts")[0].GetProperty("rootCauses").GetInt32());

        var markdown = new StringWriter();
        MarkdownReport.Write(report, markdown);
        Assert.Contains("**Root causes:** 2 for 45 failing tests", markdown.ToString());
        Assert.Contains("**40 × error**: System.NullReferenceException at Shop.PriceCatalog.Lookup", markdown.ToString());

        var html = HtmlReport.ToHtml(report, [], new HtmlPage("RootCauses.Xunit", new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero)));
        Assert.Contains("2 root causes behind 45 failing tests.", html);
        Assert.Contains("<b>5 × error</b>: <code>System.FormatException at Shop.Ledger.ParseCents</code>", html);
    }

    [Fact]
    public void Budgets_stay_per_failing_test_however_few_the_root_causes()
    {
        using var temp = new TempFolder();
        var report = Judge(temp, Config.Replace("45", "44"), baseline: null);

        Assert.False(report.Passed);
        Assert.Contains(report.Violations, v => v.Message.Contains("45 failing tests > 44 allowed"));
    }

    [Fact]
    public void Root_cause_counts_show_their_change_against_the_baseline()
    {
        using var temp = new TempFolder();
        var baseline = new BaselineData { RootCauses = new SortedDictionary<string, int>(StringComparer.Ordinal) { ["error"] = 3, ["mocking"] = 1 } };

        var report = Judge(temp, Config, baseline);

        Assert.Equal(
            [("error", 2, (int?)3, (int?)-1), ("mocking", 0, 1, -1)],
            report.RootCauseCounts.Select(c => (c.Category, c.RootCauses, c.Baseline, c.Change)));
    }

    [Fact]
    public void A_results_file_written_before_root_causes_gets_them_from_its_evidence()
    {
        using var temp = new TempFolder();
        var path = RecordCorpus(temp);
        var text = File.ReadAllText(path);
        var stripped = System.Text.RegularExpressions.Regex.Replace(text, "\"rootCause\": \"[^\"]*\",", string.Empty);
        File.WriteAllText(path, stripped, new UTF8Encoding(false));

        var run = ResultsFileReader.Read(path);

        Assert.Equal(2, run.Tests.Select(t => t.RootCause).Distinct().Count());
    }

    private static GateReport Judge(TempFolder temp, string config, BaselineData? baseline)
    {
        var run = ResultsFileReader.Read(RecordCorpus(temp));
        var gateConfig = ConfigLoader.Parse(config, Path.Combine(temp.Path, "qualitygate.json"));
        return GateEvaluator.Evaluate(new GateInput(gateConfig, [run]) { Baseline = baseline });
    }

    private static string RecordCorpus(TempFolder temp)
    {
        var options = new RecorderOptions(Path.Combine(temp.Path, "results"), "net10.0");
        using var recorder = new RunRecorder(options, new StringWriter());
        foreach (var (_, entry) in CorpusData.Entries().Where(e => e.Framework == "rootcauses"))
        {
            recorder.Record(new ReportedResult("/bin/RootCauses.Xunit.dll", entry.GetProperty("name").GetString()!, entry.GetProperty("displayName").GetString()!, TestOutcome.Failed)
            {
                ClassName = entry.GetProperty("className").GetString(),
                ErrorMessage = entry.GetProperty("message").GetString(),
                ErrorStackTrace = entry.GetProperty("stackTrace").GetString(),
            });
        }

        return Assert.Single(recorder.Complete(new RunCompletion()));
    }
}
