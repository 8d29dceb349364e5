using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using QualityGate.Categorization;
using QualityGate.Diagnostics;
using QualityGate.Reports;
using QualityGate.Results;

namespace QualityGate.Policy;

/// <summary>The gate's checks of the tests: trust in the results, failure budgets, pass rates, duration.</summary>
internal static class TestChecks
{
    private const int SlowestListed = 5;

    internal static void CheckTrust(IReadOnlyList<RecordedRun> runs, GateReport report)
    {
        foreach (var run in runs)
        {
            if (run.Aborted)
            {
                report.Violations.Add(new Violation(
                    DiagnosticCode.RunNotTrustworthy,
                    run.Assembly,
                    $"{run.Assembly} ({run.TargetFramework}): the test run was aborted ({Shorten(run.AbortReason ?? "no reason given")}); " +
                    $"its results are incomplete. Fix the crash and run the tests again. Results: {run.Path}")
                {
                    Untrusted = true,
                });
            }

            CheckLostTests(run, report);
            foreach (var error in run.Errors.Where(e => e.StartsWith("QG", StringComparison.Ordinal)))
            {
                report.Violations.Add(new Violation(
                    DiagnosticCode.RunNotTrustworthy,
                    run.Assembly,
                    $"{run.Assembly} ({run.TargetFramework}): the run was recorded with a configuration error, so its categories are not yours: {Shorten(error)}")
                {
                    Untrusted = true,
                });
            }
        }
    }

    /// <summary>
    /// A framework that could not discover or run some tests says so in a run message and reports no result for them:
    /// the results that are there may all pass. One violation per run, with the first such message.
    /// </summary>
    private static void CheckLostTests(RecordedRun run, GateReport report)
    {
        var lost = run.Errors.Where(Recording.LostTests.IsLoss).ToList();
        if (lost.Count == 0)
        {
            return;
        }

        var more = lost.Count == 1 ? string.Empty : $" (and {lost.Count - 1} more such message{(lost.Count == 2 ? string.Empty : "s")})";
        report.Violations.Add(new Violation(
            DiagnosticCode.RunNotTrustworthy,
            run.Assembly,
            $"{run.Assembly} ({run.TargetFramework}): the test framework lost tests: it reported \"{Shorten(Recording.FrameworkNoise.WithoutXunitPrefix(lost[0]))}\"{more}, " +
            $"and the tests it could not discover or run have no result, so the results are no evidence. {Recording.LostTests.WhatToDo(lost[0])} Results: {run.Path}")
        {
            File = run.Path,
            Untrusted = true,
        });
    }

    internal static void CheckTests(IReadOnlyList<RecordedRun> runs, Configuration.GateConfig config, PhaseTargets targets, GateReport report, string? phase, bool requireBudgets)
    {
        var layers = config.TestLayers.ToDictionary(l => l.Name, l => new TestLayerResult(l.Name) { Target = targets.TestLayers.TryGetValue(l.Name, out var t) ? t : null });
        var categories = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var run in runs)
        {
            report.DurationSeconds += run.DurationMs / 1000;
            foreach (var test in run.Tests)
            {
                report.TestsTotal++;
                // Recorded without a test layer (no configuration when the tests ran, as before 'dotnet gate init'):
                // the configuration judged now places it by its project.
                var layerName = test.TestLayer ?? Configuration.TestLayer.Resolve(config.TestLayers, run.Assembly, []);
                var layer = layerName is not null && layers.TryGetValue(layerName, out var l) ? l : null;
                switch (test.Outcome)
                {
                    case TestOutcome.Passed:
                        report.TestsPassed++;
                        if (layer is not null) { layer.Passed++; }
                        break;
                    case TestOutcome.Failed:
                        report.TestsFailed++;
                        if (layer is not null) { layer.Failed++; }
                        var category = test.Category ?? Categories.Error;
                        categories.TryGetValue(category, out var count);
                        categories[category] = count + 1;
                        report.Failures.Add(new FailedTest(test.DisplayName, category)
                        {
                            Key = test.Key,
                            Assembly = run.Assembly,
                            Hint = test.Hint,
                            Message = test.Message,
                            RootCause = test.RootCause,
                            ExceptionType = test.ExceptionType,
                            File = test.Location?.File,
                            Line = test.Location?.Line,
                        });
                        break;
                    case TestOutcome.Skipped:
                        report.TestsSkipped++;
                        if (layer is not null) { layer.Skipped++; }
                        break;
                }
            }
        }

        CheckExecuted(runs, config, report, phase);
        foreach (var pair in categories)
        {
            var budget = targets.MaxFailures.TryGetValue(pair.Key, out var b) ? b : (int?)null;
            var result = new CategoryResult(pair.Key, pair.Value, budget);
            report.Categories.Add(result);
            var first = report.Failures.First(f => f.Category == pair.Key);
            if (budget is { } max && pair.Value > max)
            {
                result.Met = false;
                report.Violations.Add(new Violation(
                    DiagnosticCode.CategoryOverBudget,
                    pair.Key,
                    $"{pair.Key}: {pair.Value} failing test{(pair.Value == 1 ? string.Empty : "s")} > {max} allowed by {phase} (over by {pair.Value - max}). Fix {(pair.Value == 1 ? "it" : "them, starting with the list in the report")}.")
                {
                    File = first.File,
                    Line = first.Line,
                });
            }
            else if (budget is null && pair.Key != Categories.Legacy && requireBudgets)
            {
                // Failing tests are allowed only where the plan gives them a budget; legacy failures are the plan's to carry.
                // With a baseline, the baseline decides instead: known failures pass, new ones fail (QG5003).
                result.Met = false;
                report.Violations.Add(new Violation(
                    DiagnosticCode.FailuresNotAllowed,
                    pair.Key,
                    $"{pair.Key}: {pair.Value} failing test{(pair.Value == 1 ? string.Empty : "s")}, and {(phase is null ? "no phase is configured" : $"{phase} gives '{pair.Key}' no budget")}. " +
                    $"Fix {(pair.Value == 1 ? "it" : "them")}, or allow them with phases[{phase ?? "…"}].maxFailures.{pair.Key}.")
                {
                    File = first.File,
                    Line = first.Line,
                });
            }
        }

