using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace QualityGate.Gaps;

/// <summary>A run of source lines, first to last inclusive: "40–59", or "73" for one line.</summary>
internal readonly struct LineSpan
{
    public LineSpan(int from, int to)
    {
        From = from;
        To = to;
    }

    public int From { get; }

    public int To { get; }

    public override string ToString() => From == To
        ? From.ToString(CultureInfo.InvariantCulture)
        : From.ToString(CultureInfo.InvariantCulture) + "–" + To.ToString(CultureInfo.InvariantCulture);

    /// <summary>"40–59, 73"; past <paramref name="max"/> spans, "… (N more)".</summary>
    public static string Format(IReadOnlyList<LineSpan> spans, int max = int.MaxValue)
    {
        var shown = string.Join(", ", spans.Take(max).Select(s => s.ToString()));
        return spans.Count > max ? $"{shown} … ({spans.Count - max} more)" : shown;
    }

    /// <summary>
    /// The runs of marked lines among a file's coverable lines (in line order). A line that is not
    /// coverable (blank, a comment, a brace) does not break a run, so a method body reads as one span, "40–59", not as
    /// the pieces between its blank lines; an unmarked coverable line does.
    /// </summary>
    public static List<LineSpan> Runs(IEnumerable<(int Line, bool Marked)> coverable)
    {
        var spans = new List<LineSpan>();
        int? from = null;
        var to = 0;
        foreach (var (line, marked) in coverable)
        {
            if (marked)
            {
                from ??= line;
                to = line;
            }
            else if (from is { } start)
            {
                spans.Add(new LineSpan(start, to));
                from = null;
            }
        }

        if (from is { } last)
        {
            spans.Add(new LineSpan(last, to));
        }

        return spans;
    }
}
