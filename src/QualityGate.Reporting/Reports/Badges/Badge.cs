using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using QualityGate.Reports.Html;

namespace QualityGate.Reports.Badges;

/// <summary>Whether a badge's figure meets its target.</summary>
internal enum BadgeStatus
{
    /// <summary>No target: grey.</summary>
    Untargeted,

    /// <summary>Target met: green.</summary>
    Met,

    /// <summary>Target missed: red.</summary>
    Missed,
}

/// <summary>
/// A flat, shields.io-like SVG badge ("services | 88.4 %"): self-contained, its widths computed from the text, its
/// text escaped for XML.
/// </summary>
internal sealed class Badge
{
    private const int Padding = 6;

    public Badge(string label, string value, BadgeStatus status)
    {
        Label = label;
        Value = value;
        Status = status;
    }

    /// <summary>What the badge is of: "total", a layer's name, or "tests"; its file is named after it.</summary>
    public string Subject { get; set; } = "total";

    public string Label { get; }

    public string Value { get; }

    public BadgeStatus Status { get; }

    public string Color => Status switch
    {
        BadgeStatus.Met => "#4c1",
        BadgeStatus.Missed => "#e05d44",
        _ => "#9f9f9f",
    };

    /// <summary>The badges of a report: the total, then each layer (label = layer name, value = line coverage).</summary>
    public static List<Badge> For(GateReport report)
    {
        var badges = new List<Badge>();
        if (report.Total is { } total)
        {
            badges.Add(ForLayer("coverage", total));
            badges[0].Subject = "total";
        }

        foreach (var layer in report.Layers)
        {
            var badge = ForLayer(layer.Name, layer);
            badge.Subject = layer.Name;
            badges.Add(badge);
        }

        if (report.PassRate is { } rate)
        {
            var status = report.PassRateTarget is null ? BadgeStatus.Untargeted : rate >= report.PassRateTarget ? BadgeStatus.Met : BadgeStatus.Missed;
            badges.Add(new Badge("tests", $"{RateText.Percent(rate)} passing", status) { Subject = "tests" });
        }

        return badges;
    }

    public static Badge ForLayer(string label, LayerResult layer)
    {
        var status = layer.Target is not { IsSet: true } ? BadgeStatus.Untargeted : layer.Met ? BadgeStatus.Met : BadgeStatus.Missed;
        return new Badge(label, layer.Lines.Rate is { } rate ? RateText.Percent(rate) : "no data", status);
    }

    public string ToSvg()
    {
        var label = Clip(MarkupText.Clean(Label).Replace('\n', ' '));
        var value = Clip(MarkupText.Clean(Value).Replace('\n', ' '));
        var labelWidth = (int)Math.Ceiling(TextWidth(label)) + (2 * Padding);
        var valueWidth = (int)Math.Ceiling(TextWidth(value)) + (2 * Padding);
        var width = labelWidth + valueWidth;
        var title = MarkupText.Escape($"{label}: {value}");
        var l = MarkupText.Escape(label);
        var v = MarkupText.Escape(value);
        var builder = new StringBuilder();
        builder.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"20\" role=\"img\" aria-label=\"{title}\">\n"));
        builder.Append(Invariant($"<title>{title}</title>\n"));
        builder.Append("<linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" stop-opacity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient>\n");
        builder.Append(Invariant($"<clipPath id=\"r\"><rect width=\"{width}\" height=\"20\" rx=\"3\" fill=\"#fff\"/></clipPath>\n"));
        builder.Append(Invariant($"<g clip-path=\"url(#r)\"><rect width=\"{labelWidth}\" height=\"20\" fill=\"#555\"/><rect x=\"{labelWidth}\" width=\"{valueWidth}\" height=\"20\" fill=\"{Color}\"/><rect width=\"{width}\" height=\"20\" fill=\"url(#s)\"/></g>\n"));
        builder.Append("<g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" font-size=\"11\">\n");
        Text(builder, labelWidth / 2.0, l);
        Text(builder, labelWidth + (valueWidth / 2.0), v);
        builder.Append("</g>\n</svg>\n");
        return builder.ToString();
    }

    /// <summary>The width of <paramref name="text"/> in Verdana 11px, from per-character advance widths.</summary>
    public static double TextWidth(string text)
    {
        var width = 0.0;
        foreach (var c in text)
        {
            width += c >= ' ' && c <= '~' ? Widths[c - ' '] : char.IsLowSurrogate(c) ? 0 : 8.0;
        }

        return width;
    }

    private static void Text(StringBuilder builder, double x, string escaped)
    {
        builder.Append(Invariant($"<text x=\"{x:0.#}\" y=\"15\" fill=\"#010101\" fill-opacity=\".3\" aria-hidden=\"true\">{escaped}</text>"));
        builder.Append(Invariant($"<text x=\"{x:0.#}\" y=\"14\">{escaped}</text>\n"));
    }

    private static string Clip(string text) => text.Length <= 60 ? text : text.Substring(0, 59) + "…";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // Verdana at 11px, ' ' (32) to '~' (126): the font shields.io measures with, so the badges look alike.
    private static readonly double[] Widths =
    [
        3.87, 4.33, 5.05, 9.00, 6.99, 11.84, 7.99, 2.95, 4.99, 4.99, 6.99, 9.00, 4.00, 4.99, 4.00, 4.99,
        6.99, 6.99, 6.99, 6.99, 6.99, 6.99, 6.99, 6.99, 6.99, 6.99, 4.99, 4.99, 9.00, 9.00, 9.00, 5.99,
        11.00, 7.52, 7.54, 7.68, 8.48, 6.96, 6.32, 8.53, 8.27, 4.61, 5.00, 7.62, 6.12, 9.27, 8.23, 8.66,
        6.63, 8.66, 7.65, 7.52, 6.78, 8.05, 7.52, 10.88, 7.54, 6.77, 7.54, 4.99, 4.99, 4.99, 9.00, 6.99,
        6.99, 6.61, 6.85, 5.73, 6.85, 6.55, 3.87, 6.85, 6.96, 3.02, 3.79, 6.51, 3.02, 10.70, 6.96, 6.68,
        6.85, 6.85, 4.69, 5.73, 4.33, 6.96, 6.51, 8.98, 6.51, 6.51, 5.78, 6.98, 4.99, 6.98, 9.00,
    ];
}
