using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using QualityGate.Results;

namespace QualityGate.Recording;

/// <summary>
/// Reads back the results a crashed run had spooled: the spool is the results file's "tests" array, written as the
/// run went and cut off wherever the process died. Every complete entry is kept; a half-written last one is dropped.
/// </summary>
internal static class SpoolRecovery
{
    public static IReadOnlyList<TestResultRecord> Read(string spoolPath)
    {
        var recovered = new List<TestResultRecord>();
        byte[] bytes;
        try
        {
            bytes = File.Exists(spoolPath) ? File.ReadAllBytes(spoolPath) : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return recovered;
        }

        var reader = new Utf8JsonReader(bytes, isFinalBlock: false, state: default);
        long start = -1;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.StartObject && reader.CurrentDepth == 1)
                {
                    start = reader.TokenStartIndex;
                }
                else if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 1 && start >= 0)
                {
                    var slice = new ReadOnlyMemory<byte>(bytes, (int)start, (int)(reader.BytesConsumed - start));
                    using var document = JsonDocument.Parse(slice);
                    recovered.Add(Map(document.RootElement));
                    start = -1;
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            // The end of what the process managed to write: everything before it is kept.
        }

        return recovered;
    }

    private static TestResultRecord Map(JsonElement test)
    {
        var outcome = test.GetProperty("outcome").GetString() switch
        {
            "passed" => TestOutcome.Passed,
            "failed" => TestOutcome.Failed,
            "skipped" => TestOutcome.Skipped,
            _ => TestOutcome.None,
        };
        var record = new TestResultRecord(test.GetProperty("name").GetString()!, test.GetProperty("displayName").GetString()!, outcome)
        {
            Id = Text(test, "id"),
            DurationMs = test.TryGetProperty("durationMs", out var duration) ? duration.GetDouble() : 0,
            TestLayer = Text(test, "testLayer"),
            SkipReason = Text(test, "skipReason"),
            Source = Location(test, "source"),
        };

        var traits = new List<Trait>();
        if (test.TryGetProperty("traits", out var traitObject) && traitObject.ValueKind == JsonValueKind.Object)
        {
            foreach (var trait in traitObject.EnumerateObject())
            {
                foreach (var value in trait.Value.EnumerateArray())
                {
                    traits.Add(new Trait(trait.Name, value.GetString() ?? string.Empty));
                }
            }
        }

        record.Traits = traits;
        if (test.TryGetProperty("failure", out var failure) && failure.ValueKind == JsonValueKind.Object)
        {
            record.Failure = new FailureRecord(Text(failure, "category")!, Text(failure, "rule") ?? string.Empty, Text(failure, "hint") ?? string.Empty)
            {
                ExceptionType = Text(failure, "exceptionType"),
                Message = Text(failure, "message"),
                StackTrace = Text(failure, "stackTrace"),
                State = Text(failure, "state"),
                RootCause = Text(failure, "rootCause"),
                Attribution = Text(failure, "attribution"),
                StandardOutput = Text(failure, "stdout"),
                StandardError = Text(failure, "stderr"),
                Location = Text(failure, "file") is { } file
                    ? new SourceLocation(file, failure.TryGetProperty("line", out var line) && line.ValueKind == JsonValueKind.Number ? line.GetInt32() : null)
                    : null,
            };
        }

        return record;
    }

    private static SourceLocation? Location(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object && Text(value, "file") is { } file
            ? new SourceLocation(file, value.TryGetProperty("line", out var line) && line.ValueKind == JsonValueKind.Number ? line.GetInt32() : null)
            : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
