namespace QualityGate.Reports.Html;

/// <summary>
/// The style of the file tables, the gap plans and the source pages. The tables sort without script: the rows are
/// flex items, and the checked radio button of a table sets each row's order from that key's rank (--s1 … --s6).
/// </summary>
internal static class HtmlFileStyle
{
    public const string Css = """

        .dir { color: var(--muted); }
        #files details { content-visibility: auto; contain-intrinsic-size: auto 40px; }
        td.spans { font-variant-numeric: tabular-nums; }
        ol.plan li { margin: 3px 0; }
        .sortable > input { position: absolute; opacity: 0; width: 0; height: 0; margin: 0; }
        .sortable table, .sortable thead { display: block; }
        .sortable tbody { display: flex; flex-direction: column; }
        .sortable tr { display: grid; grid-template-columns: minmax(14em, 3fr) 6em 10.5em 6em minmax(8em, 2fr); }
        .sortable.baseline tr { grid-template-columns: minmax(14em, 3fr) 6em 6em 10.5em 7em 6em minmax(8em, 2fr); }
        .sortable th label, .sorts label { cursor: pointer; text-decoration: underline dotted; }
        .sorts { margin: 4px 0; font-size: 12px; }
        .sortable > input:nth-of-type(2):checked ~ table tbody tr { order: var(--s1); }
        .sortable > input:nth-of-type(3):checked ~ table tbody tr { order: var(--s2); }
        .sortable > input:nth-of-type(4):checked ~ table tbody tr { order: var(--s3); }
        .sortable > input:nth-of-type(5):checked ~ table tbody tr { order: var(--s4); }
        .sortable > input:nth-of-type(6):checked ~ table tbody tr { order: var(--s5); }
        .sortable > input:nth-of-type(7):checked ~ table tbody tr { order: var(--s6); }
        .sortable > input:nth-of-type(1):checked ~ .sorts label,
        .sortable > input:nth-of-type(2):checked ~ table label[for$="-1"],
        .sortable > input:nth-of-type(3):checked ~ table label[for$="-2"],
        .sortable > input:nth-of-type(4):checked ~ table label[for$="-3"],
        .sortable > input:nth-of-type(5):checked ~ table label[for$="-4"],
        .sortable > input:nth-of-type(6):checked ~ table label[for$="-5"],
        .sortable > input:nth-of-type(7):checked ~ table label[for$="-6"] { text-decoration: none; color: #1d4ed8; }
        .sortable > input:nth-of-type(2):checked ~ table label[for$="-1"]::after { content: " ▴"; }
        .sortable > input:nth-of-type(3):checked ~ table label[for$="-2"]::after,
        .sortable > input:nth-of-type(6):checked ~ table label[for$="-5"]::after,
        .sortable > input:nth-of-type(7):checked ~ table label[for$="-6"]::after { content: " ▾"; }
        .sortable > input:nth-of-type(4):checked ~ table label[for$="-3"]::after,
        .sortable > input:nth-of-type(5):checked ~ table label[for$="-4"]::after { content: " ▴"; }
        .sortable > input:focus-visible ~ table thead { outline: 2px solid #2563eb; }

        """;

    /// <summary>A source page's whole style sheet: small, since a large repository writes thousands of these pages.</summary>
    public const string SourceCss = """

        :root { color-scheme: light; --muted: #6b7280; --line: #e5e7eb; }
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: #111827; margin: 0; padding: 0 24px 24px; background: #f9fafb; }
        header { margin: 0 -24px 16px; padding: 16px 24px; color: #fff; background: #1f2937; }
        header h1 { margin: 0 0 4px; font-size: 20px; word-break: break-all; }
        header p { margin: 2px 0; }
        header a { color: #fff; }
        section { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; margin: 0 0 16px; }
        h2 { font-size: 17px; margin: 0 0 8px; }
        .note { font-weight: 600; }
        .muted, footer { color: var(--muted); }
        footer { font-size: 12px; }
        .legend span { display: inline-block; padding: 0 6px; margin-right: 6px; border: 1px solid var(--line); border-radius: 3px; }
        table.source { border-collapse: collapse; width: 100%; font: 12px/1.45 ui-monospace, "DejaVu Sans Mono", monospace; }
        table.source th { width: 1%; padding: 0 8px; text-align: right; color: var(--muted); font-weight: normal; user-select: none; }
        table.source td { padding: 0 8px; white-space: pre; tab-size: 4; }
        .cov, tr.cov td { background: #dcfce7; }
        .unc, tr.unc td { background: #fee2e2; }
        .part, tr.part td { background: #fef9c3; }
        tr:target td, tr:target th { outline: 2px solid #2563eb; }

        """;
}
