namespace QualityGate.Reports.Html;

/// <summary>The report's only style sheet, inlined: system fonts, no web fonts or images to fetch.</summary>
internal static class HtmlStyle
{
    public const string Css = """

        :root { color-scheme: light; --ok: #15803d; --bad: #b91c1c; --muted: #6b7280; --line: #e5e7eb; }
        * { box-sizing: border-box; }
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: #111827; margin: 0; padding: 0 24px 24px; background: #f9fafb; }
        header.verdict { margin: 0 -24px 16px; padding: 16px 24px; color: #fff; }
        header.pass { background: var(--ok); }
        header.fail { background: var(--bad); }
        header h1 { margin: 0 0 4px; font-size: 22px; }
        header h1 small { font-size: 15px; font-weight: normal; opacity: .9; }
        header p { margin: 2px 0; }
        header code { background: rgba(255,255,255,.2); padding: 0 4px; border-radius: 3px; }
        section { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; margin: 0 0 16px; }
        h2 { font-size: 17px; margin: 0 0 8px; }
        h3 { font-size: 15px; margin: 12px 0 6px; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { font-weight: 600; color: #374151; background: #f3f4f6; }
        th.num, td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        tr.total td { font-weight: 600; }
        .bar { display: inline-block; width: 60px; height: 8px; background: var(--line); border-radius: 4px; margin-right: 6px; vertical-align: middle; overflow: hidden; }
        .bar span { display: block; height: 100%; background: #2563eb; }
        .ok { color: var(--ok); font-weight: 600; }
        .bad { color: var(--bad); font-weight: 600; }
        .muted { color: var(--muted); }
        .down { color: var(--bad); }
        .up { color: var(--ok); }
        .note { font-weight: 600; }
        .charts { display: flex; flex-wrap: wrap; gap: 12px; }
        figure { margin: 0; border: 1px solid var(--line); border-radius: 4px; padding: 6px; }
        figcaption { font-weight: 600; margin-bottom: 2px; }
        svg .grid { stroke: #eef0f3; }
        svg .base { stroke: #9ca3af; }
        svg .target { stroke: var(--bad); stroke-dasharray: 5 4; }
        svg .axis { font-size: 10px; fill: var(--muted); }
        ul.violations li { margin: 4px 0; }
        code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; }
        details { margin: 6px 0; }
        summary { cursor: pointer; font-weight: 600; }
        ol.failures li { margin: 6px 0; }
        .where { color: var(--muted); }
        .hint { color: #1f2937; font-style: italic; }
        pre { white-space: pre-wrap; word-break: break-word; background: #f3f4f6; padding: 6px 8px; border-radius: 4px; margin: 4px 0; max-height: 12em; overflow: auto; font-size: 12px; }
        footer { color: var(--muted); font-size: 12px; }

        """;
}
