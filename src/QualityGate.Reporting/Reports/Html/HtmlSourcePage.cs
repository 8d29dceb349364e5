using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace QualityGate.Reports.Html;

/// <summary>
/// One source file's page: its counts, its uncovered ranges and every line of the source, marked covered, uncovered
/// or partly covered (some branches never ran). Self-contained like the report: inline CSS, no script, all text escaped.
/// </summary>
internal static class HtmlSourcePage
{
    public static void Write(FileResult file, IReadOnlyList<string> source, string displayPath, string back, TextWriter writer)
    {
        var marks = file.Marked().ToDictionary(m => m.Line, m => m.Mark);
        var name = displayPath.Substring(displayPath.LastIndexOf('/') + 1);
        writer.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        writer.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
        writer.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        writer.Write($"<title>{MarkupText.Escape(name)}: {RateText.Percent(file.Lines.Rate)} of lines</title>\n<style>{HtmlFileStyle.SourceCss}</style>\n</head>\n<body>\n");
        writer.Write($"<header>\n<h1>{MarkupText.Escape(displayPath)}</h1>\n");
        writer.Write($"<p>{file.Lines.Covered} of {file.Lines.Valid} lines covered ({RateText.Percent(file.Lines.Rate)})");
        writer.Write(file.Branches.Valid == 0 ? string.Empty : $" · {file.Branches.Covered} of {file.Branches.Valid} branches ({RateText.Percent(file.Branches.Rate)})");
        writer.Write(file.Before is { } before ? $" · baseline {RateText.Percent(before)} ({RateText.Change(file.Delta)})" : string.Empty);
        writer.Write($" · <a href=\"{MarkupText.Escape(back)}\">back to the report</a></p>\n</header>\n");

        var page = new HtmlPage(name, default) { SourcePages = new Dictionary<string, string> { [file.Path] = string.Empty } };
        writer.Write($"<section>\n<h2>Uncovered lines</h2>\n<p>{HtmlFiles.Spans(file.Path, file.Uncovered, page, int.MaxValue)}</p>\n");
        writer.Write("<p class=\"legend\"><span class=\"cov\">covered</span> <span class=\"unc\">uncovered</span> <span class=\"part\">partly covered: some branches never ran</span> <span>not coverable</span></p>\n");
        var beyond = marks.Keys.Where(l => l > source.Count).ToList();
        if (beyond.Count > 0)
        {
            writer.Write($"<p class=\"note\">The coverage names line {beyond.Max().ToString(CultureInfo.InvariantCulture)}, but the file has {source.Count.ToString(CultureInfo.InvariantCulture)} lines: it changed since the tests ran, so the marks may be off.</p>\n");
        }

        writer.Write("</section>\n<section>\n<table class=\"source\">\n<tbody>\n");
        for (var i = 0; i < source.Count; i++)
        {
            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            var mark = marks.TryGetValue(i + 1, out var m) ? m switch { LineMark.Covered => " class=\"cov\"", LineMark.Uncovered => " class=\"unc\"", _ => " class=\"part\"" } : string.Empty;
            writer.Write($"<tr id=\"L{number}\"{mark}><th>{number}</th><td>{MarkupText.Escape(source[i])}</td></tr>\n");
        }

        writer.Write("</tbody>\n</table>\n</section>\n<footer>Written by QualityGate. Self-contained: no script, no external files.</footer>\n</body>\n</html>\n");
    }
}
