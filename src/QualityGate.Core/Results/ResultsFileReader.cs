using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using QualityGate.Diagnostics;

namespace QualityGate.Results;

/// <summary>Reads results files back. Missing, empty, truncated or foreign files are coded errors, never a pass.</summary>
public static class ResultsFileReader
{
    public static RecordedRun Read(string path)
    {
        path = System.IO.Path.GetFullPath(path);
        if (!File.Exists(path))
        {
            throw new QualityGateException(
                DiagnosticCode.ResultsMissing,
                "the results file does not exist. Run the tests with 'dotnet test --logger gate' first, or fix the path.",
                path);
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new QualityGateException(DiagnosticCode.ResultsUnreadable, $"cannot read the results file: {e.Message}", path, e);
        }

        if (bytes.Length == 0)
        {
            throw new QualityGateException(
                DiagnosticCode.ResultsUnreadable,
                "the results file is empty: the test run did not finish writing it. Run the tests again.",
                path);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            throw new QualityGateException(
                DiagnosticCode.ResultsUnreadable,
                $"the results file is not valid JSON (line {e.LineNumber + 1}): it is truncated or corrupt. Run the tests again.",
                path,
                e);
        }

        using (document)
        {
            try
            {
                return Map(path, document.RootElement);
            }
            catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or FormatException)
            {
                throw new QualityGateException(
                    DiagnosticCode.ResultsForeign,
                    $"the results file does not have the shape of {ResultsFileWriter.Schema}: {e.Message}",
                    path,
                    e);
            }
        }
    }

    private static RecordedRun Map(string path, JsonElement root)
    {
        var schema = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("schema", out var s) && s.ValueKind == JsonValueKind.String
            ? s.GetString()
            : null;
        if (schema != ResultsFileWriter.Schema)
        {
            var why = schema is null
                ? "it has no \"schema\" field: it is not a QualityGate results file"
                : schema.StartsWith("qualitygate.results/", StringComparison.Ordinal)
                    ? $"its schema is {schema}, newer than this QualityGate reads ({ResultsFileWriter.Schema}): update QualityGate"
                    : $"its schema is {schema}, not {ResultsFileWriter.Schema}";
            throw new QualityGateException(DiagnosticCode.ResultsForeign, why + ".", path);
        }

        var run = root.GetProperty("run");
        var recorded = new RecordedRun(path, run.GetProperty("assembly").GetString()!, run.GetProperty("targetFramework").GetString()!)
        {
            Aborted = run.GetProperty("aborted").GetBoolean(),
            RunId = OptionalString(run, "id"),
            Shard = OptionalString(run, "shard"),
            AbortReason = OptionalString(run, "abortReason"),
            DurationMs = run.TryGetProperty("durationMs", out var duration) ? duration.GetDouble() : 0,
        };

        var errors = new List<string>();
        if (run.TryGetProperty("errors", out var errorArray))
        {
            foreach (var error in errorArray.EnumerateArray())
            {
                errors.Add(error.GetString()!);
            }
        }

        var attachments = new List<string>();
        if (run.TryGetProperty("attachments", out var attachmentArray))
        {
            foreach (var attachment in attachmentArray.EnumerateArray())
            {
                attachments.Add(attachment.GetProperty("path").GetString()!);
            }
        }

        var tests = new List<RecordedTest>();
        foreach (var test in root.GetProperty("tests").EnumerateArray())
        {
            tests.Add(MapTest(test));
        }

        recorded.Errors = errors;
        recorded.Attachments = attachments;
        recorded.Tests = tests;
        return recorded;
    }

    private static RecordedTest MapTest(JsonElement test)
    {
        var outcome = test.GetProperty("outcome").GetString() switch
        {
            "passed" => TestOutcome.Passed,
            "failed" => TestOutcome.Failed,
            "skipped" => TestOutcome.Skipped,
            "none" => TestOutcome.None,
            var other => throw new FormatException($"unknown outcome '{other}'"),
        };

        var recorded = new RecordedTest(test.GetProperty("name").GetString()!, test.GetProperty("displayName").GetString()!, outcome)
        {
            Id = OptionalString(test, "id"),
            DurationMs = test.TryGetProperty("durationMs", out var duration) ? duration.GetDouble() : 0,
            TestLayer = OptionalString(test, "testLayer"),
            SkipReason = OptionalString(test, "skipReason"),
        };

        if (test.TryGetProperty("failure", out var failure) && failure.ValueKind == JsonValueKind.Object)
        {
            recorded.Category = failure.GetProperty("category").GetString();
            recorded.Rule = OptionalString(failure, "rule");
            recorded.Hint = OptionalString(failure, "hint");
            recorded.Message = OptionalString(failure, "message");
            recorded.StackTrace = OptionalString(failure, "stackTrace");
            if (OptionalString(failure, "file") is { } file)
            {
                recorded.Location = new SourceLocation(file, failure.TryGetProperty("line", out var line) && line.ValueKind == JsonValueKind.Number ? line.GetInt32() : null);
            }
        }

        if (recorded.Location is null && test.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.Object)
        {
            recorded.Location = new SourceLocation(
                source.GetProperty("file").GetString()!,
                source.TryGetProperty("line", out var line) ? line.GetInt32() : null);
        }

        return recorded;
    }

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
