namespace QualityGate.Reports.Html;

/// <summary>
/// The style of the file tables, the gap plans and the source pages. The tables sort without script: the rows are
/// flex items, and the checked radio button of a table sets each row's order from that key's rank (--s1 … --s6).
/// </summary>
internal static class HtmlFileStyle
{
    public const string Css = """

        .dir { color: var(--muted); }
        td.spans { font-variant-numeric: tabular-nums; }
        ol.plan li { margin: 3px 0; }
        h3 small { font-weight: normal; }
        .sortable > input { position: absolute; opacity: 0; width: 0; height: 0; margin: 0; }
        .sortable table, .sortable thead { display: block; }
        .sortable tbody { display: flex; flex-direction: column; }
        .sortable tr { display: grid; grid-template-columns: minmax(14em, 3fr) 6em 9em 6em minmax(8em, 2fr); }
        .sortable.baseline tr { grid-template-columns: minmax(14em, 3fr) 6em 5.5em 9em 5.5em 6em minmax(8em, 2fr); }
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

    public const string SourceCss = """

        header.source { background: #1f2937; }
        header.source a { color: #fff; }
        .legend span { display: inline-block; padding: 0 6px; margin-right: 6px; border: 1px solid var(--line); border-radius: 3px; }
        table.source { border-collapse: collapse; width: 100%; font: 12px/1.45 ui-monospace, "DejaVu Sans Mono", monospace; }
        table.source th { width: 1%; padding: 0 8px; text-align: right; color: var(--muted); background: none; font-weight: normal; border: 0; user-select: none; }
        table.source td { padding: 0 8px; white-space: pre; border: 0; tab-size: 4; }
        .cov, table.source tr.cov td { background: #dcfce7; }
        .unc, table.source tr.unc td { background: #fee2e2; }
        .part, table.source tr.part td { background: #fef9c3; }
        table.source tr:target td, table.source tr:target th { outline: 2px solid #2563eb; }

        """;
}
