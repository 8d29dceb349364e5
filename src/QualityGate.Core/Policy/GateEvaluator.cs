using System;
using System.Linq;
using QualityGate.Baseline;
using QualityGate.Diagnostics;
using QualityGate.Reports;

namespace QualityGate.Policy;

/// <summary>
/// Judges a run against the current phase. Input problems (no coverage where a target needs it, a layer that matches
/// nothing) throw coded errors; targets that are missed become violations in the report.
/// </summary>
internal static class GateEvaluator
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
        var report = new GateReport { Phase = phase?.Name, ConfigPath = config.Path, SourceRoot = config.Directory, NextPhase = phase is null ? null : config.NextPhase(phase)?.Name };
        report.ResultsFiles.AddRange(input.Runs.Select(r => r.Path));
        report.Scope.AddRange(input.Runs
            .Select(r => $"{r.Assembly} ({r.TargetFramework}){(r.Shard is null ? string.Empty : $" shard {r.Shard}")}")
            .Distinct(StringComparer.Ordinal)
            .OrderBy(s => s, StringComparer.Ordinal));

        TestChecks.CheckTrust(input.Runs, report);
        TestChecks.CheckTests(input.Runs, config, targets, report, phase?.Name, requireBudgets: input.Baseline is null);
        if (input.Coverage is { } coverage)
        {
            report.CoverageFiles.AddRange(coverage.Sources);
            CoverageChecks.CheckCoverage(coverage, config, targets, report, phase?.Name);
            CoverageChecks.CheckTestLayerCoverage(input, targets, report, phase?.Name);
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

        if (input.Patch is { } patch)
        {
            CoverageChecks.CheckPatch(patch, targets, report, phase?.Name);
        }

        if (config.Baseline is { } settings)
        {
            BaselineComparer.Compare(report, input.Baseline, settings, input.Runs);
            if (raised)
            {
                report.Baseline!.Notes.Add($"Judged against {phase!.Name}, the phase the baseline records as reached; its targets hold even though the configuration names {config.ResolvePhase(input.PhaseOverride)?.Name ?? "an earlier one"}.");
            }
        }

        RootCauseGrouping.Build(report, input.Baseline);
        FileTable.Complete(report, input.Baseline);
        if (input.JudgeNextPhase && report.NextPhase is { } next)
        {
            var ahead = new GateInput(config, input.Runs)
            {
                PhaseOverride = next,
                Coverage = input.Coverage,
                CoverageByTestLayer = input.CoverageByTestLayer,
                Baseline = input.Baseline,
                Patch = input.Patch,
                JudgeNextPhase = false,
            };
            var judgedAhead = Evaluate(ahead);
            report.NextPhaseMet = judgedAhead.Passed;
            // The next phase's own targets still missed; the ratchet and this phase's misses are reported already.
            report.NextPhaseGaps.AddRange(judgedAhead.Violations.Where(v =>
                v.Code.StartsWith("QG4", StringComparison.Ordinal) && report.Violations.All(c => c.Subject != v.Subject || c.Code != v.Code)));
        }

        return report;
    }
}
