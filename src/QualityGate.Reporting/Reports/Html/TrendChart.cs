using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using QualityGate.History;

namespace QualityGate.Reports.Html;

/// <summary>One line of a trend chart: a name, a colour and the value of each record (null where it has none).</summary>
internal sealed class TrendSeries
{
    public TrendSeries(string name, string color, Func<HistoryRecord, double?> value)
    {
        Name = name;
        Color = color;
        Value = value;
    }

    public string Name { get; }

    public string Color { get; }

    public Func<HistoryRecord, double?> Value { get; }
}

/// <summary>Inline SVG charts over the history: a percentage per run, and failures per category per run. No script.</summary>
internal static class TrendChart
{
    private const int Width = 440;
    private const int Height = 170;
    private const int Left = 44;
    private const int Right = 430;
    private const int Top = 12;
    private const int Bottom = 138;

    private static readonly Dictionary<string, string> CategoryColors = new(StringComparer.Ordinal)
    {
        ["assertion"] = "#c0392b", ["binding"] = "#8e44ad", ["mocking"] = "#2980b9", ["async"] = "#e67e22",
        ["legacy"] = "#7f8c8d", ["setup"] = "#16a085", ["environment"] = "#b8860b", ["crash"] = "#2c3e50", ["error"] = "#e84393",
    };

    private static readonly string[] Palette = ["#1abc9c", "#34495e", "#9b59b6", "#f39c12", "#27ae60", "#d35400", "#2980b9", "#95a5a6"];

    /// <summary>A 0–100 % chart of the series over the records, with the target as a dashed line.</summary>
    public static string Percentages(string label, IReadOnlyList<HistoryRecord> records, IReadOnlyList<TrendSeries> series, double? target)
    {
        var svg = Start(label);
        foreach (var percent in new[] { 0, 25, 50, 75, 100 })
        {
            var y = Y(percent, 100);
            svg.Append(F($"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Right}\" y2=\"{y:0.#}\" class=\"grid\"/>"));
            svg.Append(F($"<text x=\"{Left - 4}\" y=\"{y + 3:0.#}\" class=\"axis\" text-anchor=\"end\">{percent} %</text>\n"));
        }

        if (target is { } t)
        {
            var y = Y(t, 100);
            svg.Append(F($"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Right}\" y2=\"{y:0.#}\" class=\"target\"><title>target {t:0.0} %</title></line>\n"));
        }

        foreach (var line in series)
        {
            var points = new List<string>();
            for (var i = 0; i < records.Count; i++)
            {
                if (line.Value(records[i]) is not { } value)
                {
                    Polyline(svg, points, line.Color);
                    continue;
                }

                var x = X(i, records.Count);
                var y = Y(value, 100);
                points.Add(F($"{x:0.#},{y:0.#}"));
                svg.Append(F($"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"2.5\" fill=\"{line.Color}\"><title>{MarkupText.Escape(line.Name)} {value:0.0} % — {Describe(records[i])}</title></circle>\n"));
            }

            Polyline(svg, points, line.Color);
        }

        Axis(svg, records);
        Legend(svg, series.Select(s => (s.Name, s.Color)).ToList());
        return svg.Append("</svg>\n").ToString();
    }

    /// <summary>Stacked bars: failing tests per category for each run.</summary>
    public static string Categories(IReadOnlyList<HistoryRecord> records)
    {
        var names = records.SelectMany(r => r.Categories.Keys).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
        var max = NiceCeiling(records.Count == 0 ? 0 : records.Max(r => r.Categories.Values.Sum()));
        var svg = Start("failing tests per category over time");
        foreach (var value in new[] { 0, max / 2, max })
        {
            var y = Y(value, max);
            svg.Append(F($"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Right}\" y2=\"{y:0.#}\" class=\"grid\"/>"));
            svg.Append(F($"<text x=\"{Left - 4}\" y=\"{y + 3:0.#}\" class=\"axis\" text-anchor=\"end\">{value}</text>\n"));
        }

        var slot = (double)(Right - Left) / Math.Max(1, records.Count);
        var width = Math.Max(1, slot * 0.7);
        for (var i = 0; i < records.Count; i++)
        {
            var stacked = 0;
            var x = Left + (slot * i) + ((slot - width) / 2);
            foreach (var name in names)
            {
                if (!records[i].Categories.TryGetValue(name, out var count) || count == 0)
                {
                    continue;
                }

                var y0 = Y(stacked, max);
                stacked += count;
                var y1 = Y(stacked, max);
                svg.Append(F($"<rect x=\"{x:0.##}\" y=\"{y1:0.##}\" width=\"{width:0.##}\" height=\"{y0 - y1:0.##}\" fill=\"{ColorOf(name)}\"><title>{MarkupText.Escape(name)}: {count} — {Describe(records[i])}</title></rect>\n"));
            }
        }

        Axis(svg, records);
        Legend(svg, names.Select(n => (n, ColorOf(n))).ToList());
        return svg.Append("</svg>\n").ToString();
    }

