using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using QualityGate.Reports;

namespace QualityGate.Planning;

/// <summary>
/// Writes a proposal as a commented qualitygate.json: the first phase holds today's values rounded down, the second is
/// a commented suggestion for the team to edit. Rounding down to a tenth keeps the plan passing today; a lost covered
/// line in a layer of a few hundred lines already fails it, and the baseline holds every file.
/// </summary>
internal static class PlanText
{
    public const string FirstPhase = "measured";

    public static string Write(PlanProposal plan, string schema, DateTimeOffset measuredAt)
    {
        var text = new StringBuilder();
        var day = measuredAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        text.Append("{\n");
        text.Append("  \"$schema\": ").Append(Quote(schema)).Append(",\n");
        text.Append("  // Written by 'dotnet gate init' on ").Append(day).Append(" from a measured run. Phase \"").Append(FirstPhase).Append("\" holds today's\n");
        text.Append("  // values rounded down: it passes today and fails on a regression. Edit the next phase to say where the plan goes.\n");
        WriteLayers(text, plan);
        WriteTestLayers(text, plan);
        text.Append("  \"phases\": [\n");
        WriteFirstPhase(text, plan, day);
        WriteNextPhase(text, plan);
        text.Append("  ],\n");
        text.Append("  \"phase\": ").Append(Quote(FirstPhase)).Append('\n');
        text.Append("}\n");
        return text.ToString();
    }

    /// <summary>A rate rounded down to a tenth: the target today's run meets exactly.</summary>
    public static double Floor(double rate) => Math.Floor(rate * 10) / 10;

    private static void WriteLayers(StringBuilder text, PlanProposal plan)
    {
        if (plan.Layers.Count == 0)
        {
            return;
        }

        text.Append("  // Source layers: globs relative to this file's folder, from the folders the coverage covers.\n");
        text.Append("  \"layers\": {\n");
        for (var i = 0; i < plan.Layers.Count; i++)
        {
            var layer = plan.Layers[i];
            text.Append("    ").Append(Quote(layer.Name)).Append(": { \"include\": [").Append(string.Join(", ", layer.Include.Select(Quote))).Append("] }")
                .Append(i < plan.Layers.Count - 1 ? "," : string.Empty)
                .Append("   // ").Append(Describe(layer.Lines, "lines")).Append(", ").Append(layer.Files).Append(layer.Files == 1 ? " file\n" : " files\n");
        }

        text.Append("  },\n");
    }

    private static void WriteTestLayers(StringBuilder text, PlanProposal plan)
    {
        if (plan.TestLayers.Count == 0)
        {
            return;
        }

        text.Append("  // Test layers: test projects by name.\n");
        text.Append("  \"testLayers\": {\n");
        for (var i = 0; i < plan.TestLayers.Count; i++)
        {
            var layer = plan.TestLayers[i];
            text.Append("    ").Append(Quote(layer.Name)).Append(": { \"projects\": [").Append(string.Join(", ", layer.Projects.Select(Quote))).Append("] }")
                .Append(i < plan.TestLayers.Count - 1 ? ",\n" : "\n");
        }

        text.Append("  },\n");
    }

    private static void WriteFirstPhase(StringBuilder text, PlanProposal plan, string day)
    {
        var parts = new List<string> { $"\"name\": {Quote(FirstPhase)}" };
        if (Target(plan.TotalLines, plan.TotalBranches) is { } total)
        {
            parts.Add($"\"total\": {total}");
        }

        var layers = plan.Layers.Select(l => (l.Name, Target: Target(l.Lines, l.Branches))).Where(l => l.Target is not null).ToList();
        if (layers.Count > 0)
        {
            parts.Add($"\"layers\": {{ {string.Join(", ", layers.Select(l => $"{Quote(l.Name)}: {l.Target}"))} }}");
        }

        var testLayers = plan.TestLayers.Where(l => l.PassRate is not null).ToList();
        if (testLayers.Count > 0)
        {
            parts.Add($"\"testLayers\": {{ {string.Join(", ", testLayers.Select(l => $"{Quote(l.Name)}: {{ \"passRate\": {Number(Floor(l.PassRate!.Value))} }}"))} }}");
        }

        if (plan.PassRate is { } passRate)
        {
            parts.Add($"\"passRate\": {Number(Floor(passRate))}");
        }

        if (plan.Failures.Count > 0)
        {
            parts.Add($"\"maxFailures\": {{ {string.Join(", ", plan.Failures.Select(f => $"{Quote(f.Key)}: {f.Value.ToString(CultureInfo.InvariantCulture)}"))} }}");
        }

        text.Append("    // Today (").Append(day).Append("): ").Append(Describe(plan.TotalLines, "lines")).Append(", ")
            .Append(plan.Passed.ToString(CultureInfo.InvariantCulture)).Append(" passed, ").Append(plan.Failed.ToString(CultureInfo.InvariantCulture)).Append(" failing.\n");
        text.Append("    {\n      ").Append(string.Join(",\n      ", parts)).Append("\n    }\n");
    }

    private static void WriteNextPhase(StringBuilder text, PlanProposal plan)
    {
        // A suggestion, commented out: five points more coverage, half the failures. The team decides.
        var parts = new List<string> { "\"name\": \"next\"" };
        if (plan.TotalLines.Rate is { } line)
        {
            parts.Add($"\"total\": {{ \"line\": {Number(Math.Min(100, Floor(line) + 5))} }}");
        }

        if (plan.PassRate is { } passRate)
        {
            parts.Add($"\"passRate\": {Number(Math.Min(100, Floor(passRate) + 3))}");
        }

        if (plan.Failures.Count > 0)
        {
            parts.Add($"\"maxFailures\": {{ {string.Join(", ", plan.Failures.Select(f => $"{Quote(f.Key)}: {(f.Value / 2).ToString(CultureInfo.InvariantCulture)}"))} }}");
        }

        text.Append("    // The next phase, for the team to edit and uncomment (add a comma after the phase above):\n");
        text.Append("    // { ").Append(string.Join(", ", parts)).Append(" }\n");
    }

    private static string? Target(Ratio lines, Ratio branches)
    {
        var parts = new List<string>();
        if (lines.Rate is { } line)
        {
            parts.Add($"\"line\": {Number(Floor(line))}");
        }

        if (branches.Rate is { } branch)
        {
            parts.Add($"\"branch\": {Number(Floor(branch))}");
        }

        return parts.Count == 0 ? null : "{ " + string.Join(", ", parts) + " }";
    }

    private static string Describe(Ratio ratio, string what) =>
        ratio.Rate is { } rate
            ? $"{Number(Floor(rate))} % {what} ({ratio.Covered.ToString(CultureInfo.InvariantCulture)}/{ratio.Valid.ToString(CultureInfo.InvariantCulture)})"
            : $"no {what}";

    private static string Number(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Quote(string value) => "\"" + JsonEncodedText.Encode(value).ToString() + "\"";
}
