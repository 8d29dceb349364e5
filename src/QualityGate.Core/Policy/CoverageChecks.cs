using System;
using System.Collections.Generic;
using System.Linq;
using QualityGate.Coverage;
using QualityGate.Diagnostics;
using QualityGate.Gaps;
using QualityGate.Reports;

namespace QualityGate.Policy;

/// <summary>The gate's checks of coverage: layers, the total, files, and the coverage of each test layer.</summary>
internal static class CoverageChecks
{
    internal static void CheckCoverage(CoverageData coverage, Configuration.GateConfig config, PhaseTargets targets, GateReport report, string? phase)
    {
        CheckBelongs(coverage, config, targets);
        var inAnyLayer = new HashSet<string>(StringComparer.Ordinal);
        var rows = new Dictionary<string, FileResult>(StringComparer.Ordinal);
        foreach (var file in coverage.Files.Values.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var row = FileResult.From(file);
            rows.Add(file.Path, row);
            report.Files.Add(row);
        }

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
            result.FileRows.AddRange(files.Select(f => rows[f.Path]));
            var target = targets.Layers.TryGetValue(layer.Name, out var t) ? t : null;
            result.Target = target;
            report.Layers.Add(result);
            if (target is null)
            {
                continue;
            }

            Compare(result, target, phase, report, config.Evidence, files);
            CheckFiles(config, layer.Name, files, target, phase, report, result);
            if (target.MaxUncoveredLines is { } maxUncovered && result.Lines.Valid - result.Lines.Covered > maxUncovered)
            {
                result.Met = false;
                var uncovered = result.Lines.Valid - result.Lines.Covered;
                var plan = GapPlanner.Plan(GapUnit.Lines, uncovered - maxUncovered, files.Select(GapCandidate.Lines));
                report.Violations.Add(new Violation(
                    DiagnosticCode.TooManyUncoveredLines,
                    layer.Name,
                    $"{layer.Name}: {uncovered} uncovered lines > {maxUncovered} allowed by {phase}. {plan.Sentence()}")
                {
                    Plan = plan,
                });
            }
        }

