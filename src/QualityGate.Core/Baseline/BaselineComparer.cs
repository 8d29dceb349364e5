using System;
using System.Collections.Generic;
using System.Linq;
using QualityGate.Diagnostics;
using QualityGate.Reports;
using QualityGate.Results;

namespace QualityGate.Baseline;

/// <summary>
/// The ratchet: compares a judged run with the committed baseline. Coverage may not fall beyond the tolerance, pass
/// rates may not fall, and a failing test the baseline does not know fails the build whatever the category budget.
/// </summary>
internal static class BaselineComparer
{
    private const int MaxNewFailureViolations = 20;
    private const int FilesListed = 5;

    public static void Compare(GateReport report, BaselineData? baseline, BaselineSettings settings, IReadOnlyList<RecordedRun> runs)
    {
        var comparison = new BaselineComparison(settings.Path) { Exists = baseline is not null, Phase = baseline?.Phase };
        report.Baseline = comparison;
        if (baseline is null)
        {
            if (settings.Required)
            {
                throw new QualityGateException(
                    DiagnosticCode.BaselineMissing,
                    "the configuration requires a baseline and there is none. Record one with 'dotnet gate baseline' " +
                    "(or 'dotnet test -p:QualityGateUpdateBaseline=true') and commit it.",
                    settings.Path);
            }

            comparison.Notes.Add($"No baseline yet at {settings.Path}: this run is judged on the phase's targets alone. " +
                                 "Record one with 'dotnet gate baseline' and commit it to start the ratchet.");
            return;
        }

        comparison.Notes.AddRange(baseline.Notes);
        comparison.Slice = Slice(baseline, settings, runs);
        if (comparison.Slice is { } slice)
        {
            // A project's gate with the solution's baseline: its coverage is a part of the solution's union and its
            // pass rate one project's, so only the failures are its own to compare; the solution gate holds the rest.
            comparison.Notes.Add(
                $"Judged against this project's slice of the solution's baseline ({string.Join(", ", slice)} of {baseline.Assemblies.Count} test assemblies): " +
                "its known failures count here; coverage and pass rates are held by the solution's gate ('dotnet gate check').");
            CompareFailures(report, baseline, runs, comparison);
            return;
        }

        CompareCoverage(report, baseline, settings, comparison);
        ComparePassRates(report, baseline, comparison);
        CompareFailures(report, baseline, runs, comparison);
    }

    /// <summary>
    /// The run's assemblies when they are a part of the baseline's (a project's gate with the solution's baseline),
    /// null when they are all of them; anything else cannot be compared.
    /// </summary>
    private static SortedSet<string>? Slice(BaselineData baseline, BaselineSettings settings, IReadOnlyList<RecordedRun> runs)
    {
        var current = new SortedSet<string>(runs.Select(r => r.Assembly), StringComparer.Ordinal);
        if (baseline.Assemblies.Count == 0 || baseline.Assemblies.SetEquals(current))
        {
            return null;
        }

        if (current.Count > 0 && current.IsProperSubsetOf(baseline.Assemblies))
        {
            return current;
        }

        {
            throw new QualityGateException(
                DiagnosticCode.BaselineScopeMismatch,
                $"the baseline was recorded from the test assemblies {string.Join(", ", baseline.Assemblies)}, but this run has " +
                $"{string.Join(", ", current)}, which the baseline does not know: record the baseline again with 'dotnet gate baseline' for the whole solution, " +
                "or give each test project its own baseline (QualityGateBaselineFile, or \"baseline\": { \"path\" } in its own qualitygate.json).",
                settings.Path);
        }
    }

    private static void CompareCoverage(GateReport report, BaselineData baseline, BaselineSettings settings, BaselineComparison comparison)
    {
        var current = report.Layers.ToDictionary(l => l.Name, l => l, StringComparer.Ordinal);
        foreach (var pair in baseline.Layers)
        {
            if (!current.TryGetValue(pair.Key, out var layer))
            {
                comparison.Notes.Add($"Layer '{pair.Key}' is in the baseline but not measured now; it is dropped at the next update.");
                continue;
            }

            Compare(pair.Key, pair.Value, layer.Lines, layer.Branches, settings.Tolerance, report, comparison, DiagnosticCode.CoverageFell, null);
        }

        if (baseline.Total is { } total && report.Total is { } now)
        {
            Compare("total", total, now.Lines, now.Branches, settings.Tolerance, report, comparison, DiagnosticCode.CoverageFell, null);
        }

        var files = report.Files.ToDictionary(f => f.Path, f => f, StringComparer.Ordinal);
        var changes = new List<Change>();
        foreach (var pair in baseline.Files)
        {
            // A file whose coverable lines changed was edited: its rate is not comparable, so it is not held to it.
            if (files.TryGetValue(pair.Key, out var file) && file.Lines.Valid == pair.Value.Lines.Valid)
            {
                var change = new Change(pair.Key, pair.Value.Lines.Rate, file.Lines.Rate);
                changes.Add(change);
                if (Ratchet.Fell(change.Before, change.After, settings.FileTolerance) && change.Delta is { } delta)
                {
                    report.Violations.Add(new Violation(
                        DiagnosticCode.FileCoverageFell,
                        pair.Key,
                        $"{pair.Key}: line coverage fell {RateText.Percent(change.Before)} → {RateText.Percent(change.After)} ({RateText.Change(delta)}; tolerance {RateText.Points(settings.FileTolerance)}). " +
                        "Cover it again, or accept the loss with 'dotnet gate baseline --allow-loosening --reason \"…\"'.")
                    {
                        File = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(settings.Path)!, pair.Key),
                    });
                }
            }
        }

