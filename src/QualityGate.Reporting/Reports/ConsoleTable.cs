using System.Collections.Generic;
using System.Linq;

namespace QualityGate.Reports;

/// <summary>The compact per-layer table the build prints: one line per layer, then tests and categories.</summary>
internal static class ConsoleTable
{
    public static IEnumerable<string> Lines(GateReport report)
    {
        yield return $"QualityGate{(report.Phase is null ? string.Empty : " " + report.Phase)}: {(report.Passed ? "PASS" : $"FAIL ({report.Violations.Count} violation{(report.Violations.Count == 1 ? string.Empty : "s")})")}";
        if (report.Total is not null)
        {
            yield return $"  {"layer",-20} {"lines",-22} {"branches",-22} target";
            foreach (var layer in Layers(report))
            {
                yield return $"  {Recording.ConsoleText.OneLine(layer.Name, 20),-20} {Ratio(layer.Lines),-22} {Ratio(layer.Branches),-22} {Target(layer)}";
            }
        }

        // What closes each missed coverage target, one line each, where the eye already is.
        foreach (var violation in report.Violations.Where(v => v.Plan is not null))
        {
            yield return $"  {Recording.ConsoleText.OneLine(violation.Subject, 60)}: {Recording.ConsoleText.OneLine(violation.Plan!.Summary(), 300)}";
        }

        if (report.Scope.Count > 0)
        {
            yield return $"  scope: {Recording.ConsoleText.OneLine(report.ScopeText, 300)}";
        }

        yield return $"  tests: {report.TestsPassed} passed, {report.TestsFailed} failed, {report.TestsSkipped} skipped" +
                     (report.PassRate is { } rate ? $", pass rate {RateText.Percent(rate)}" : string.Empty) +
                     (report.PassRateTarget is { } target ? $" (target {RateText.Percent(target)})" : string.Empty);
        if (report.Patch is { } patch)
        {
            yield return patch.NoCoverableLines
                ? "  patch: the change touches no coverable line (patch coverage does not apply)"
                : $"  patch: {patch.Lines.Covered}/{patch.Lines.Valid} changed lines covered ({RateText.Percent(patch.Lines.Rate!.Value)})" +
                  (report.PatchTarget is { } patchTarget ? $", target {RateText.Percent(patchTarget)}" : string.Empty);
            foreach (var range in patch.Uncovered.Take(10))
            {
                yield return $"    uncovered: {range}";
            }
        }

        foreach (var category in report.Categories)
        {
            var causes = report.RootCauseCounts.Find(c => c.Category == category.Name)?.RootCauses;
            yield return $"  {category.Name}: {category.Count} failing{(category.Budget is { } budget ? $" of {budget} allowed" : category.Met ? " (legacy: allowed)" : " (no budget)")}" +
                         $"{(causes is { } n ? $", {n} root cause{(n == 1 ? string.Empty : "s")}" : string.Empty)}{(category.Met ? string.Empty : "  ✗")}";
        }
    }

    private static IEnumerable<LayerResult> Layers(GateReport report)
    {
        foreach (var layer in report.Layers)
        {
            yield return layer;
        }

        yield return report.Total!;
        if (report.Unlayered is { Files: > 0 } unlayered)
        {
            yield return unlayered;
        }
    }

    private static string Ratio(Ratio ratio) =>
        ratio.Rate is { } rate ? $"{RateText.Percent(rate)} ({ratio.Covered}/{ratio.Valid})" : "—";

    private static string Target(LayerResult layer) =>
        layer.Target is { IsSet: true } target ? target.Describe() + (layer.Met ? "  ✓" : "  ✗") : string.Empty;
}
