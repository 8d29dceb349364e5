using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using QualityGate.Baseline;
using QualityGate.Categorization;
using QualityGate.Coverage;
using QualityGate.Diagnostics;
using QualityGate.Reports;
using QualityGate.Results;

namespace QualityGate.Policy;

/// <summary>
/// Judges a run against the current phase. Input problems (no coverage where a target needs it, a layer that matches
/// nothing) throw coded errors; targets that are missed become violations in the report.
/// </summary>
public static class GateEvaluator
{
    public static GateReport Evaluate(GateInput input)
    {
        var config = input.Config;
        var phase = config.ResolvePhase(input.PhaseOverride);
        var raised = false;
        if (input.Baseline?.Phase is { } reached && config.IndexOf(reached) > config.IndexOf(phase?.Name))
        {
            // Once reached, a phase's targets hold, whatever phase the configuration (or an override) names now.
            phase = config.ResolvePhase(reached);
            raised = true;
        }

        var targets = phase?.Targets ?? new PhaseTargets();
        var report = new GateReport { Phase = phase?.Name, ConfigPath = config.Path, NextPhase = phase is null ? null : config.NextPhase(phase)?.Name };
        report.ResultsFiles.AddRange(input.Runs.Select(r => r.Path));

        CheckTrust(input.Runs, report);
        CheckTests(input.Runs, config, targets, report, phase?.Name, requireBudgets: input.Baseline is null);
        if (input.Coverage is { } coverage)
        {
            report.CoverageFiles.AddRange(coverage.Sources);
            CheckCoverage(coverage, config, targets, report, phase?.Name);
            CheckTestLayerCoverage(input, targets, report, phase?.Name);
        }
        else if (targets.NeedsCoverage())
        {
            throw new QualityGateException(
                DiagnosticCode.CoverageMissing,
                $"phase '{phase!.Name}' has coverage targets, but the run produced no coverage report. Collect coverage " +
                "(coverlet.collector with --collect \"XPlat Code Coverage\", or coverlet.msbuild with /p:CollectCoverage=true) " +
                "or pass the reports to the gate.",
                config.Path);
        }

        if (config.Baseline is { } settings)
        {
            BaselineComparer.Compare(report, input.Baseline, settings, input.Runs);
            if (raised)
            {
                report.Baseline!.Notes.Add($"Judged against {phase!.Name}, the phase the baseline records as reached; its targets hold even though the configuration names {config.ResolvePhase(input.PhaseOverride)?.Name ?? "an earlier one"}.");
            }
        }

        if (input.JudgeNextPhase && report.NextPhase is { } next)
        {
            var ahead = new GateInput(config, input.Runs)
            {
                PhaseOverride = next,
                Coverage = input.Coverage,
                CoverageByTestLayer = input.CoverageByTestLayer,
                Baseline = input.Baseline,
                JudgeNextPhase = false,
            };
            report.NextPhaseMet = Evaluate(ahead).Passed;
        }

        return report;
    }

    private static void CheckTrust(IReadOnlyList<RecordedRun> runs, GateReport report)
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

    private static void CheckTests(IReadOnlyList<RecordedRun> runs, Configuration.GateConfig config, PhaseTargets targets, GateReport report, string? phase, bool requireBudgets)
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

