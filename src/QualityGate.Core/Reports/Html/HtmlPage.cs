using System;

namespace QualityGate.Reports.Html;

/// <summary>What the HTML page says about itself: its title, when it was written, and the commit it judged.</summary>
public sealed class HtmlPage
{
    public HtmlPage(string title, DateTimeOffset generated)
    {
        Title = title;
        Generated = generated;
    }

    public string Title { get; }

    public DateTimeOffset Generated { get; }

    public string? Commit { get; set; }
}
