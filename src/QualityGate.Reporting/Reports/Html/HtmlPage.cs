using System;
using System.Collections.Generic;

namespace QualityGate.Reports.Html;

/// <summary>What the HTML page says about itself: its title, when it was written, and the commit it judged.</summary>
internal sealed class HtmlPage
{
    public HtmlPage(string title, DateTimeOffset generated)
    {
        Title = title;
        Generated = generated;
    }

    public string Title { get; }

    public DateTimeOffset Generated { get; }

    public string? Commit { get; set; }

    /// <summary>Repository-relative paths, and links to the CI's source browser where it has one.</summary>
    public SourceLinks Links { get; set; } = SourceLinks.None;

    /// <summary>Each source file's page (its lines marked), by the file's path: a link relative to the report.</summary>
    public IReadOnlyDictionary<string, string> SourcePages { get; set; } = new Dictionary<string, string>();

    /// <summary>The history file the trends come from; null when none is kept (the page then says how to keep one).</summary>
    public string? HistoryFile { get; set; }
}
