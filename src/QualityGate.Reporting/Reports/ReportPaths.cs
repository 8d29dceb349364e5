using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using QualityGate.Files;

namespace QualityGate.Reports;

/// <summary>Where the reports went, said once: the line the build prints, and the pointer its errors end with.</summary>
internal static class ReportPaths
{
    /// <summary>
    /// "QualityGate reports: TestResults/qualitygate/App.Tests.net10.0/qualitygate-report.html,
    /// TestResults/App.Tests.net10.0.qualitygate-report.json, … (and 3 badges, 12 source pages)": the HTML report first,
    /// then the files given, then the rest of what was published; paths relative to <paramref name="baseDirectory"/>.
    /// </summary>
    public static string Line(GateReport report, IEnumerable<string?> reports, string baseDirectory)
    {
        var html = Html(report);
        var badges = report.PublishedFiles.Count(f => Path.GetFileName(Path.GetDirectoryName(f)) == ReportPublisher.BadgesFolder);
        var pages = report.PublishedFiles.Any(IsPages);
        var named = new List<string>();
        if (html is not null)
        {
            named.Add(html);
        }

        named.AddRange(reports.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => Path.GetFullPath(r!)));
        named.AddRange(report.PublishedFiles.Where(f => f != html && !IsBadge(f) && !IsPages(f)));
        var extras = new List<string>();
        if (badges > 0)
        {
            extras.Add($"{badges} badge{(badges == 1 ? string.Empty : "s")}");
        }

        if (pages)
        {
            extras.Add($"a page per source file in {Relative(Path.Combine(Path.GetDirectoryName(html ?? string.Empty) ?? string.Empty, PagesFolder), baseDirectory)}");
        }

        return "QualityGate reports: " + string.Join(", ", named.Distinct(StringComparer.Ordinal).Select(p => Relative(p, baseDirectory))) +
               (extras.Count == 0 ? string.Empty : $" (and {string.Join(", ", extras)})");
    }

    /// <summary>The HTML report written, or null when none was.</summary>
    public static string? Html(GateReport report) =>
        report.PublishedFiles.FirstOrDefault(f => Path.GetFileName(f) == ReportPublisher.HtmlFileName);

    /// <summary>A violation as the build reports it: its message, then where the HTML report shows the whole picture.</summary>
    public static string ErrorText(Violation violation, GateReport report, string baseDirectory) =>
        Html(report) is { } html ? $"{violation.Message} Report: {Relative(html, baseDirectory)}" : violation.Message;

    /// <summary>The path relative to the folder when it lies under it, else the full path; '/' separators either way.</summary>
    public static string Relative(string path, string baseDirectory)
    {
        var full = Path.GetFullPath(path).Replace('\\', '/');
        var root = Path.GetFullPath(baseDirectory).Replace('\\', '/').TrimEnd('/') + "/";
        var comparison = FileNode.PathComparison; // as the file system compares (macOS ignores case too)
        return full.StartsWith(root, comparison) ? full.Substring(root.Length) : full;
    }

    private const string PagesFolder = QualityGate.Reports.Html.SourcePages.Folder;

    private static bool IsPages(string path) => Path.GetFileName(path.TrimEnd('/', '\\')) == PagesFolder;

    private static bool IsBadge(string path) => Path.GetFileName(Path.GetDirectoryName(path)) == ReportPublisher.BadgesFolder;
}
