using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using QualityGate.Configuration;
using QualityGate.Diagnostics;
using QualityGate.Reports;
using QualityGate.Results;

namespace QualityGate.Baseline;

/// <summary>How to update the baseline.</summary>
internal sealed class BaselineUpdateOptions
{
    /// <summary>Accept changes that loosen the baseline (coverage down, a new known failure); needs a reason.</summary>
    public bool AllowLoosening { get; set; }

    /// <summary>Recorded in the baseline with any loosening, for review.</summary>
    public string? Reason { get; set; }

    /// <summary>Record the next phase as reached (only when all of its targets are met).</summary>
    public bool Promote { get; set; }

    public Func<DateTimeOffset> Clock { get; set; } = SystemClock.Now;
}

/// <summary>The new baseline and what changed.</summary>
internal sealed class BaselineUpdate
{
    public BaselineUpdate(BaselineData baseline, IReadOnlyList<string> loosened)
    {
        Baseline = baseline;
        Loosened = loosened;
    }

    public BaselineData Baseline { get; }

    public IReadOnlyList<string> Loosened { get; }

    /// <summary>Where it was written, once it was.</summary>
    public string? Path { get; set; }

    /// <summary>The judged run it was made from.</summary>
    public GateReport? Report { get; set; }
}

/// <summary>
/// Builds a new baseline from a judged run. Tightening (coverage up, failures fixed, a higher phase met) is always
/// allowed; loosening is refused unless asked for with a reason, which the baseline keeps.
/// </summary>
internal static class BaselineUpdater
{
    public static BaselineUpdate Update(BaselineData? old, GateReport report, GateConfig config, IReadOnlyList<RecordedRun> runs, BaselineUpdateOptions options)
    {
        var settings = config.Baseline ?? new BaselineSettings(BaselineSettings.DefaultFileName);
        var today = options.Clock().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var next = new BaselineData { Phase = Phase(old, report, config, options) };
        foreach (var run in runs)
        {
            next.Assemblies.Add(run.Assembly);
        }

        if (report.Total is { } total)
        {
            next.Total = new Measured(total.Lines, total.Branches);
        }

        foreach (var layer in report.Layers)
        {
            next.Layers[layer.Name] = new Measured(layer.Lines, layer.Branches);
        }

        foreach (var file in report.Files)
        {
            next.Files[file.Path] = new Measured(file.Lines, file.Branches);
        }

        next.Tests[BaselineFile.AllTests] = (report.TestsPassed, report.TestsFailed);
        foreach (var layer in report.TestLayers.Where(l => l.Passed + l.Failed > 0))
        {
            next.Tests[layer.Name] = (layer.Passed, layer.Failed);
        }

        foreach (var failure in report.Failures)
        {
            next.KnownFailures[failure.Key] = old is not null && old.KnownFailures.TryGetValue(failure.Key, out var known)
                ? known
                : new KnownFailure(failure.Key, failure.Category, today) { Assembly = failure.Assembly };
        }

        next.RootCauses = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var count in report.RootCauseCounts.Where(c => c.RootCauses > 0))
        {
            next.RootCauses[count.Category] = count.RootCauses;
        }

        var loosened = old is null ? [] : Loosenings(old, next, settings);
        if (old is not null)
        {
            next.Loosenings.AddRange(old.Loosenings);
        }

        if (loosened.Count > 0)
        {
            if (!options.AllowLoosening || string.IsNullOrWhiteSpace(options.Reason))
            {
                throw new QualityGateException(
                    DiagnosticCode.LooseningRefused,
                    $"the update would loosen the baseline: {string.Join("; ", loosened)}. Fix that, or accept it explicitly with " +
                    "--allow-loosening --reason \"why\" (MSBuild: QualityGateAllowLoosening=true, QualityGateBaselineReason); the reason is kept in the baseline for review.",
                    settings.Path);
            }

            next.Loosenings.Add(new Loosening(today, options.Reason!.Trim(), loosened));
        }

        return new BaselineUpdate(next, loosened);
    }

    private static string? Phase(BaselineData? old, GateReport report, GateConfig config, BaselineUpdateOptions options)
    {
        var phase = old?.Phase;
        if (report.Passed && config.IndexOf(report.Phase) > config.IndexOf(phase))
        {
            phase = report.Phase;
        }

        if (!options.Promote)
        {
            return phase;
        }

        if (report.NextPhase is null)
        {
            throw new QualityGateException(
                DiagnosticCode.PromotionRefused,
                $"there is no phase after {report.Phase ?? "(none)"} to promote to.",
                config.Path);
        }

        if (report.NextPhaseMet != true || !report.Passed)
        {
            throw new QualityGateException(
                DiagnosticCode.PromotionRefused,
                $"{report.NextPhase} cannot be recorded as reached: not all of its targets are met. See what is missing with 'dotnet gate check --phase {report.NextPhase}'.",
                config.Path);
        }

        return report.NextPhase;
    }

    private static List<string> Loosenings(BaselineData old, BaselineData next, BaselineSettings settings)
    {
        var loosened = new List<string>();
        void Coverage(string name, Measured before, Measured? after, double tolerance)
        {
            if (after is null)
            {
                return;
            }

            foreach (var (what, b, a) in new[] { ("lines", before.Lines.Rate, after.Lines.Rate), ("branches", before.Branches.Rate, after.Branches.Rate) })
            {
                if (Ratchet.Fell(b, a, tolerance) && b is { } was && a is { } now)
                {
                    loosened.Add($"{name} {what} {RateText.Percent(was)} → {RateText.Percent(now)}");
                }
            }
        }

        if (old.Total is { } total)
        {
            Coverage("total", total, next.Total, settings.Tolerance);
        }

        foreach (var pair in old.Layers)
        {
            Coverage($"layer {pair.Key}", pair.Value, next.Layers.TryGetValue(pair.Key, out var layer) ? layer : null, settings.Tolerance);
        }

        foreach (var pair in old.Files)
        {
            if (next.Files.TryGetValue(pair.Key, out var file) && file.Lines.Valid == pair.Value.Lines.Valid)
            {
                Coverage(pair.Key, pair.Value, file, settings.FileTolerance);
            }
        }

        foreach (var pair in old.Tests)
        {
            if (next.Tests.TryGetValue(pair.Key, out var counts) && BaselineData.PassRate(pair.Value) is { } was && BaselineData.PassRate(counts) is { } now && Ratchet.Fell(was, now, Ratchet.PassRateTolerance))
            {
                loosened.Add($"pass rate {(pair.Key == BaselineFile.AllTests ? "of all tests" : "of " + pair.Key)} {RateText.Percent(was)} → {RateText.Percent(now)}");
            }
        }

        foreach (var failure in next.KnownFailures.Values.Where(f => !old.KnownFailures.ContainsKey(f.Test)))
        {
            loosened.Add($"new known failure {failure.Test} ({failure.Category})");
        }

        return loosened;
    }
}
