using System;
using System.Collections.Generic;
using QualityGate.Reports;

namespace QualityGate.History;

/// <summary>One gate run, compactly: enough to draw the trend of each layer, the pass rate and the failure categories.</summary>
internal sealed class HistoryRecord
{
    public HistoryRecord(DateTimeOffset time)
    {
        Time = time.ToUniversalTime();
    }

    /// <summary>When the gate ran, UTC.</summary>
    public DateTimeOffset Time { get; }

    /// <summary>The commit judged (GITHUB_SHA, BUILD_SOURCEVERSION or given), when known.</summary>
    public string? Commit { get; set; }

    public string? Phase { get; set; }

    public bool Passed { get; set; }

    /// <summary>Line coverage per source layer, in percent, in the report's order.</summary>
    public List<KeyValuePair<string, double>> Layers { get; } = [];

    public double? TotalLine { get; set; }

    public double? TotalBranch { get; set; }

    public double? PassRate { get; set; }

    public int TestsPassed { get; set; }

    public int TestsFailed { get; set; }

    public int TestsSkipped { get; set; }

    /// <summary>Failing tests per category, sorted by category.</summary>
    public SortedDictionary<string, int> Categories { get; } = new(StringComparer.Ordinal);

    /// <summary>The record of a report. Rates are cut (not rounded) to two decimals, like the reports' figures.</summary>
    public static HistoryRecord From(GateReport report, DateTimeOffset time, string? commit)
    {
        var record = new HistoryRecord(time)
        {
            Commit = commit,
            Phase = report.Phase,
            Passed = report.Passed,
            TotalLine = Cut(report.Total?.Lines.Rate),
            TotalBranch = Cut(report.Total?.Branches.Rate),
            PassRate = Cut(report.PassRate),
            TestsPassed = report.TestsPassed,
            TestsFailed = report.TestsFailed,
            TestsSkipped = report.TestsSkipped,
        };
        foreach (var layer in report.Layers)
        {
            if (Cut(layer.Lines.Rate) is { } rate)
            {
                record.Layers.Add(new KeyValuePair<string, double>(layer.Name, rate));
            }
        }

        foreach (var category in report.Categories)
        {
            record.Categories[category.Name] = category.Count;
        }

        return record;
    }

    /// <summary>The line rate of a layer, or of the total for "total"; null when the record does not have it.</summary>
    public double? LineRate(string layer)
    {
        foreach (var pair in Layers)
        {
            if (pair.Key == layer)
            {
                return pair.Value;
            }
        }

        return layer == "total" ? TotalLine : null;
    }

    private static double? Cut(double? rate) => rate is { } r ? Math.Floor(r * 100) / 100 : null;
}
