using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using QualityGate.Diagnostics;
using QualityGate.Files;
using QualityGate.Reports;

namespace QualityGate.Baseline;

/// <summary>
/// Reads and writes the baseline. The format is deterministic — sorted entries, one per line, integer counts, LF —
/// so that a pull request's diff shows exactly what changed and two branches that touched different entries merge.
/// </summary>
internal static class BaselineFile
{
    public const string AllTests = "*";

    private const string EndKey = "~";

    public static BaselineData Read(string path)
    {
        string text;
        try
        {
            // A symlink to a device or FIFO reports length 0: not opened (it would never end, or block), read as empty.
            text = InputFile.Length(path) == 0 ? string.Empty : File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new QualityGateException(DiagnosticCode.BaselineUnreadable, $"cannot read the baseline: {e.Message}", path, e);
        }

        if (text.IndexOf("<<<<<<<", StringComparison.Ordinal) >= 0 || text.IndexOf(">>>>>>>", StringComparison.Ordinal) >= 0)
        {
            throw new QualityGateException(
                DiagnosticCode.BaselineUnreadable,
                "the baseline has merge conflict markers. Resolve them by hand (each entry is one line), or take either side and run 'dotnet gate baseline' again.",
                path);
        }

        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true });
            return Map(document.RootElement, path);
        }
        catch (JsonException e)
        {
            // Neither message quotes the file: it may be a symlink to anything on the machine.
            var kind = FileKind.Of(path);
            throw new QualityGateException(
                DiagnosticCode.BaselineUnreadable,
                $"the baseline is not valid JSON (line {e.LineNumber + 1}): "
                + (kind == "JSON" ? "it is truncated or was broken by hand" : $"the file is {kind}")
                + ". Restore it from version control, or delete it and run 'dotnet gate baseline' to start again.",
                path);
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or FormatException or IndexOutOfRangeException or ArgumentException)
        {
            throw new QualityGateException(
                DiagnosticCode.BaselineUnreadable,
                $"the baseline does not have the shape of {BaselineData.Schema} (a field is missing, null or of the wrong type). Restore it from version control, or delete it and run 'dotnet gate baseline'.",
                path);
        }
    }

    public static void Write(BaselineData baseline, string path) =>
        AtomicFile.WriteText(path, Format(baseline), (full, e) => new QualityGateException(DiagnosticCode.ReportUnwritable, $"cannot write the baseline: {e.Message}", full, e));

    public static string Format(BaselineData b)
    {
        var text = new StringBuilder();
        text.Append("{\n");
        text.Append("  \"schema\": ").Append(Quote(BaselineData.Schema)).Append(",\n");
        text.Append("  \"phase\": ").Append(b.Phase is null ? "null" : Quote(b.Phase)).Append(",\n");
        text.Append("  \"assemblies\": [").Append(string.Join(", ", b.Assemblies.Select(Quote))).Append("],\n");
        text.Append("  \"total\": ").Append(b.Total is null ? "null" : Measure(b.Total)).Append(",\n");
        Map(text, "layers", b.Layers.Select(p => (p.Key, Measure(p.Value))));
        text.Append(",\n");
        Map(text, "tests", b.Tests.Select(p => (p.Key, $"{{ \"passed\": {p.Value.Passed}, \"failed\": {p.Value.Failed} }}")));
        text.Append(",\n");
        Map(text, "files", b.Files.Select(p => (p.Key, Measure(p.Value))));
        text.Append(",\n");
        List(text, "knownFailures", b.KnownFailures.Values.Select(f =>
            $"{{ \"test\": {Quote(f.Test)}, {(f.Assembly is null ? string.Empty : $"\"assembly\": {Quote(f.Assembly)}, ")}\"category\": {Quote(f.Category)}, \"since\": {Quote(f.Since)} }}"));
        text.Append(",\n");
        if (b.RootCauses is { } rootCauses)
        {
            Map(text, "rootCauses", rootCauses.Select(p => (p.Key, p.Value.ToString(CultureInfo.InvariantCulture))));
            text.Append(",\n");
        }

        List(text, "loosenings", b.Loosenings.Select(l =>
            $"{{ \"date\": {Quote(l.Date)}, \"reason\": {Quote(l.Reason)}, \"changes\": [{string.Join(", ", l.Changes.Select(Quote))}] }}"));
        text.Append("\n}\n");
        return text.ToString();
    }

    // Every entry ends with a comma and a fixed last line closes the list ("~": null in maps, null in arrays), so
    // adding or removing the last entry never touches the line before it: two branches that changed different entries
    // merge cleanly in git, and the file stays strict JSON.
    private static void Map(StringBuilder text, string name, IEnumerable<(string Key, string Value)> entries)
    {
        text.Append("  ").Append(Quote(name)).Append(": {\n");
        foreach (var (key, value) in entries)
        {
            text.Append("    ").Append(Quote(key)).Append(": ").Append(value).Append(",\n");
        }

        text.Append("    ").Append(Quote(EndKey)).Append(": null\n  }");
    }

    private static void List(StringBuilder text, string name, IEnumerable<string> entries)
    {
        text.Append("  ").Append(Quote(name)).Append(": [\n");
        foreach (var entry in entries)
        {
            text.Append("    ").Append(entry).Append(",\n");
        }

        text.Append("    null\n  ]");
    }

    private static string Measure(Measured m) =>
        string.Format(CultureInfo.InvariantCulture, "{{ \"lines\": [{0}, {1}], \"branches\": [{2}, {3}] }}", m.Lines.Covered, m.Lines.Valid, m.Branches.Covered, m.Branches.Valid);

    private static string Quote(string value) => "\"" + JsonEncodedText.Encode(value).ToString() + "\"";

    private static BaselineData Map(JsonElement root, string path)
    {
        var schema = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("schema", out var s) ? s.GetString() : null;
        if (schema != BaselineData.Schema && schema != BaselineData.SchemaByDisplayName)
        {
            throw new QualityGateException(
                DiagnosticCode.BaselineForeign,
                schema is not null && schema.StartsWith("qualitygate.baseline/", StringComparison.Ordinal)
                    ? $"the baseline's schema is {schema}, newer than this QualityGate reads ({BaselineData.Schema}): update QualityGate."
                    : $"the file is not a QualityGate baseline (no \"schema\": \"{BaselineData.Schema}\").",
                path);
        }

        var baseline = new BaselineData
        {
            Phase = root.GetProperty("phase").ValueKind == JsonValueKind.String ? root.GetProperty("phase").GetString() : null,
            KnownFailuresByDisplayName = schema == BaselineData.SchemaByDisplayName,
        };
        foreach (var assembly in root.GetProperty("assemblies").EnumerateArray())
        {
            baseline.Assemblies.Add(assembly.GetString()!);
        }

        baseline.Total = root.GetProperty("total").ValueKind == JsonValueKind.Object ? ReadMeasure(root.GetProperty("total")) : null;
        foreach (var layer in Entries(root, "layers"))
        {
            baseline.Layers[layer.Name] = ReadMeasure(layer.Value);
        }

        foreach (var tests in Entries(root, "tests"))
        {
            baseline.Tests[tests.Name] = (tests.Value.GetProperty("passed").GetInt32(), tests.Value.GetProperty("failed").GetInt32());
        }

        foreach (var file in Entries(root, "files"))
        {
            baseline.Files[file.Name] = ReadMeasure(file.Value);
        }

        foreach (var failure in Items(root, "knownFailures"))
        {
            var known = new KnownFailure(failure.GetProperty("test").GetString()!, failure.GetProperty("category").GetString()!, failure.GetProperty("since").GetString()!)
            {
                Assembly = failure.TryGetProperty("assembly", out var assembly) && assembly.ValueKind == JsonValueKind.String ? assembly.GetString() : null,
            };
            baseline.KnownFailures[known.Test] = known;
        }

        if (root.TryGetProperty("rootCauses", out var rootCauses) && rootCauses.ValueKind == JsonValueKind.Object)
        {
            baseline.RootCauses = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var pair in rootCauses.EnumerateObject().Where(p => p.Name != EndKey))
            {
                baseline.RootCauses[pair.Name] = pair.Value.GetInt32();
            }
        }

        if (root.TryGetProperty("loosenings", out var loosenings))
        {
            foreach (var loosening in loosenings.EnumerateArray().Where(l => l.ValueKind != JsonValueKind.Null))
            {
                baseline.Loosenings.Add(new Loosening(
                    loosening.GetProperty("date").GetString()!,
                    loosening.GetProperty("reason").GetString()!,
                    loosening.GetProperty("changes").EnumerateArray().Select(c => c.GetString()!).ToList()));
            }
        }

        return baseline;
    }

    private static IEnumerable<JsonProperty> Entries(JsonElement root, string name) =>
        root.GetProperty(name).EnumerateObject().Where(p => p.Name != EndKey);

    private static IEnumerable<JsonElement> Items(JsonElement root, string name) =>
        root.GetProperty(name).EnumerateArray().Where(e => e.ValueKind != JsonValueKind.Null);

    private static Measured ReadMeasure(JsonElement element)
    {
        var lines = element.GetProperty("lines");
        var branches = element.GetProperty("branches");
        return new Measured(new Ratio(lines[0].GetInt32(), lines[1].GetInt32()), new Ratio(branches[0].GetInt32(), branches[1].GetInt32()));
    }
}
