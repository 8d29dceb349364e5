using System.IO;
using System.Text.Json;
using QualityGate.Policy;

namespace QualityGate.Reports;

/// <summary>Writes qualitygate-report.json (schema qualitygate.report/2), the contract CI scripts read.</summary>
internal static class ReportJson
{
    public static void Write(GateReport report, Stream stream)
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("schema", GateReport.Schema);
        writer.WriteString("verdict", report.Passed ? "pass" : "fail");
        Nullable(writer, "phase", report.Phase);
        Nullable(writer, "nextPhase", report.NextPhase);
        writer.WriteStartArray("scope");
        foreach (var run in report.Scope)
        {
            writer.WriteStringValue(run);
        }

        writer.WriteEndArray();

        writer.WriteStartArray("layers");
        foreach (var layer in report.Layers)
        {
            WriteLayer(writer, layer);
        }

        writer.WriteEndArray();
        Optional(writer, "total", report.Total, WriteLayer);
        Optional(writer, "unlayered", report.Unlayered, WriteLayer);

        writer.WriteStartObject("tests");
        writer.WriteNumber("total", report.TestsTotal);
        writer.WriteNumber("passed", report.TestsPassed);
        writer.WriteNumber("failed", report.TestsFailed);
        writer.WriteNumber("skipped", report.TestsSkipped);
        Number(writer, "passRate", report.PassRate);
        Number(writer, "passRateTarget", report.PassRateTarget);
        writer.WriteNumber("durationSeconds", System.Math.Round(report.DurationSeconds, 3));
        Number(writer, "maxDurationSeconds", report.MaxDurationSeconds);
        writer.WriteStartArray("slowest");
        foreach (var (name, duration) in report.SlowestTests)
        {
            writer.WriteStartObject();
            writer.WriteString("name", name);
            writer.WriteNumber("durationMs", System.Math.Round(duration, 3));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();

        writer.WriteStartArray("testLayers");
        foreach (var layer in report.TestLayers)
        {
            writer.WriteStartObject();
            writer.WriteString("name", layer.Name);
            writer.WriteNumber("passed", layer.Passed);
            writer.WriteNumber("failed", layer.Failed);
            writer.WriteNumber("skipped", layer.Skipped);
            Number(writer, "passRate", layer.PassRate);
            if (layer.Lines is { } lines)
            {
                WriteRatio(writer, "lines", lines);
            }

            if (layer.Branches is { } branches)
            {
                WriteRatio(writer, "branches", branches);
            }

            writer.WriteStartObject("target");
            Number(writer, "passRate", layer.Target?.PassRate);
            Number(writer, "line", layer.Target?.Line);
            Number(writer, "branch", layer.Target?.Branch);
            writer.WriteEndObject();
            writer.WriteString("status", layer.Met ? "met" : "missed");
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("categories");
        foreach (var category in report.Categories)
        {
            writer.WriteStartObject();
            writer.WriteString("name", category.Name);
            writer.WriteNumber("failed", category.Count);
            Number(writer, "budget", category.Budget);
            writer.WriteString("status", category.Met ? "met" : "missed");
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("violations");
        foreach (var violation in report.Violations)
        {
            writer.WriteStartObject();
            writer.WriteString("code", violation.Code);
            writer.WriteString("subject", violation.Subject);
            writer.WriteString("message", violation.Message);
            Nullable(writer, "file", violation.File);
            Number(writer, "line", violation.Line);
            ReportJsonFiles.WritePlan(writer, violation.Plan);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        if (report.NextPhaseMet is { } met)
        {
            writer.WriteBoolean("nextPhaseMet", met);
        }
        else
        {
            writer.WriteNull("nextPhaseMet");
        }

        writer.WriteStartArray("nextPhaseGaps");
        foreach (var gap in report.NextPhaseGaps)
        {
            writer.WriteStartObject();
            writer.WriteString("code", gap.Code);
            writer.WriteString("message", gap.Message);
            ReportJsonFiles.WritePlan(writer, gap.Plan);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        Optional(writer, "baseline", report.Baseline, WriteBaseline);
        Optional(writer, "patch", report.Patch, (w, patch) => WritePatch(w, patch, report.PatchTarget));

        RootCauseJson.Write(report, writer);

        writer.WriteStartObject("inputs");
        Strings(writer, "results", report.ResultsFiles);
        Strings(writer, "coverage", report.CoverageFiles);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void Optional<T>(Utf8JsonWriter writer, string name, T? value, System.Action<Utf8JsonWriter, T> write)
        where T : class
    {
        writer.WritePropertyName(name);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            write(writer, value);
        }
    }

    private static void WritePatch(Utf8JsonWriter writer, Patch.PatchResult patch, double? target)
    {
        writer.WriteStartObject();
        WriteRatio(writer, "lines", patch.Lines);
        Number(writer, "target", target);
        writer.WriteBoolean("noCoverableLines", patch.NoCoverableLines);
        writer.WriteNumber("changedFiles", patch.ChangedFiles);
        writer.WriteStartArray("uncovered");
        foreach (var range in patch.Uncovered)
        {
            writer.WriteStartObject();
            writer.WriteString("file", range.File);
            writer.WriteNumber("from", range.From);
            writer.WriteNumber("to", range.To);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        Strings(writer, "notInCoverage", patch.NotInCoverage);
        Strings(writer, "renamed", patch.Renamed);
        writer.WriteEndObject();
    }

    private static void WriteBaseline(Utf8JsonWriter writer, BaselineComparison baseline)
    {
        writer.WriteStartObject();
        writer.WriteString("path", baseline.Path);
        writer.WriteBoolean("exists", baseline.Exists);
        Nullable(writer, "phase", baseline.Phase);
        Changes(writer, "layers", baseline.Layers);
        Changes(writer, "passRates", baseline.PassRates);
        Changes(writer, "filesGained", baseline.FilesGained);
        Changes(writer, "filesLost", baseline.FilesLost);
        Failures(writer, "newFailures", baseline.NewFailures);
        Failures(writer, "fixedFailures", baseline.FixedFailures);
        Failures(writer, "knownFailures", baseline.KnownFailures);
        Strings(writer, "goneFailures", baseline.GoneFailures);
        Strings(writer, "notes", baseline.Notes);
        writer.WriteEndObject();
    }

    private static void Changes(Utf8JsonWriter writer, string name, System.Collections.Generic.IEnumerable<Change> changes)
    {
        writer.WriteStartArray(name);
        foreach (var change in changes)
        {
            writer.WriteStartObject();
            writer.WriteString("name", change.Name);
            Number(writer, "before", Round(change.Before));
            Number(writer, "after", Round(change.After));
            Number(writer, "delta", Round(change.Delta));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void Failures(Utf8JsonWriter writer, string name, System.Collections.Generic.IEnumerable<FailedTest> failures)
    {
        writer.WriteStartArray(name);
        foreach (var failure in failures)
        {
            writer.WriteStartObject();
            writer.WriteString("test", failure.Name);
            writer.WriteString("category", failure.Category);
            Nullable(writer, "file", failure.File);
            Number(writer, "line", failure.Line);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static double? Round(double? value) => value is { } v ? System.Math.Round(v, 2) : null;

    private static void WriteLayer(Utf8JsonWriter writer, LayerResult layer)
    {
        writer.WriteStartObject();
        writer.WriteString("name", layer.Name);
        writer.WriteNumber("fileCount", layer.Files);
        WriteRatio(writer, "lines", layer.Lines);
        WriteRatio(writer, "branches", layer.Branches);
        writer.WriteStartObject("target");
        Number(writer, "line", layer.Target?.Line);
        Number(writer, "branch", layer.Target?.Branch);
        if (layer.Target is LayerTarget target)
        {
            Number(writer, "fileMinimum", target.FileMinimum);
            Number(writer, "maxUncoveredLines", target.MaxUncoveredLines);
        }

        writer.WriteEndObject();
        writer.WriteString("status", layer.Target is not { IsSet: true } ? "untargeted" : layer.Met ? "met" : "missed");
        ReportJsonFiles.WriteFiles(writer, layer.FileRows);
        writer.WriteEndObject();
    }

    internal static void WriteRatio(Utf8JsonWriter writer, string name, Ratio ratio)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("covered", ratio.Covered);
        writer.WriteNumber("valid", ratio.Valid);
        Number(writer, "rate", ratio.Rate is { } rate ? System.Math.Round(rate, 2) : null);
        writer.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter writer, string name, System.Collections.Generic.IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    internal static void Number(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void Nullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
