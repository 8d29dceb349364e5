using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.RegularExpressions;
using QualityGate.Diagnostics;

namespace QualityGate.Results;

/// <summary>
/// Reads results files back. Missing, empty, truncated or foreign files are coded errors, never a pass; so is a file
/// that repeats a key, holds a null or a negative duration where the schema has none, or whose summary contradicts
/// its tests (QG2007 naming the field's path). Errors describe the file, they never quote it.
/// </summary>
internal static class ResultsFileReader
{
    private static readonly Regex SchemaName = new(@"^[a-z][a-z0-9.\-]{0,40}/[0-9]{1,4}$", RegexOptions.CultureInvariant);

    public static RecordedRun Read(string path)
    {
        path = System.IO.Path.GetFullPath(path);
        if (!File.Exists(path))
        {
            throw new QualityGateException(
                DiagnosticCode.ResultsMissing,
                "the results file does not exist. Run the tests first: 'dotnet test --logger gate' (VSTest) or 'dotnet test --gate' (Microsoft.Testing.Platform), or fix the path.",
                path);
        }

        byte[] bytes;
        try
        {
            // A FIFO or a device (say, a symlink to /dev/zero) reports length 0: not opened, it is empty here.
            bytes = InputFile.Length(path) == 0 ? [] : File.ReadAllBytes(path);
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

        // An editor or a PowerShell Set-Content may have added a UTF-8 byte-order mark; the JSON is the same.
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            bytes = bytes.AsSpan(3).ToArray();
        }

        if (StrictJson.Check(bytes, allowCommentsAndTrailingCommas: false) is { } problem)
        {
            throw Refused(problem, bytes, path);
        }

        using var document = JsonDocument.Parse(bytes);
        return Map(path, new ResultsNode(document.RootElement, string.Empty, path));
    }

    private static QualityGateException Refused(JsonProblem problem, byte[] bytes, string path)
    {
        if (problem.Key is not null)
        {
            return new QualityGateException(
                DiagnosticCode.ResultsForeign,
                $"the results file is malformed: the key '{problem.KeyPath}' appears twice, at {problem.First} and at "
                + $"{problem.Second}. QualityGate never writes that; the file was edited or forged. Run the tests again.",
                path);
        }

        var kind = FileKind.Describe(bytes, Math.Min(bytes.Length, FileKind.SniffLength));
        return new QualityGateException(
            DiagnosticCode.ResultsUnreadable,
            $"the results file is not valid JSON at {problem.First} ({problem.Reason})"
            + (kind == "JSON" ? ": it is truncated or corrupt. Run the tests again." : $": the file is {kind}, not a results file. Pass the *.qualitygate.json files the logger writes."),
            path);
    }

    private static RecordedRun Map(string path, ResultsNode root)
    {
        var schema = root.Object().Optional("schema") is { } s ? s.AsString() : null;
        if (schema != ResultsFileWriter.Schema)
        {
            var named = schema is not null && SchemaName.IsMatch(schema) ? schema : "not a schema name";
            var why = schema is null
                ? "it has no \"schema\" field: it is not a QualityGate results file"
                : schema.StartsWith("qualitygate.results/", StringComparison.Ordinal)
                    ? $"its schema is {named}, newer than this QualityGate reads ({ResultsFileWriter.Schema}): update QualityGate"
                    : $"its schema is {named}, not {ResultsFileWriter.Schema}";
            throw new QualityGateException(DiagnosticCode.ResultsForeign, why + ".", path);
        }

        var run = root.Required("run").Object();
        var recorded = new RecordedRun(path, run.String("assembly"), run.String("targetFramework"))
        {
            Aborted = run.Bool("aborted"),
            RunId = run.NullableString("id"),
            Shard = run.NullableString("shard"),
            AbortReason = run.NullableString("abortReason"),
            DurationMs = run.NonNegative("durationMs", 0),
        };
        foreach (var other in new[] { "assemblyPath", "config", "startTime", "finishTime" })
        {
            run.NullableString(other);
        }

        var errors = new List<string>();
        foreach (var error in run.Optional("errors") is null ? [] : run.Items("errors"))
        {
            errors.Add(error.AsString());
        }

        var attachments = new List<RunAttachment>();
        foreach (var attachment in run.Optional("attachments") is null ? [] : run.Items("attachments"))
        {
            attachments.Add(new RunAttachment(
                Locate(path, attachment.Object().String("path"), attachment.NullableString("relativePath")),
                attachment.NullableString("description"),
                attachment.NullableString("collector")));
        }

        var tests = new List<RecordedTest>();
        foreach (var test in root.Items("tests"))
        {
            tests.Add(MapTest(test.Object()));
        }

        if (run.Optional("summary") is { } summary)
        {
            CheckSummary(summary.Object(), tests);
        }

        recorded.Errors = errors;
        recorded.Attachments = attachments;
        recorded.Tests = tests;
        return recorded;
    }

