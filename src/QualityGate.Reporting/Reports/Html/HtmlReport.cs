using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using QualityGate.History;
using QualityGate.Policy;

namespace QualityGate.Reports.Html;

/// <summary>
/// qualitygate-report.html: one self-contained page (inline CSS and SVG, no script, no external asset) with the
/// verdict, the per-layer table, trends over the history and the failures. A Content-Security-Policy that forbids
/// scripts backs up the escaping of every test-provided text.
/// </summary>
internal static class HtmlReport
{
    public static void Write(GateReport report, IReadOnlyList<HistoryRecord> history, HtmlPage page, TextWriter writer)
    {
        writer.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        writer.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
        writer.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        writer.Write($"<title>{MarkupText.Escape(page.Title)}: {(report.Passed ? "pass" : "fail")}</title>\n<style>{HtmlStyle.Css}{HtmlFileStyle.Css}</style>\n</head>\n<body>\n");
        Header(report, page, writer);
        Layers(report, writer);
        HtmlGaps.Write(report, page, writer);
        Tests(report, writer);
        Trends(report, history, page, writer);
        HtmlRootCauses.Write(report, writer);
        HtmlFailures.Write(report, page.Links, writer);
        HtmlFiles.Write(report, page, writer);
        writer.Write("<footer>Written by QualityGate. Self-contained: no script, no external files.</footer>\n</body>\n</html>\n");
    }

