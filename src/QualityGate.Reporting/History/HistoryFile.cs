using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using QualityGate.Diagnostics;
using QualityGate.Files;
using QualityGate.Reports.Ci;

namespace QualityGate.History;

/// <summary>
/// qualitygate-history.json: the last N gate runs (schema qualitygate.history/1), one record per line so a diff shows
/// the runs added and dropped. Appends read, add, drop the oldest and write a temporary file renamed over the old one,
/// under a lock, so two gates finishing at once both land and a crash never leaves half a file.
/// </summary>
internal static class HistoryFile
{
    public const string Schema = "qualitygate.history/1";

    public const string DefaultFileName = "qualitygate-history.json";

    public const int DefaultLimit = 200;

    /// <summary>The code of a history file that cannot be read (until it has one of its own).</summary>
    public const string UnreadableCode = DiagnosticCode.HistoryUnreadable;

    /// <summary>The records of <paramref name="path"/>, oldest first; none when the file does not exist.</summary>
    public static List<HistoryRecord> Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        byte[] bytes;
        try
        {
            // A symlink to a device or FIFO reports length 0: not opened (it would never end, or block), read as empty.
            bytes = InputFile.Length(path) == 0 ? [] : File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new QualityGateException(UnreadableCode, $"cannot read the history file: {e.Message}", path, e);
        }

        return Parse(bytes, path);
    }

    /// <summary>Adds <paramref name="record"/>, keeps the newest <paramref name="limit"/> records and returns them.</summary>
    public static List<HistoryRecord> Append(string path, HistoryRecord record, int limit = DefaultLimit, TimeSpan? lockTimeout = null)
    {
        if (limit < 1)
        {
            throw new QualityGateException(DiagnosticCode.ConfigInvalidValue, $"the history limit is {limit}; it must be at least 1 record.", path);
        }

        var full = Path.GetFullPath(path);
        using (ReportFiles.OpenExclusive(LockPath(full), lockTimeout ?? TimeSpan.FromSeconds(60)))
        {
            var records = Read(full);
            records.Add(record);
            if (records.Count > limit)
            {
                records.RemoveRange(0, records.Count - limit);
            }

            AtomicFile.Write(full, stream => Write(records, stream), ReportFiles.Unwritable);
            return records;
        }
    }

    public static void Write(IReadOnlyList<HistoryRecord> records, Stream stream)
    {
        var newLine = new[] { (byte)'\n' };
        var head = AtomicFile.Utf8.GetBytes($"{{\"schema\":\"{Schema}\",\"records\":[\n");
        stream.Write(head, 0, head.Length);
        for (var i = 0; i < records.Count; i++)
        {
            using (var writer = new Utf8JsonWriter(stream))
            {
                WriteRecord(writer, records[i]);
            }

            if (i < records.Count - 1)
            {
                stream.WriteByte((byte)',');
            }

            stream.Write(newLine, 0, 1);
        }

        var tail = AtomicFile.Utf8.GetBytes("]}\n");
        stream.Write(tail, 0, tail.Length);
    }

    internal static List<HistoryRecord> Parse(byte[] bytes, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("schema", out var schema) || schema.ValueKind != JsonValueKind.String
                || schema.GetString() != Schema || !root.TryGetProperty("records", out var records) || records.ValueKind != JsonValueKind.Array)
            {
                throw Corrupt(path, $"it is not a {Schema} file (an object with \"schema\": \"{Schema}\" and a \"records\" array)");
            }

            return records.EnumerateArray().Select(ReadRecord).ToList();
        }
        catch (JsonException e)
        {
            // Never the exception's words: they quote the file, which may be a symlink to anything.
            var kind = FileKind.Describe(bytes, Math.Min(bytes.Length, FileKind.SniffLength));
            throw Corrupt(path, $"it is not valid JSON at line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}" + (kind == "JSON" ? string.Empty : $" (the file is {kind})"));
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or KeyNotFoundException or ArgumentException)
        {
            throw Corrupt(path, "a record does not have the fields of a history record, or one of them has the wrong type or format");
        }
    }

    private static void WriteRecord(Utf8JsonWriter writer, HistoryRecord record)
    {
        writer.WriteStartObject();
        writer.WriteString("time", record.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        Nullable(writer, "commit", record.Commit);
        Nullable(writer, "phase", record.Phase);
        writer.WriteString("verdict", record.Passed ? "pass" : "fail");
        writer.WriteStartObject("layers");
        foreach (var layer in record.Layers)
        {
            writer.WriteNumber(layer.Key, layer.Value);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("total");
        Number(writer, "line", record.TotalLine);
        Number(writer, "branch", record.TotalBranch);
        writer.WriteEndObject();
        Number(writer, "passRate", record.PassRate);
        writer.WriteStartObject("tests");
        writer.WriteNumber("passed", record.TestsPassed);
        writer.WriteNumber("failed", record.TestsFailed);
        writer.WriteNumber("skipped", record.TestsSkipped);
        writer.WriteEndObject();
        writer.WriteStartObject("categories");
        foreach (var category in record.Categories)
        {
            writer.WriteNumber(category.Key, category.Value);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static HistoryRecord ReadRecord(JsonElement element)
    {
        var time = DateTimeOffset.Parse(element.GetProperty("time").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var record = new HistoryRecord(time)
        {
            Commit = OptionalString(element, "commit"),
            Phase = OptionalString(element, "phase"),
            Passed = OptionalString(element, "verdict") == "pass",
            PassRate = OptionalNumber(element, "passRate"),
        };
        if (element.TryGetProperty("layers", out var layers))
        {
            foreach (var layer in layers.EnumerateObject())
            {
                record.Layers.Add(new KeyValuePair<string, double>(layer.Name, layer.Value.GetDouble()));
            }
        }

        if (element.TryGetProperty("total", out var total))
        {
            record.TotalLine = OptionalNumber(total, "line");
            record.TotalBranch = OptionalNumber(total, "branch");
        }

        if (element.TryGetProperty("tests", out var tests))
        {
            record.TestsPassed = tests.GetProperty("passed").GetInt32();
            record.TestsFailed = tests.GetProperty("failed").GetInt32();
            record.TestsSkipped = tests.GetProperty("skipped").GetInt32();
        }

        if (element.TryGetProperty("categories", out var categories))
        {
            foreach (var category in categories.EnumerateObject())
            {
                record.Categories[category.Name] = category.Value.GetInt32();
            }
        }

        return record;
    }

    /// <summary>A lock file in the temporary folder, named after the history file, so the history's folder stays clean.</summary>
    private static string LockPath(string full)
    {
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(full));
        return Path.Combine(Path.GetTempPath(), "qualitygate-history-" + BitConverter.ToString(hash, 0, 12).Replace("-", string.Empty).ToLowerInvariant() + ".lock");
    }

    private static QualityGateException Corrupt(string path, string what, Exception? inner = null)
    {
        var message = $"the history file cannot be read: {what}. It is not valid {Schema} JSON (truncated, hand-edited or merged with conflicts). " +
                      "Restore it from version control or the CI cache, or delete it to start a new history.";
        return inner is null ? new QualityGateException(UnreadableCode, message, path) : new QualityGateException(UnreadableCode, message, path, inner);
    }

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? OptionalNumber(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

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

    private static void Number(Utf8JsonWriter writer, string name, double? value)
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
