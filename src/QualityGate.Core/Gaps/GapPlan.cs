using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace QualityGate.Gaps;

/// <summary>What a plan counts: coverable lines, branches (the spans then name the lines that hold them), or changed lines.</summary>
internal enum GapUnit
{
    Lines,
    Branches,
    ChangedLines,
}

/// <summary>One file of a plan: how much it still leaves open, how much of the gap it is asked to close, and where.</summary>
internal sealed class GapStep
{
    public GapStep(string path, int open, int take, IReadOnlyList<LineSpan> spans)
    {
        Path = path;
        Open = open;
        Take = take;
        Spans = spans;
    }

    /// <summary>Repository-relative, '/' separators.</summary>
    public string Path { get; }

    /// <summary>Uncovered lines (or branches) of the file.</summary>
    public int Open { get; }

    /// <summary>How many of them the plan counts on: all, except in the last file, which needs only the rest.</summary>
    public int Take { get; }

    /// <summary>Where the uncovered lines are (for branches: the lines with branches that never ran).</summary>
    public IReadOnlyList<LineSpan> Spans { get; }

    /// <summary>"PriceService.cs (20)", or "(37 of 500)" when only part of the file is needed.</summary>
    public string Brief() => $"{FileName} ({Count(Take)}{(Take < Open ? " of " + Count(Open) : string.Empty)})";

    public string FileName => Path.Substring(Path.LastIndexOf('/') + 1);

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// What closes a missed coverage target: how many more lines (or branches) must be covered, and the fewest files
/// whose uncovered lines reach that number, most uncovered first (see <see cref="GapPlanner"/>).
/// </summary>
internal sealed class GapPlan
{
    public const int FilesInSentence = 3;

    private const int SpansInMessage = 4;

    public GapPlan(GapUnit unit, int needed, IReadOnlyList<GapStep> steps)
    {
        Unit = unit;
        Needed = needed;
        Steps = steps;
    }

    public GapUnit Unit { get; }

    /// <summary>How many more lines (or branches) must become covered to meet the target.</summary>
    public int Needed { get; }

    /// <summary>The files, in the order to work on them.</summary>
    public IReadOnlyList<GapStep> Steps { get; }

    /// <summary>"cover 37 more lines", "cover 1 more branch".</summary>
    public string Goal() => $"cover {Needed.ToString(CultureInfo.InvariantCulture)} more {Noun(Needed)}";

    /// <summary>The console's line: "cover 37 more lines — start with PriceService.cs (20), then Cart.cs (17)".</summary>
    public string Summary()
    {
        if (Steps.Count == 0)
        {
            return Goal();
        }

        var text = $"{Goal()} — start with {Steps[0].Brief()}";
        if (Steps.Count > 1)
        {
            text += ", then " + string.Join(", ", Steps.Skip(1).Take(FilesInSentence - 1).Select(s => s.Brief()));
        }

        return Steps.Count > FilesInSentence ? $"{text} and {More(Steps.Count - FilesInSentence)}" : text;
    }

    /// <summary>
    /// The sentence a violation's message ends with, where the ranges fit: "To close it, cover 37 more lines:
    /// PriceService.cs 40–59, 73 (20); Cart.cs 12–28 (17)."
    /// </summary>
    public string Sentence()
    {
        var files = Steps.Take(FilesInSentence).Select(s => $"{s.FileName} {LineSpan.Format(s.Spans, SpansInMessage)} ({s.Take.ToString(CultureInfo.InvariantCulture)})");
        var more = Steps.Count > FilesInSentence ? $"; and {More(Steps.Count - FilesInSentence)} (see the report)" : string.Empty;
        return Steps.Count == 0 ? $"To close it, {Goal()}." : $"To close it, {Goal()}: {string.Join("; ", files)}{more}.";
    }

    public string Noun(int count) => Unit switch
    {
        GapUnit.Branches => count == 1 ? "branch" : "branches",
        GapUnit.ChangedLines => count == 1 ? "changed line" : "changed lines",
        _ => count == 1 ? "line" : "lines",
    };

    private static string More(int files) => $"{files.ToString(CultureInfo.InvariantCulture)} more file{(files == 1 ? string.Empty : "s")}";
}
