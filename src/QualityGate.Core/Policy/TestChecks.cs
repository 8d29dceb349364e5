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
                    $"its results are incomplete. Fix the crash and run the tests again. Results: {run.Path}"));
            }

            foreach (var error in run.Errors.Where(e => e.StartsWith("QG", StringComparison.Ordinal)))
            {
                report.Violations.Add(new Violation(
                    DiagnosticCode.RunNotTrustworthy,
                    run.Assembly,
                    $"{run.Assembly} ({run.TargetFramework}): the run was recorded with a configuration error, so its categories are not yours: {Shorten(error)}"));
            }
        }
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
                var layer = test.TestLayer is not null && layers.TryGetValue(test.TestLayer, out var l) ? l : null;
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
                            Hint = test.Hint,
                            Message = test.Message,
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
                    $"{pair.Key}: {pair.Value} failing tests > {max} allowed by {phase} (over by {pair.Value - max}). Fix them, starting with the list in the report.")
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
        if (targets.PassRate is { } required && report.PassRate is { } rate && rate < required)
        {
            report.Violations.Add(new Violation(
                DiagnosticCode.PassRateBelowTarget,
                "tests",
                $"pass rate {Percent(rate)} < {Percent(required)} required by {phase} (gap {Points(required - rate)}): {report.TestsFailed} of {report.TestsPassed + report.TestsFailed} tests fail."));
        }

        foreach (var layer in layers.Values)
        {
            report.TestLayers.Add(layer);
            if (layer.Target?.PassRate is { } layerRequired && layer.PassRate is { } layerRate && layerRate < layerRequired)
            {
                layer.Met = false;
                report.Violations.Add(new Violation(
                    DiagnosticCode.PassRateBelowTarget,
                    layer.Name,
                    $"{layer.Name} tests: pass rate {Percent(layerRate)} < {Percent(layerRequired)} required by {phase} (gap {Points(layerRequired - layerRate)})."));
            }
        }

        report.SlowestTests.AddRange(runs.SelectMany(r => r.Tests)
            .OrderByDescending(t => t.DurationMs).ThenBy(t => t.DisplayName, StringComparer.Ordinal)
            .Take(SlowestListed).Select(t => (t.DisplayName, t.DurationMs)));
        report.MaxDurationSeconds = targets.MaxDurationSeconds;
        if (targets.MaxDurationSeconds is { } maxSeconds && report.DurationSeconds > maxSeconds)
        {
            report.Violations.Add(new Violation(
                DiagnosticCode.SuiteTooSlow,
                "duration",
                $"the suite took {report.DurationSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s > {maxSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s allowed by {phase}. See the slowest tests in the report."));
        }
    }

    private static string Percent(double value) => GateEvaluator.Percent(value);

    private static string Shorten(string text) => Recording.ConsoleText.OneLine(text, 200);

    private static string Points(double gap) => GateEvaluator.Points(gap);
}
