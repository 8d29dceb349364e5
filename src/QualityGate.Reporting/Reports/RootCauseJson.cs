using System.Text.Json;

namespace QualityGate.Reports;

/// <summary>The report's "rootCauses" and "rootCauseCounts" (qualitygate.report/1; README documents them).</summary>
internal static class RootCauseJson
{
    public static void Write(GateReport report, Utf8JsonWriter writer)
    {
        writer.WriteStartArray("rootCauses");
        foreach (var cause in report.RootCauses)
        {
            writer.WriteStartObject();
            writer.WriteString("key", cause.Key);
            writer.WriteString("category", cause.Category);
            writer.WriteNumber("count", cause.Count);
            String(writer, "exceptionType", cause.ExceptionType);
            String(writer, "frame", cause.Frame);
            String(writer, "message", cause.Message);
            String(writer, "file", cause.File);
            if (cause.Line is { } line)
            {
                writer.WriteNumber("line", line);
            }
            else
            {
                writer.WriteNull("line");
            }

            String(writer, "hint", cause.Hint);
            writer.WriteStartArray("tests");
            foreach (var test in cause.Tests)
            {
                writer.WriteStringValue(test);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("rootCauseCounts");
        foreach (var count in report.RootCauseCounts)
        {
            writer.WriteStartObject();
            writer.WriteString("category", count.Category);
            writer.WriteNumber("failures", count.Failures);
            writer.WriteNumber("rootCauses", count.RootCauses);
            Number(writer, "baseline", count.Baseline);
            Number(writer, "change", count.Change);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void String(Utf8JsonWriter writer, string name, string? value)
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

    private static void Number(Utf8JsonWriter writer, string name, int? value)
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
}
