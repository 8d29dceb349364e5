using System.Collections.Generic;
using System.Linq;
using QualityGate.Coverage;
using QualityGate.Gaps;

namespace QualityGate.Reports;

/// <summary>How a coverable line fared: it ran, it did not, or it ran while some of its branches did not.</summary>
internal enum LineMark : byte
{
    Covered,
    Uncovered,
    Partial,
}

/// <summary>One source file's coverage: its counts, the baseline's rate, and which lines ran.</summary>
internal sealed class FileResult
{
    private readonly int[] _lines;
    private readonly LineMark[] _marks;

    public FileResult(string path, Ratio lines, Ratio branches)
        : this(path, lines, branches, [], [])
    {
    }

    private FileResult(string path, Ratio lines, Ratio branches, int[] numbers, LineMark[] marks)
    {
        Path = path;
        Lines = lines;
        Branches = branches;
        _lines = numbers;
        _marks = marks;
        Uncovered = LineSpan.Runs(Marked().Select(m => (m.Line, m.Mark == LineMark.Uncovered)));
    }

    /// <summary>Relative to the configuration's folder, '/' separators.</summary>
    public string Path { get; }

    public Ratio Lines { get; }

    public Ratio Branches { get; }

    /// <summary>The runs of uncovered lines ("40–59, 73"); a blank or comment line does not break a run.</summary>
    public IReadOnlyList<LineSpan> Uncovered { get; }

    public int UncoveredLines => Lines.Valid - Lines.Covered;

    /// <summary>The baseline's line rate of the file; null when the baseline does not have it (or there is none).</summary>
    public double? Before { get; set; }

    public double? Delta => Before is { } before && Lines.Rate is { } after ? after - before : null;

    /// <summary>Every coverable line with its mark, in line order.</summary>
    public IEnumerable<(int Line, LineMark Mark)> Marked()
    {
        for (var i = 0; i < _lines.Length; i++)
        {
            yield return (_lines[i], _marks[i]);
        }
    }

    public static FileResult From(FileCoverage file)
    {
        var numbers = new int[file.ValidLines];
        var marks = new LineMark[file.ValidLines];
        var i = 0;
        foreach (var pair in file.Lines)
        {
            numbers[i] = pair.Key;
            marks[i] = !pair.Value.IsCovered ? LineMark.Uncovered : pair.Value.BranchesCovered < pair.Value.BranchesValid ? LineMark.Partial : LineMark.Covered;
            i++;
        }

        return new FileResult(file.Path, new Ratio(file.CoveredLines, file.ValidLines), new Ratio(file.CoveredBranches, file.ValidBranches), numbers, marks);
    }
}
