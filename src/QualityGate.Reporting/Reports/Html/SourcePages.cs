using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using QualityGate.Coverage;
using QualityGate.Files;
using QualityGate.Reports.Ci;

namespace QualityGate.Reports.Html;

/// <summary>
/// Writes a page per source file (files/&lt;name&gt;-&lt;hash&gt;.html beside the report) when the file can be read
/// from the repository root: only regular files inside the root, at most 2 MB, the files with most uncovered lines
/// first up to <see cref="MaxPages"/>. Pages of an earlier run that this run did not write are removed.
/// </summary>
internal static class SourcePages
{
    public const string Folder = "files";

    public const int MaxPages = 5000;

    private const long MaxSourceBytes = 2 * 1024 * 1024;

    /// <summary>Returns each page written, by the file's path, as a link relative to the report.</summary>
    public static Dictionary<string, string> Write(GateReport report, string outputDirectory, SourceLinks links)
    {
        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        if (report.SourceRoot is not { } sourceRoot)
        {
            return pages;
        }

        var root = Path.GetFullPath(sourceRoot).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var folder = Path.Combine(outputDirectory, Folder);
        var back = Back(report);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in report.Files.OrderByDescending(f => f.UncoveredLines).ThenBy(f => f.Path, StringComparer.Ordinal).Take(MaxPages))
        {
            if (Read(root, file.Path) is not { } source)
            {
                continue;
            }

            var name = Name(file.Path);
            for (var n = 2; !used.Add(name); n++)
            {
                name = $"{Path.GetFileNameWithoutExtension(Name(file.Path))}-{n.ToString(CultureInfo.InvariantCulture)}.html";
            }

            var target = Path.Combine(folder, name);
            try
            {
                // Written in place, not through a temporary file: a page is a view, rewritten by the next run, and
                // thousands of renames would double the publishing time of a large repository. Whatever is at the
                // page's path (a link planted there included) is removed first, never written through.
                Directory.CreateDirectory(folder);
                File.Delete(target);
                using var stream = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                using var writer = new StreamWriter(stream, AtomicFile.Utf8);
                HtmlSourcePage.Write(file, source, links.Display(file.Path), back.TryGetValue(file.Path, out var anchor) ? anchor : "../" + ReportPublisher.HtmlFileName, writer);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw ReportFiles.Unwritable(target, e);
            }

            pages[file.Path] = Folder + "/" + name;
        }

        RemoveStale(folder, used);
        return pages;
    }

    /// <summary>The source's lines, or null when the file is outside the root, missing, not a file, too large or unreadable.</summary>
    internal static IReadOnlyList<string>? Read(string root, string path)
    {
        try
        {
            if (SourceFiles.RegularFileInside(root, path, MaxSourceBytes) is not { } info)
            {
                return null;
            }

            var text = File.ReadAllText(info.FullName, Encoding.UTF8).Replace("\r\n", "\n").Replace('\r', '\n');
            var lines = text.Split('\n');
            return text.EndsWith("\n", StringComparison.Ordinal) ? lines.Take(lines.Length - 1).ToList() : lines;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>"pricingservice.cs-1a2b3c4d.html": the file name for recognition, a hash of the path for uniqueness.</summary>
    internal static string Name(string path)
    {
        uint hash = 2166136261;
        foreach (var b in Encoding.UTF8.GetBytes(path))
        {
            hash = unchecked((hash ^ b) * 16777619);
        }

        return $"{ReportPublisher.FileName(path.Substring(path.LastIndexOf('/') + 1))}-{hash.ToString("x8", CultureInfo.InvariantCulture)}.html";
    }

    private static Dictionary<string, string> Back(GateReport report)
    {
        var back = new Dictionary<string, string>(StringComparer.Ordinal);
        var layers = FileTableMarkdown.Layers(report).ToList();
        for (var index = 0; index < layers.Count; index++)
        {
            foreach (var file in layers[index].FileRows)
            {
                if (!back.ContainsKey(file.Path))
                {
                    back[file.Path] = $"../{ReportPublisher.HtmlFileName}#{HtmlFiles.Anchor(index)}";
                }
            }
        }

        return back;
    }

    private static void RemoveStale(string folder, HashSet<string> written)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var page in Directory.EnumerateFiles(folder, "*.html"))
        {
            if (!written.Contains(Path.GetFileName(page)))
            {
                try
                {
                    File.Delete(page);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // A stale page is harmless: nothing links to it.
                }
            }
        }
    }
}
