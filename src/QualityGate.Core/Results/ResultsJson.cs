using System;
using System.Collections.Generic;
using System.Reflection;
using System.Text.Json;

namespace QualityGate.Results;

/// <summary>The JSON shape of the results file, in one place; README.md documents it field by field.</summary>
internal static class ResultsJson
{
    private static readonly string ToolVersion =
        typeof(ResultsJson).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            .Split('+')[0] ?? "0.0.0";

    public static void WriteTool(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("tool");
        writer.WriteString("name", "QualityGate");
        writer.WriteString("version", ToolVersion);
        writer.WriteEndObject();
    }

    // Attachments are also recorded relative to the results file's folder, so a results folder moved or downloaded
    // elsewhere (CI artifacts) still finds its coverage.
    public static void WriteRun(Utf8JsonWriter writer, RunInfo run, RunSummary summary, string resultsDirectory)
    {
        writer.WriteStartObject("run");
        writer.WriteString("id", run.RunId);
        writer.WriteString("assembly", run.Assembly);
        WriteNullable(writer, "assemblyPath", run.AssemblyPath);
        writer.WriteString("targetFramework", run.TargetFramework);
        WriteNullable(writer, "shard", run.Shard);
        writer.WriteString("startTime", ResultsFileWriter.FormatTime(run.StartTime));
        writer.WriteString("finishTime", ResultsFileWriter.FormatTime(run.FinishTime));
        // A wall clock set back during the run must not write a negative duration, which the reader refuses.
        writer.WriteNumber("durationMs", Math.Max(0, Math.Round((run.FinishTime - run.StartTime).TotalMilliseconds, 1)));
        writer.WriteBoolean("aborted", run.Aborted);
        WriteNullable(writer, "abortReason", run.AbortReason);
        WriteNullable(writer, "config", run.ConfigPath);

        writer.WriteStartArray("attachments");
        foreach (var attachment in run.Attachments)
        {
            writer.WriteStartObject();
            writer.WriteString("path", attachment.Path);
            WriteNullable(writer, "relativePath", Relative(resultsDirectory, attachment.Path));
            WriteNullable(writer, "description", attachment.Description);
            WriteNullable(writer, "collector", attachment.Collector);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("errors");
        foreach (var error in run.Errors)
        {
            writer.WriteStringValue(error);
        }

        writer.WriteEndArray();

        writer.WriteStartObject("summary");
        writer.WriteNumber("total", summary.Total);
        writer.WriteNumber("passed", summary.Passed);
        writer.WriteNumber("failed", summary.Failed);
        writer.WriteNumber("skipped", summary.Skipped);
        writer.WriteNumber("none", summary.None);
        writer.WriteStartObject("categories");
        foreach (var pair in summary.Categories)
        {
            writer.WriteNumber(pair.Key, pair.Value);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("rootCauses");
        foreach (var pair in summary.RootCauses)
        {
            writer.WriteNumber(pair.Key, pair.Value);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static void WriteTest(Utf8JsonWriter writer, TestResultRecord test)
    {
        writer.WriteStartObject();
        writer.WriteString("name", test.Name);
        writer.WriteString("displayName", test.DisplayName);
        WriteNullable(writer, "id", test.Id);
        writer.WriteString("outcome", test.Outcome.ToJsonName());
        writer.WriteNumber("durationMs", Math.Max(0, Math.Round(test.DurationMs, 3)));
        WriteTraits(writer, test.Traits);
        WriteNullable(writer, "testLayer", test.TestLayer);
        WriteLocation(writer, "source", test.Source);
        if (test.SkipReason is not null)
        {
            writer.WriteString("skipReason", test.SkipReason);
        }

        if (test.Failure is { } failure)
        {
            writer.WriteStartObject("failure");
            writer.WriteString("category", failure.Category);
            writer.WriteString("rule", failure.Rule);
            WriteNullable(writer, "rootCause", failure.RootCause);
            if (failure.Attribution is not null)
            {
                writer.WriteString("attribution", failure.Attribution);
            }

            writer.WriteString("hint", failure.Hint);
            WriteNullable(writer, "exceptionType", failure.ExceptionType);
            WriteNullable(writer, "message", failure.Message);
            WriteNullable(writer, "stackTrace", failure.StackTrace);
            writer.WriteString("file", failure.Location?.File);
            if (failure.Location?.Line is { } line)
            {
                writer.WriteNumber("line", line);
            }
            else
            {
                writer.WriteNull("line");
            }

            // Only Microsoft.Testing.Platform gives these; VSTest results files stay as they were.
            WriteIfPresent(writer, "state", failure.State);
            WriteIfPresent(writer, "stdout", failure.StandardOutput);
            WriteIfPresent(writer, "stderr", failure.StandardError);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteTraits(Utf8JsonWriter writer, IReadOnlyList<Trait> traits)
    {
        // Hot path (every result): no LINQ. Traits may repeat a name (two categories); the file groups the values.
        writer.WriteStartObject("traits");
        for (var i = 0; i < traits.Count; i++)
        {
            var name = traits[i].Name;
            if (Seen(traits, i, name))
            {
                continue;
            }

            writer.WriteStartArray(name);
            for (var j = i; j < traits.Count; j++)
            {
                if (string.Equals(traits[j].Name, name, StringComparison.Ordinal))
                {
                    writer.WriteStringValue(traits[j].Value);
                }
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static bool Seen(IReadOnlyList<Trait> traits, int index, string name)
    {
        for (var k = 0; k < index; k++)
        {
            if (string.Equals(traits[k].Name, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static void WriteLocation(Utf8JsonWriter writer, string name, SourceLocation? location)
    {
        if (location is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        writer.WriteString("file", location.File);
        if (location.Line is { } line)
        {
            writer.WriteNumber("line", line);
        }

        writer.WriteEndObject();
    }

    private static void WriteIfPresent(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
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

    /// <summary>The attachment relative to the results file's folder with '/' separators, or null when it is on another root.</summary>
    internal static string? Relative(string resultsDirectory, string path)
    {
        if (!System.IO.Path.IsPathRooted(path) || !System.IO.Path.IsPathRooted(resultsDirectory)
            || !string.Equals(System.IO.Path.GetPathRoot(path), System.IO.Path.GetPathRoot(resultsDirectory), StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var from = System.IO.Path.GetFullPath(resultsDirectory).TrimEnd('/', '\\').Split('/', '\\');
        var to = System.IO.Path.GetFullPath(path).Split('/', '\\');
        var common = 0;
        while (common < from.Length && common < to.Length - 1 && from[common] == to[common])
        {
            common++;
        }

        var parts = new List<string>();
        for (var i = common; i < from.Length; i++)
        {
            parts.Add("..");
        }

        for (var i = common; i < to.Length; i++)
        {
            parts.Add(to[i]);
        }

        return string.Join("/", parts);
    }
}
