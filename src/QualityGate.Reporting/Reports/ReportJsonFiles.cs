using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using QualityGate.Gaps;

namespace QualityGate.Reports;

/// <summary>The file-level parts of qualitygate-report.json: each layer's file table and each missed target's plan.</summary>
internal static class ReportJsonFiles
{
    /// <summary>"files": the layer's files in table order, each with before, after and Δ when there is a baseline.</summary>
    public static void WriteFiles(Utf8JsonWriter writer, IReadOnlyList<FileResult> files)
    {
        writer.WriteStartArray("files");
        foreach (var file in files)
        {
            writer.WriteStartObject();
            writer.WriteString("path", file.Path);
            ReportJson.WriteRatio(writer, "lines", file.Lines);
            ReportJson.WriteRatio(writer, "branches", file.Branches);
            ReportJson.Number(writer, "before", Round(file.Before));
            ReportJson.Number(writer, "after", Round(file.Lines.Rate));
            ReportJson.Number(writer, "delta", Round(file.Delta));
            writer.WriteString("uncovered", Spans(file.Uncovered));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>"plan": what closes a missed coverage target, or null for a violation that is not one.</summary>
    public static void WritePlan(Utf8JsonWriter writer, GapPlan? plan)
    {
        if (plan is null)
        {
            writer.WriteNull("plan");
            return;
        }

        writer.WriteStartObject("plan");
        writer.WriteString("unit", plan.Unit switch { GapUnit.Branches => "branches", GapUnit.ChangedLines => "changedLines", _ => "lines" });
        writer.WriteNumber("needed", plan.Needed);
        writer.WriteString("summary", plan.Summary());
        writer.WriteStartArray("files");
        foreach (var step in plan.Steps)
        {
            writer.WriteStartObject();
            writer.WriteString("path", step.Path);
            writer.WriteNumber("uncovered", step.Open);
            writer.WriteNumber("take", step.Take);
            writer.WriteString("lines", Spans(step.Spans));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>"40-59,73": ASCII, no spaces, for scripts to split.</summary>
    private static string Spans(IEnumerable<LineSpan> spans) => string.Join(",", spans.Select(s => s.From == s.To
        ? s.From.ToString(CultureInfo.InvariantCulture)
        : s.From.ToString(CultureInfo.InvariantCulture) + "-" + s.To.ToString(CultureInfo.InvariantCulture)));

    private static double? Round(double? value) => value is { } v ? System.Math.Round(v, 2) : null;
}