    public static string ColorOf(string category)
    {
        if (CategoryColors.TryGetValue(category, out var color))
        {
            return color;
        }

        // A stable choice (string.GetHashCode differs between processes), so a category keeps its colour across runs.
        var sum = category.Aggregate(0, (total, c) => (total * 31 + c) & 0x7fffffff);
        return Palette[sum % Palette.Length];
    }

    private static StringBuilder Start(string label) => new StringBuilder()
        .Append(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"{MarkupText.Escape(label)}\">\n"));

    private static void Polyline(StringBuilder svg, List<string> points, string color)
    {
        if (points.Count > 1)
        {
            svg.Append(F($"<polyline points=\"{string.Join(" ", points)}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\"/>\n"));
        }

        points.Clear();
    }

    private static void Axis(StringBuilder svg, IReadOnlyList<HistoryRecord> records)
    {
        svg.Append(F($"<line x1=\"{Left}\" y1=\"{Bottom}\" x2=\"{Right}\" y2=\"{Bottom}\" class=\"base\"/>\n"));
        if (records.Count == 0)
        {
            return;
        }

        svg.Append(F($"<text x=\"{Left}\" y=\"{Bottom + 13}\" class=\"axis\">{Date(records[0])}</text>"));
        if (records.Count > 1)
        {
            svg.Append(F($"<text x=\"{Right}\" y=\"{Bottom + 13}\" class=\"axis\" text-anchor=\"end\">{Date(records[records.Count - 1])}</text>"));
        }

        svg.Append(F($"<text x=\"{(Left + Right) / 2}\" y=\"{Bottom + 13}\" class=\"axis\" text-anchor=\"middle\">{records.Count} run{(records.Count == 1 ? string.Empty : "s")}</text>\n"));
    }

    private static void Legend(StringBuilder svg, List<(string Name, string Color)> entries)
    {
        var x = (double)Left;
        foreach (var (name, color) in entries)
        {
            var text = MarkupText.Clean(name, 24).Replace('\n', ' ');
            svg.Append(F($"<rect x=\"{x:0.#}\" y=\"{Height - 11}\" width=\"9\" height=\"9\" fill=\"{color}\"/><text x=\"{x + 12:0.#}\" y=\"{Height - 3}\" class=\"axis\">{MarkupText.Escape(text)}</text>\n"));
            x += 22 + (text.Length * 6.2);
        }
    }

    private static string Describe(HistoryRecord record) =>
        MarkupText.Escape(FormattableString.Invariant($"{record.Time.UtcDateTime:yyyy-MM-dd HH:mm}") + $" UTC{(record.Commit is { Length: > 0 } c ? " " + (c.Length > 12 ? c.Substring(0, 12) : c) : string.Empty)}{(record.Phase is null ? string.Empty : " " + record.Phase)}");

    private static string Date(HistoryRecord record) => record.Time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static double X(int index, int count) => count <= 1 ? (Left + Right) / 2.0 : Left + ((Right - Left) * index / (double)(count - 1));

    private static double Y(double value, double max) => Bottom - ((Bottom - Top) * Math.Max(0, Math.Min(value, max)) / max);

    private static int NiceCeiling(int value)
    {
        foreach (var step in new[] { 2, 4, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000 })
        {
            if (value <= step)
            {
                return step;
            }
        }

        return value;
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