    public static string ToHtml(GateReport report, IReadOnlyList<HistoryRecord> history, HtmlPage page)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(report, history, page, writer);
        return writer.ToString();
    }

    private static void Header(GateReport report, HtmlPage page, TextWriter writer)
    {
        var verdict = report.Passed ? "pass" : "fail";
        var violations = report.Violations.Count;
        writer.Write($"<header class=\"verdict {verdict}\">\n<h1>{MarkupText.Escape(page.Title)}: {verdict.ToUpperInvariant()}");
        writer.Write(violations == 0 ? "</h1>\n" : $" <small>{violations} violation{(violations == 1 ? string.Empty : "s")}</small></h1>\n");
        var facts = new List<string>();
        if (report.Phase is not null)
        {
            facts.Add($"phase <b>{MarkupText.Escape(report.Phase)}</b>{(report.NextPhase is null ? string.Empty : $", next: {MarkupText.Escape(report.NextPhase)}")}");
        }

        facts.Add($"generated {page.Generated.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC");
        if (page.Commit is not null)
        {
            facts.Add($"commit <code>{MarkupText.Escape(page.Commit, 40)}</code>");
        }

        writer.Write($"<p>{string.Join(" · ", facts)}</p>\n");
        if (report.Scope.Count > 0)
        {
            writer.Write($"<p>scope: {MarkupText.Escape(report.ScopeText)}</p>\n");
        }

        if (report.NextPhaseMet == true)
        {
            writer.Write($"<p class=\"note\">Every target of the next phase, {MarkupText.Escape(report.NextPhase)}, is already met: record it with <code>dotnet gate baseline --promote</code>.</p>\n");
        }

        writer.Write("</header>\n");
    }

    private static void Layers(GateReport report, TextWriter writer)
    {
        if (report.Total is null)
        {
            writer.Write("<section><h2>Coverage</h2><p>No coverage report was judged.</p></section>\n");
            return;
        }

        var baseline = report.Baseline is { Exists: true } b ? b.Layers.ToDictionary(c => c.Name, StringComparer.Ordinal) : null;
        writer.Write("<section>\n<h2>Coverage by layer</h2>\n<table>\n<thead><tr><th>layer</th><th class=\"num\">lines</th><th class=\"num\">line rate</th><th class=\"num\">branches</th><th class=\"num\">branch rate</th><th>target</th>");
        writer.Write(baseline is null ? string.Empty : "<th class=\"num\">baseline</th><th class=\"num\">Δ</th>");
        writer.Write("<th>status</th></tr></thead>\n<tbody>\n");
        var rows = report.Layers.Append(report.Total).Concat(report.Unlayered is { Files: > 0 } u ? [u] : []);
        var tables = FileTableMarkdown.Layers(report).ToList();
        foreach (var layer in rows)
        {
            var name = tables.IndexOf(layer) is var index and >= 0
                ? $"<a href=\"#{HtmlFiles.Anchor(index)}\">{MarkupText.Escape(layer.Name)}</a>"
                : MarkupText.Escape(layer.Name);
            writer.Write($"<tr{(layer == report.Total ? " class=\"total\"" : string.Empty)}><td>{name}</td>");
            writer.Write($"<td class=\"num\">{layer.Lines.Covered}/{layer.Lines.Valid}</td><td class=\"num\">{Bar(layer.Lines.Rate)}</td>");
            writer.Write($"<td class=\"num\">{layer.Branches.Covered}/{layer.Branches.Valid}</td><td class=\"num\">{RateText.Percent(layer.Branches.Rate)}</td>");
            writer.Write($"<td>{MarkupText.Escape(Target(layer.Target))}</td>");
            if (baseline is not null)
            {
                var change = baseline.TryGetValue(layer.Name, out var c) ? c : null;
                writer.Write($"<td class=\"num\">{RateText.Percent(change?.Before)}</td><td class=\"num{(change?.Delta is { } d ? d < 0 ? " down" : " up" : string.Empty)}\">{RateText.Change(change?.Delta)}</td>");
            }

            writer.Write($"<td>{Status(layer.Target is { IsSet: true } ? layer.Met : null)}</td></tr>\n");
        }

        writer.Write("</tbody>\n</table>\n</section>\n");
    }

    private static void Tests(GateReport report, TextWriter writer)
    {
        writer.Write("<section>\n<h2>Tests</h2>\n");
        writer.Write($"<p>{report.TestsTotal} tests: {report.TestsPassed} passed, {report.TestsFailed} failed, {report.TestsSkipped} skipped; pass rate {RateText.Percent(report.PassRate)}");
        writer.Write(report.PassRateTarget is { } target ? $" (target {RateText.Percent(target)})" : string.Empty);
        writer.Write($"; {report.DurationSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
        writer.Write(report.MaxDurationSeconds is { } max ? $" (budget {max.ToString("0.#", CultureInfo.InvariantCulture)} s)" : string.Empty);
        writer.Write(".</p>\n");
        if (report.TestLayers.Count > 0)
        {
            var passRates = report.Baseline is { Exists: true } b ? b.PassRates.ToDictionary(c => c.Name, StringComparer.Ordinal) : null;
            writer.Write("<table>\n<thead><tr><th>test layer</th><th class=\"num\">passed</th><th class=\"num\">failed</th><th class=\"num\">skipped</th><th class=\"num\">pass rate</th><th>target</th>");
            writer.Write(passRates is null ? string.Empty : "<th class=\"num\">baseline</th>");
            writer.Write("<th>status</th></tr></thead>\n<tbody>\n");
            foreach (var layer in report.TestLayers)
            {
                writer.Write($"<tr><td>{MarkupText.Escape(layer.Name)}</td><td class=\"num\">{layer.Passed}</td><td class=\"num\">{layer.Failed}</td><td class=\"num\">{layer.Skipped}</td>");
                writer.Write($"<td class=\"num\">{RateText.Percent(layer.PassRate)}</td><td>{(layer.Target?.PassRate is { } t ? "≥ " + RateText.Percent(t) : "—")}</td>");
                if (passRates is not null)
                {
                    writer.Write($"<td class=\"num\">{RateText.Percent(passRates.TryGetValue(layer.Name + " tests", out var c) || passRates.TryGetValue(layer.Name, out c) ? c.Before : null)}</td>");
                }

                writer.Write($"<td>{Status(layer.Target is { IsSet: true } ? layer.Met : null)}</td></tr>\n");
            }

            writer.Write("</tbody>\n</table>\n");
        }

        writer.Write("</section>\n");
    }

    private static void Trends(GateReport report, IReadOnlyList<HistoryRecord> history, HtmlPage page, TextWriter writer)
    {
        if (history.Count < 2)
        {
            // A chart of one point shows nothing; say how to get the second.
            writer.Write("<section>\n<h2>Trend</h2>\n<p class=\"muted\">");
            writer.Write(page.HistoryFile is null
                ? "Trends need a history of runs: set <code>QualityGateHistoryFile</code> (MSBuild) or <code>--history</code> (<code>dotnet gate check</code>) to a file kept between runs, for example in a CI cache."
                : $"The history ({MarkupText.Escape(Path.GetFileName(page.HistoryFile))}) holds this run only; the trends appear from the next run on.");
            writer.Write("</p>\n</section>\n");
            return;
        }

        writer.Write($"<section>\n<h2>Trend</h2>\n<p class=\"muted\">Line coverage per layer over the last {history.Count} run{(history.Count == 1 ? string.Empty : "s")}; the dashed line is the current phase's target.</p>\n<div class=\"charts\">\n");
        if (report.Total is { } total)
        {
            Figure(writer, "total", TrendChart.Percentages("total coverage over time", history,
                [new TrendSeries("lines", "#2563eb", r => r.TotalLine), new TrendSeries("branches", "#9333ea", r => r.TotalBranch)], total.Target?.Line));
        }

        foreach (var layer in report.Layers)
        {
            var name = layer.Name;
            Figure(writer, name, TrendChart.Percentages($"{name} line coverage over time", history, [new TrendSeries("lines", "#2563eb", r => r.LineRate(name))], layer.Target?.Line));
        }

        Figure(writer, "pass rate", TrendChart.Percentages("pass rate over time", history, [new TrendSeries("pass rate", "#059669", r => r.PassRate)], report.PassRateTarget));
        writer.Write("</div>\n<h3>Failure categories over time</h3>\n");
        writer.Write(TrendChart.Categories(history));
        writer.Write("</section>\n");
    }

    private static void Figure(TextWriter writer, string caption, string svg) =>
        writer.Write($"<figure><figcaption>{MarkupText.Escape(caption)}</figcaption>\n{svg}</figure>\n");


    internal static string Bar(double? rate) => rate is { } r
        ? $"<span class=\"bar\"><span style=\"width:{(Math.Floor(Math.Max(0, Math.Min(100, r)) * 10) / 10).ToString("0.#", CultureInfo.InvariantCulture)}%\"></span></span>{RateText.Percent(r)}"
        : "—";

    internal static string Status(bool? met) => met switch
    {
        true => "<span class=\"ok\">✔ met</span>",
        false => "<span class=\"bad\">✘ missed</span>",
        _ => "<span class=\"muted\">—</span>",
    };


    private static string Target(CoverageTarget? target) => target is { IsSet: true } ? target.Describe() : "—";
}