        report.PassRateTarget = targets.PassRate;
        CheckPassRates(targets, report, phase, config.Evidence, layers.Values);
        CheckDuration(runs, targets, report, phase, config.Evidence);
    }

    /// <summary>A run that executed no test is no evidence for anything, however its targets read.</summary>
    private static void CheckExecuted(IReadOnlyList<RecordedRun> runs, Configuration.GateConfig config, GateReport report, string? phase)
    {
        if (report.TestsPassed + report.TestsFailed > 0 || config.Evidence.AllowNoTests)
        {
            return;
        }

        var recorded = report.TestsTotal == 0
            ? "no test result was recorded"
            : $"its {report.TestsTotal} results are all skipped or not run ({report.TestsSkipped} skipped)";
        report.Violations.Add(new Violation(
            DiagnosticCode.NoTestsExecuted,
            "tests",
            $"no test was executed: {recorded}, so this run is no evidence for {phase ?? "any target"}. Check the --filter and " +
            "why tests are skipped; a suite that legitimately runs nothing opts out with \"evidence\": { \"allowNoTests\": true }.")
        {
            File = runs.Count > 0 ? runs[0].Path : null,
            Untrusted = true,
        });
    }

    private static void CheckPassRates(PhaseTargets targets, GateReport report, string? phase, Configuration.EvidenceSettings evidence, IEnumerable<TestLayerResult> layers)
    {
        if (targets.PassRate is { } required && report.PassRate is { } rate && rate < required)
        {
            report.Violations.Add(new Violation(
                DiagnosticCode.PassRateBelowTarget,
                "tests",
                $"pass rate {RateText.Percent(rate)} < {RateText.Percent(required)} required by {phase} (gap {RateText.Gap(required - rate)}): {report.TestsFailed} of {report.TestsPassed + report.TestsFailed} tests {(report.TestsFailed == 1 ? "fails" : "fail")}."));
        }

        foreach (var layer in layers)
        {
            report.TestLayers.Add(layer);
            if (layer.Target?.PassRate is { } layerMissing && layer.PassRate is null && !evidence.MayMiss(Configuration.EvidenceSettings.TestLayer))
            {
                layer.Met = false;
                report.Violations.Add(new Violation(
                    DiagnosticCode.MeasureMissing,
                    layer.Name,
                    $"{layer.Name} tests: {phase} requires a pass rate ≥ {RateText.Percent(layerMissing)}, and no {layer.Name} test was executed, so nothing shows it is met. " +
                    $"Check which tests belong to {layer.Name} (testLayers.{layer.Name}), or allow it with \"evidence\": {{ \"allowMissing\": [\"testLayer\"] }}."));
            }
            else if (layer.Target?.PassRate is { } layerRequired && layer.PassRate is { } layerRate && layerRate < layerRequired)
            {
                layer.Met = false;
                report.Violations.Add(new Violation(
                    DiagnosticCode.PassRateBelowTarget,
                    layer.Name,
                    $"{layer.Name} tests: pass rate {RateText.Percent(layerRate)} < {RateText.Percent(layerRequired)} required by {phase} (gap {RateText.Gap(layerRequired - layerRate)})."));
            }
        }
    }

    private static void CheckDuration(IReadOnlyList<RecordedRun> runs, PhaseTargets targets, GateReport report, string? phase, Configuration.EvidenceSettings evidence)
    {
        report.SlowestTests.AddRange(runs.SelectMany(r => r.Tests)
            .OrderByDescending(t => t.DurationMs).ThenBy(t => t.DisplayName, StringComparer.Ordinal)
            .Take(SlowestListed).Select(t => (t.DisplayName, t.DurationMs)));
        report.MaxDurationSeconds = targets.MaxDurationSeconds;
        if (targets.MaxDurationSeconds is { } limit && report.DurationSeconds <= 0 && !evidence.MayMiss(Configuration.EvidenceSettings.Duration))
        {
            report.Violations.Add(new Violation(
                DiagnosticCode.MeasureMissing,
                "duration",
                $"{phase} limits the suite to {limit.ToString("0.#", CultureInfo.InvariantCulture)} s, and the results record no duration, so nothing shows it is met. " +
                "Judge results files the gate logger wrote, or allow it with \"evidence\": { \"allowMissing\": [\"duration\"] }."));
        }
        else if (targets.MaxDurationSeconds is { } maxSeconds && report.DurationSeconds > maxSeconds)
        {
            report.Violations.Add(new Violation(
                DiagnosticCode.SuiteTooSlow,
                "duration",
                $"the suite took {report.DurationSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s > {maxSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s allowed by {phase}. See the slowest tests in the report."));
        }
    }


    private static string Shorten(string text) => Recording.ConsoleText.OneLine(text, 200);

}
