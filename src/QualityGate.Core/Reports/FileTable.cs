using System;
using System.Collections.Generic;
using System.Linq;
using QualityGate.Baseline;

namespace QualityGate.Reports;

/// <summary>
/// The per-layer file table: each file's rate before (the baseline) and after (this run), in the order the story
/// reads — the largest change first, then the most uncovered lines, then by path.
/// </summary>
internal static class FileTable
{
    /// <summary>
    /// Whether the files have a before: a baseline whose coverage this run can be held to (not a project's slice of a
    /// solution's baseline, whose coverage is the whole solution's).
    /// </summary>
    public static bool HasBefore(GateReport report) => report.Baseline is { Exists: true, Slice: null };

    /// <summary>Sets each file's baseline rate and sorts every layer's rows (and the total's and the unlayered files').</summary>
    public static void Complete(GateReport report, BaselineData? baseline)
    {
        if (baseline is not null && HasBefore(report))
        {
            foreach (var file in report.Files)
            {
                if (baseline.Files.TryGetValue(file.Path, out var before))
                {
                    file.Before = before.Lines.Rate;
                }
            }
        }

        foreach (var layer in report.Layers.Append(report.Total).Concat([report.Unlayered]))
        {
            if (layer is null)
            {
                continue;
            }

            var sorted = Order(layer.FileRows).ToList();
            layer.FileRows.Clear();
            layer.FileRows.AddRange(sorted);
        }
    }

    /// <summary>Largest Δ first (a file without one, after those with one), then most uncovered lines, then path.</summary>
    public static IEnumerable<FileResult> Order(IEnumerable<FileResult> files) => files
        .OrderBy(f => f.Delta is null ? 1 : 0)
        .ThenByDescending(f => f.Delta ?? 0)
        .ThenByDescending(f => f.UncoveredLines)
        .ThenBy(f => f.Path, StringComparer.Ordinal);
}