    private static RecordedTest MapTest(ResultsNode test)
    {
        var outcomeNode = test.Required("outcome");
        var outcome = outcomeNode.AsString() switch
        {
            "passed" => TestOutcome.Passed,
            "failed" => TestOutcome.Failed,
            "skipped" => TestOutcome.Skipped,
            "none" => TestOutcome.None,
            _ => throw outcomeNode.Invalid("is not one of passed, failed, skipped, none"),
        };

        var recorded = new RecordedTest(test.String("name"), test.String("displayName"), outcome)
        {
            Id = test.NullableString("id"),
            DurationMs = test.NonNegative("durationMs", 0),
            TestLayer = test.NullableString("testLayer"),
            SkipReason = test.NullableString("skipReason"),
        };
        if (test.Optional("traits") is { } traits)
        {
            foreach (var trait in traits.Properties())
            {
                foreach (var value in traits.Items(trait.Key))
                {
                    value.AsString();
                }
            }
        }

        if (test.Optional("failure") is { } failure)
        {
            if (outcome != TestOutcome.Failed)
            {
                throw failure.Invalid($"is set on a {outcome.ToJsonName()} test; only failed tests have one");
            }

            failure.Object();
            recorded.Category = failure.String("category");
            recorded.Rule = failure.NullableString("rule");
            recorded.Hint = failure.NullableString("hint");
            recorded.ExceptionType = failure.NullableString("exceptionType");
            recorded.Message = failure.NullableString("message");
            recorded.StackTrace = failure.NullableString("stackTrace");
            recorded.RootCause = failure.NullableString("rootCause")
                ?? Categorization.RootCause.Key(recorded.Category ?? Categorization.Categories.Error,
                    new Categorization.FailureFacts(new Categorization.FailureEvidence(recorded.Name, recorded.Message, recorded.StackTrace)));
            var line = failure.Count("line");
            if (failure.NullableString("file") is { } file)
            {
                recorded.Location = new SourceLocation(file, line);
            }
        }

        if (recorded.Location is null && test.Optional("source") is { } source)
        {
            recorded.Location = new SourceLocation(source.Object().String("file"), source.Count("line"));
        }

        return recorded;
    }

    // The summary is written from the very tests that follow it; a file where they disagree was edited.
    private static void CheckSummary(ResultsNode summary, List<RecordedTest> tests)
    {
        int passed = 0, failed = 0, skipped = 0, none = 0;
        var categories = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var test in tests)
        {
            switch (test.Outcome)
            {
                case TestOutcome.Passed: passed++; break;
                case TestOutcome.Failed: failed++; break;
                case TestOutcome.Skipped: skipped++; break;
                default: none++; break;
            }

            if (test.Category is { } category)
            {
                categories.TryGetValue(category, out var count);
                categories[category] = count + 1;
            }
        }

        foreach (var (key, actual) in new[] { ("total", tests.Count), ("passed", passed), ("failed", failed), ("skipped", skipped), ("none", none) })
        {
            if (summary.Count(key) is { } claimed && claimed != actual)
            {
                throw summary.Invalid($"says {key} {claimed}, but the file lists {actual} such tests");
            }
        }

        if (summary.Optional("categories") is not { } claimedCategories)
        {
            return;
        }

        foreach (var pair in claimedCategories.Properties())
        {
            categories.TryGetValue(pair.Key, out var actual);
            if (claimedCategories.Count(pair.Key) is { } claimed && claimed != actual)
            {
                throw pair.Value.Invalid($"says {claimed} failures, but the file lists {actual} in that category");
            }
        }

        foreach (var pair in categories)
        {
            if (claimedCategories.Optional(pair.Key) is null)
            {
                throw claimedCategories.Invalid($"leaves out '{pair.Key}', which the file lists {pair.Value} failures of");
            }
        }
    }

    /// <summary>
    /// Where an attachment is now: beside the results file as recorded relative to it (the results folder was moved or
    /// downloaded as a CI artifact), else at its absolute path; when neither exists, the relative place, which the
    /// missing-coverage error then names.
    /// </summary>
    private static string Locate(string resultsFile, string path, string? relativePath)
    {
        if (relativePath is null)
        {
            return path;
        }

        var moved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(resultsFile))!, relativePath));
        return File.Exists(moved) || !File.Exists(path) ? moved : path;
    }
}