        report.MaxDurationSeconds = targets.MaxDurationSeconds;
        if (targets.MaxDurationSeconds is { } maxSeconds && report.DurationSeconds > maxSeconds)
        {
            report.Violations.Add(new Violation(
                DiagnosticCode.SuiteTooSlow,
                "duration",
                $"the suite took {report.DurationSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s > {maxSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s allowed by {phase}. See the slowest tests in the report."));
        }
    }

    private static void CheckCoverage(CoverageData coverage, Configuration.GateConfig config, PhaseTargets targets, GateReport report, string? phase)
    {
        var inAnyLayer = new HashSet<string>(StringComparer.Ordinal);
        foreach (var layer in config.Layers)
        {
            var files = coverage.Files.Values.Where(f => layer.Contains(f.Path)).ToList();
            if (files.Count == 0)
            {
                throw new QualityGateException(
                    DiagnosticCode.ConfigLayerMatchesNothing,
                    $"layer '{layer.Name}' matches no file of the coverage report (include: {string.Join(", ", layer.Include)}). " +
                    $"Globs are relative to {config.Directory}; files in the report look like: {string.Join(", ", coverage.Files.Keys.Take(3))}.",
                    config.Path);
            }

            foreach (var file in files)
            {
                inAnyLayer.Add(file.Path);
            }

            var result = Measure(layer.Name, files);
            var target = targets.Layers.TryGetValue(layer.Name, out var t) ? t : null;
            result.Target = target;
            report.Layers.Add(result);
            if (target is null)
            {
                continue;
            }

            Compare(result, target, phase, report);
            CheckFiles(config, layer.Name, files, target, phase, report, result);
            if (target.MaxUncoveredLines is { } maxUncovered && result.Lines.Valid - result.Lines.Covered > maxUncovered)
            {
                result.Met = false;
                report.Violations.Add(new Violation(
                    DiagnosticCode.TooManyUncoveredLines,
                    layer.Name,
                    $"{layer.Name}: {result.Lines.Valid - result.Lines.Covered} uncovered lines > {maxUncovered} allowed by {phase}."));
            }
        }

        foreach (var file in coverage.Files.Values.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            report.Files.Add(new FileResult(file.Path, new Ratio(file.CoveredLines, file.ValidLines), new Ratio(file.CoveredBranches, file.ValidBranches)));
        }

        var total = Measure("total", coverage.Files.Values.ToList());
        total.Target = targets.Total;
        report.Total = total;
        Compare(total, targets.Total, phase, report);
        if (config.Layers.Count > 0)
        {
            var unlayered = coverage.Files.Values.Where(f => !inAnyLayer.Contains(f.Path)).ToList();
            report.Unlayered = Measure("(unlayered)", unlayered);
        }
    }

    private static void CheckTestLayerCoverage(GateInput input, PhaseTargets targets, GateReport report, string? phase)
    {
        foreach (var layer in report.TestLayers)
        {
            if (layer.Target is not { IsEmpty: false } target)
            {
                continue;
            }

            if (!input.CoverageByTestLayer.TryGetValue(layer.Name, out var coverage))
            {
                throw new QualityGateException(
                    DiagnosticCode.CoverageMissing,
                    $"phase '{phase}' sets coverage targets for the {layer.Name} tests, but no coverage report came from a {layer.Name} test project.",
                    input.Config.Path);
            }

            var measured = Measure(layer.Name + " tests", coverage.Files.Values.ToList());
            layer.Lines = measured.Lines;
            layer.Branches = measured.Branches;
            Compare(measured, target, phase, report);
            layer.Met &= measured.Met;
        }
    }

    private static void CheckFiles(Configuration.GateConfig config, string layer, List<FileCoverage> files, LayerTarget target, string? phase, GateReport report, LayerResult result)
    {
        if (target.FileMinimum is not { } minimum)
        {
            return;
        }

        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var rate = file.ValidLines == 0 ? (double?)null : file.CoveredLines * 100.0 / file.ValidLines;
            if (rate is { } r && r < minimum)
            {
                result.Met = false;
                report.Violations.Add(new Violation(
                    DiagnosticCode.FileBelowMinimum,
                    layer,
                    $"{layer}: {file.Path} line coverage {Percent(r)} < {Percent(minimum)} per-file minimum of {phase} (gap {Points(minimum - r)}).")
                {
                    File = config.Directory is null ? file.Path : System.IO.Path.Combine(config.Directory, file.Path),
                });
            }
        }
    }

    private static void Compare(LayerResult result, CoverageTarget target, string? phase, GateReport report)
    {
        if (target.Line is { } line && result.Lines.Rate is { } lineRate && lineRate < line)
        {
            result.Met = false;
            report.Violations.Add(new Violation(
                DiagnosticCode.LineCoverageBelowTarget,
                result.Name,
                $"{result.Name}: line coverage {Percent(lineRate)} < {Percent(line)} required by {phase} (gap {Points(line - lineRate)}; {result.Lines.Covered}/{result.Lines.Valid} lines)."));
        }

        if (target.Branch is { } branch && result.Branches.Rate is { } branchRate && branchRate < branch)
        {
            result.Met = false;
            report.Violations.Add(new Violation(
                DiagnosticCode.BranchCoverageBelowTarget,
                result.Name,
                $"{result.Name}: branch coverage {Percent(branchRate)} < {Percent(branch)} required by {phase} (gap {Points(branch - branchRate)}; {result.Branches.Covered}/{result.Branches.Valid} branches)."));
        }
    }

    private static LayerResult Measure(string name, List<FileCoverage> files)
    {
        int coveredLines = 0, validLines = 0, coveredBranches = 0, validBranches = 0;
        foreach (var file in files)
        {
            coveredLines += file.CoveredLines;
            validLines += file.ValidLines;
            coveredBranches += file.CoveredBranches;
            validBranches += file.ValidBranches;
        }

        return new LayerResult(name, new Ratio(coveredLines, validLines), new Ratio(coveredBranches, validBranches), files.Count);
    }

    /// <summary>"88.4 %": one decimal, invariant. Rounds down, so a displayed value never claims a target it misses.</summary>
    public static string Percent(double value) =>
        (Math.Floor(value * 10) / 10).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private static string Points(double gap) => (Math.Ceiling(gap * 10) / 10).ToString("0.0", CultureInfo.InvariantCulture) + " pp";

    private static string Shorten(string text) => Recording.ConsoleText.OneLine(text, 200);
}
