using System;
using System.Collections.Generic;
using System.Linq;
using QualityGate.Baseline;
using QualityGate.Reports;

namespace QualityGate.Policy;

/// <summary>Groups the report's failing tests by root cause and counts root causes per category against the baseline.</summary>
internal static class RootCauseGrouping
{
    public static void Build(GateReport report, BaselineData? baseline)
    {
        var groups = new Dictionary<string, RootCauseResult>(StringComparer.Ordinal);
        foreach (var failure in report.Failures)
        {
            // Results files always carry a key now; a failure without one still counts, as its own cause per rule.
            var key = failure.RootCause ?? $"{failure.Category}|-|{failure.Name}";
            if (!groups.TryGetValue(key, out var group))
            {
                var at = key.IndexOf("|at ", StringComparison.Ordinal);
                var parts = key.Split(['|'], 3);
                groups[key] = group = new RootCauseResult(key, failure.Category)
                {
                    ExceptionType = failure.ExceptionType ?? (parts.Length == 3 && parts[1] != "-" ? parts[1] : null),
                    Frame = at >= 0 ? key.Substring(at + 4) : null,
                    Message = failure.Message,
                    File = failure.File,
                    Line = failure.Line,
                    Hint = failure.Hint,
                };
            }

            group.Tests.Add(failure.Name);
        }

        report.RootCauses.AddRange(groups.Values.OrderByDescending(g => g.Count).ThenBy(g => g.Key, StringComparer.Ordinal));
        foreach (var category in report.Categories)
        {
            var count = new RootCauseCount(category.Name, category.Count, report.RootCauses.Count(r => r.Category == category.Name));
            if (baseline?.RootCauses is { } recorded)
            {
                count.Baseline = recorded.TryGetValue(category.Name, out var before) ? before : 0;
            }

            report.RootCauseCounts.Add(count);
        }

        // Categories the baseline had root causes in and this run has none: fixed ones count too.
        if (baseline?.RootCauses is { } known)
        {
            foreach (var pair in known.Where(p => p.Value > 0 && report.RootCauseCounts.All(c => c.Category != p.Key)))
            {
                report.RootCauseCounts.Add(new RootCauseCount(pair.Key, 0, 0) { Baseline = pair.Value });
            }

            report.RootCauseCounts.Sort((a, b) => string.CompareOrdinal(a.Category, b.Category));
        }
    }
}