        comparison.FilesGained.AddRange(changes.Where(c => c.Delta > 0).OrderByDescending(c => c.Delta).ThenBy(c => c.Name, StringComparer.Ordinal).Take(FilesListed));
        comparison.FilesLost.AddRange(changes.Where(c => c.Delta < 0).OrderBy(c => c.Delta).ThenBy(c => c.Name, StringComparer.Ordinal).Take(FilesListed));
    }

    private static void Compare(string name, Measured before, Ratio lines, Ratio branches, double tolerance, GateReport report, BaselineComparison comparison, string code, string? file)
    {
        var change = new Change(name, before.Lines.Rate, lines.Rate);
        comparison.Layers.Add(change);
        foreach (var (what, was, now) in new[] { ("line", before.Lines.Rate, lines.Rate), ("branch", before.Branches.Rate, branches.Rate) })
        {
            if (Ratchet.Fell(was, now, tolerance) && was is { } b && now is { } a)
            {
                report.Violations.Add(new Violation(
                    code,
                    name,
                    $"{name}: {what} coverage fell {RateText.Percent(b)} → {RateText.Percent(a)} ({RateText.Change(a - b)}; tolerance {RateText.Points(tolerance)}) since the baseline. " +
                    "Add the tests back, or accept the loss with 'dotnet gate baseline --allow-loosening --reason \"…\"'.")
                {
                    File = file,
                });
            }
        }
    }

    private static void ComparePassRates(GateReport report, BaselineData baseline, BaselineComparison comparison)
    {
        foreach (var pair in baseline.Tests)
        {
            var before = BaselineData.PassRate(pair.Value);
            var layer = pair.Key == BaselineFile.AllTests ? null : report.TestLayers.FirstOrDefault(l => l.Name == pair.Key);
            if (pair.Key != BaselineFile.AllTests && layer is null)
            {
                comparison.Notes.Add($"Test layer '{pair.Key}' is in the baseline but not in this run; it is dropped at the next update.");
                continue;
            }

            var after = layer is null ? report.PassRate : layer.PassRate;
            var name = layer is null ? "all tests" : $"{layer.Name} tests";
            comparison.PassRates.Add(new Change(name, before, after));
            if (Ratchet.Fell(before, after, Ratchet.PassRateTolerance) && before is { } b && after is { } a)
            {
                report.Violations.Add(new Violation(
                    DiagnosticCode.PassRateFell,
                    name,
                    $"{name}: pass rate fell {RateText.Percent(b)} → {RateText.Percent(a)} since the baseline. Fix the new failures listed in the report."));
            }
        }
    }

    private static void CompareFailures(GateReport report, BaselineData baseline, IReadOnlyList<RecordedRun> runs, BaselineComparison comparison)
    {
        var outcomes = new Dictionary<string, TestOutcome>(StringComparer.Ordinal);
        foreach (var test in runs.SelectMany(r => r.Tests))
        {
            // A test that failed anywhere (one framework, one shard) counts as failing.
            outcomes[test.Key] = outcomes.TryGetValue(test.Key, out var seen) && seen == TestOutcome.Failed ? seen : test.Outcome;
        }

        foreach (var failure in report.Failures)
        {
            if (baseline.KnownFailures.ContainsKey(failure.Key))
            {
                comparison.KnownFailures.Add(failure);
            }
            else
            {
                comparison.NewFailures.Add(failure);
            }
        }

        foreach (var known in baseline.KnownFailures.Values)
        {
            if (comparison.Slice is { } slice && !(known.Assembly is { } assembly && slice.Contains(assembly)))
            {
                continue; // another project's failure: not this gate's to call gone
            }

            if (!outcomes.TryGetValue(known.Test, out var outcome))
            {
                comparison.GoneFailures.Add(known.Test);
            }
            else if (outcome == TestOutcome.Passed)
            {
                comparison.FixedFailures.Add(new FailedTest(known.Test, known.Category));
            }
        }

        foreach (var failure in comparison.NewFailures.Take(MaxNewFailureViolations))
        {
            report.Violations.Add(new Violation(
                DiagnosticCode.NewFailure,
                failure.Category,
                $"new failing test ({failure.Category}): {failure.Name} — the baseline does not know it, so it fails the build whatever the budget. {failure.Hint}".TrimEnd())
            {
                File = failure.File,
                Line = failure.Line,
            });
        }

        if (comparison.NewFailures.Count > MaxNewFailureViolations)
        {
            report.Violations.Add(new Violation(
                DiagnosticCode.NewFailure,
                "tests",
                $"… and {comparison.NewFailures.Count - MaxNewFailureViolations} more new failing test{(comparison.NewFailures.Count - MaxNewFailureViolations == 1 ? string.Empty : "s")} (all are listed in the report)."));
        }
    }


}
