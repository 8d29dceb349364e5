using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using QualityGate.Diagnostics;
using QualityGate.Files;

namespace QualityGate.Results;

/// <summary>
/// The "run" part of a results file, read without the tests (the writer puts "run" first, "tests" last), and the one
/// edits made after a run by the process outside the test host: adding the attachments it found (coverlet.MTP's report)
/// and the errors only it can see (the host's exit code).
/// </summary>
internal static class ResultsFileHeader
{
    /// <summary>The run id of the results file at <paramref name="path"/>, or null when there is no readable file.</summary>
    public static string? ReadRunId(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var buffer = new byte[Math.Min(stream.Length, 64 * 1024)];
            var read = stream.Read(buffer, 0, buffer.Length);
            var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(buffer, 0, read), isFinalBlock: read == stream.Length, state: default);
            var inRun = false;
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    continue;
                }

                if (reader.CurrentDepth == 1)
                {
                    inRun = reader.ValueTextEquals("run");
                }
                else if (inRun && reader.CurrentDepth == 2 && reader.ValueTextEquals("id"))
                {
                    return reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
        }

        return null;
    }

    /// <summary>Adds attachments to a completed results file, replacing it atomically. Paths already listed are skipped.</summary>
    public static void AddAttachments(string path, IReadOnlyList<RunAttachment> attachments)
    {
        if (attachments.Count == 0)
        {
            return;
        }

        Rewrite(path, "attachments", "cannot add the coverage report to the results file", (writer, existing) =>
        {
            var known = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in existing)
            {
                known.Add(item.GetProperty("path").GetString() ?? string.Empty);
                item.WriteTo(writer);
            }

            foreach (var attachment in attachments)
            {
                if (known.Add(attachment.Path))
                {
                    writer.WriteStartObject();
                    writer.WriteString("path", attachment.Path);
                    writer.WriteString("description", attachment.Description);
                    writer.WriteString("collector", attachment.Collector);
                    writer.WriteEndObject();
                }
            }
        });
    }

    /// <summary>
    /// Adds run errors to a completed results file, replacing it atomically: what the controller learns only from the
    /// test host's exit code (the framework failed its test session). Errors already listed are skipped.
    /// </summary>
    public static void AddErrors(string path, IReadOnlyList<string> errors)
    {
        if (errors.Count == 0)
        {
            return;
        }

        Rewrite(path, "errors", "cannot add the run's errors to the results file", (writer, existing) =>
        {
            var known = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in existing)
            {
                known.Add(item.GetString() ?? string.Empty);
                item.WriteTo(writer);
            }

            foreach (var error in errors)
            {
                if (known.Add(error))
                {
                    writer.WriteStringValue(error);
                }
            }
        });
    }

    /// <summary>Rewrites the file with one array of its "run" object extended (created when the file has none).</summary>
    private static void Rewrite(string path, string array, string what, Action<Utf8JsonWriter, IEnumerable<JsonElement>> extend)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("run", out var run) || run.ValueKind != JsonValueKind.Object
                || (run.TryGetProperty(array, out var items) && items.ValueKind != JsonValueKind.Array))
            {
                document.Dispose();
                throw new JsonException($"it has no \"run\" object with a \"{array}\" array");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw Unwritable(path, what, e);
        }

        using (document)
        {
            AtomicFile.Write(path, output =>
            {
                using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
                writer.WriteStartObject();
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (property.NameEquals("run"))
                    {
                        writer.WritePropertyName("run");
                        WriteRun(writer, property.Value, array, extend);
                    }
                    else
                    {
                        property.WriteTo(writer);
                    }
                }

                writer.WriteEndObject();
            }, (p, e) => Unwritable(p, what, e));
        }
    }

    private static QualityGateException Unwritable(string path, string what, Exception e) =>
        new(DiagnosticCode.ResultsUnwritable, $"{what}: {e.Message}", path, e);

    private static void WriteRun(Utf8JsonWriter writer, JsonElement run, string array, Action<Utf8JsonWriter, IEnumerable<JsonElement>> extend)
    {
        writer.WriteStartObject();
        var found = false;
        foreach (var property in run.EnumerateObject())
        {
            if (!property.NameEquals(array))
            {
                property.WriteTo(writer);
                continue;
            }

            found = true;
            writer.WriteStartArray(array);
            extend(writer, property.Value.EnumerateArray());
            writer.WriteEndArray();
        }

        if (!found)
        {
            writer.WriteStartArray(array);
            extend(writer, []);
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }
}