        var all = coverage.Files.Values.ToList();
        var total = Measure("total", all);
        total.Target = targets.Total;
        total.FileRows.AddRange(report.Files);
        report.Total = total;
        Compare(total, targets.Total, phase, report, config.Evidence, all);
        if (config.Layers.Count > 0)
        {
            var unlayered = all.Where(f => !inAnyLayer.Contains(f.Path)).ToList();
            report.Unlayered = Measure("(unlayered)", unlayered);
            report.Unlayered.FileRows.AddRange(unlayered.Select(f => rows[f.Path]));
        }
    }

    // A report none of whose files lies in this repository measured another code base: judging a target on it
    // would pass or fail on someone else's tests (a stale report of another checkout, a foreign artifact).
    private static void CheckBelongs(CoverageData coverage, Configuration.GateConfig config, PhaseTargets targets)
    {
        if (coverage.Files.Count == 0 || (config.Layers.Count == 0 && !targets.NeedsCoverage())
            || coverage.Files.Keys.Any(path => !PathMapper.IsOutside(path)))
        {
            return;
        }

        throw new QualityGateException(
            DiagnosticCode.CoverageForeignRepository,
            $"none of the {coverage.Files.Count} files of the coverage report{(coverage.Sources.Count == 1 ? string.Empty : "s")} "
            + $"({string.Join(", ", coverage.Sources)}) belongs to this repository ({config.Directory ?? "the start folder"}): neither "
            + $"under it nor matching one of its files by more than the file name (e.g. {coverage.Files.Keys.OrderBy(k => k, StringComparer.Ordinal).First()}). "
            + "The report measured another code base or checkout; run the tests here with coverage, or pass --repo-root.",
            config.Path);
    }

    internal static void CheckPatch(Patch.PatchResult patch, PhaseTargets targets, GateReport report, string? phase)
    {
        report.Patch = patch;
        report.PatchTarget = targets.PatchLine;
        if (targets.PatchLine is { } required && patch.Lines.Rate is { } rate && rate < required)
        {
            var first = patch.Uncovered.Count > 0 ? patch.Uncovered[0] : null;
            var plan = GapPlanner.Plan(
                GapUnit.ChangedLines,
                GapPlanner.Needed(patch.Lines.Covered, patch.Lines.Valid, required),
                patch.Uncovered.GroupBy(r => r.File, StringComparer.Ordinal)
                    .Select(g => new GapCandidate(g.Key, g.Sum(r => r.To - r.From + 1), g.Select(r => new LineSpan(r.From, r.To)).ToList())));
            report.Violations.Add(new Violation(
                DiagnosticCode.PatchCoverageBelowTarget,
                "patch",
                $"changed lines: {patch.Lines.Covered} of {patch.Lines.Valid} covered ({RateText.Percent(rate)}) < {RateText.Percent(required)} required by {phase} (gap {RateText.Gap(required - rate)}). " +
                $"Uncovered: {string.Join(", ", patch.Uncovered.Take(10))}{(patch.Uncovered.Count > 10 ? $" and {patch.Uncovered.Count - 10} more" : string.Empty)}. " +
                plan.Sentence())
            {
                File = first?.File,
                Line = first?.From,
                Plan = plan,
            });
        }
    }

    internal static void CheckTestLayerCoverage(GateInput input, PhaseTargets targets, GateReport report, string? phase)
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

            var files = coverage.Files.Values.ToList();
            var measured = Measure(layer.Name + " tests", files);
            layer.Lines = measured.Lines;
            layer.Branches = measured.Branches;
            Compare(measured, target, phase, report, input.Config.Evidence, files);
            layer.Met &= measured.Met;
        }
    }

    internal static void CheckFiles(Configuration.GateConfig config, string layer, List<FileCoverage> files, LayerTarget target, string? phase, GateReport report, LayerResult result)
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
                var plan = GapPlanner.ForLines([file], minimum);
                report.Violations.Add(new Violation(
                    DiagnosticCode.FileBelowMinimum,
                    layer,
                    $"{layer}: {file.Path} line coverage {RateText.Percent(r)} < {RateText.Percent(minimum)} per-file minimum of {phase} (gap {RateText.Gap(minimum - r)}). {plan.Sentence()}")
                {
                    File = config.Directory is null ? file.Path : System.IO.Path.Combine(config.Directory, file.Path),
                    Line = plan.Steps.Count > 0 && plan.Steps[0].Spans.Count > 0 ? plan.Steps[0].Spans[0].From : null,
                    Plan = plan,
                });
            }
        }
    }

    private static void Compare(LayerResult result, CoverageTarget target, string? phase, GateReport report, Configuration.EvidenceSettings evidence, List<FileCoverage> files)
    {
        if (target.Line is { } line)
        {
            if (result.Lines.Rate is not { } lineRate)
            {
                Missing(result, report, evidence, Configuration.EvidenceSettings.Line, $"{result.Name}: {phase} requires line coverage ≥ {RateText.Percent(line)}, and the coverage has no coverable line here, so nothing shows it is met.");
            }
            else if (lineRate < line)
            {
                result.Met = false;
                var plan = GapPlanner.ForLines(files, line);
                report.Violations.Add(new Violation(
                    DiagnosticCode.LineCoverageBelowTarget,
                    result.Name,
                    $"{result.Name}: line coverage {RateText.Percent(lineRate)} < {RateText.Percent(line)} required by {phase} (gap {RateText.Gap(line - lineRate)}; {result.Lines.Covered}/{result.Lines.Valid} lines). {plan.Sentence()}")
                {
                    Plan = plan,
                });
            }
        }

        if (target.Branch is { } branch)
        {
            if (result.Branches.Rate is not { } branchRate)
            {
                Missing(result, report, evidence, Configuration.EvidenceSettings.Branch, $"{result.Name}: {phase} requires branch coverage ≥ {RateText.Percent(branch)}, and the coverage has no branch data here (0 branches), so nothing shows it is met. Collect branch coverage (coverlet and Microsoft's Cobertura include it), or drop the branch target.");
            }
            else if (branchRate < branch)
            {
                result.Met = false;
                var plan = GapPlanner.ForBranches(files, branch);
                report.Violations.Add(new Violation(
                    DiagnosticCode.BranchCoverageBelowTarget,
                    result.Name,
                    $"{result.Name}: branch coverage {RateText.Percent(branchRate)} < {RateText.Percent(branch)} required by {phase} (gap {RateText.Gap(branch - branchRate)}; {result.Branches.Covered}/{result.Branches.Valid} branches). {plan.Sentence()}")
                {
                    Plan = plan,
                });
            }
        }
    }

    /// <summary>A target whose measure the run does not have is not met, unless qualitygate.json accepts its absence.</summary>
    private static void Missing(LayerResult result, GateReport report, Configuration.EvidenceSettings evidence, string measure, string message)
    {
        if (evidence.MayMiss(measure))
        {
            return;
        }

        result.Met = false;
        report.Violations.Add(new Violation(
            DiagnosticCode.MeasureMissing,
            result.Name,
            $"{message} If that is expected, allow it with \"evidence\": {{ \"allowMissing\": [\"{measure}\"] }}."));
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


}
