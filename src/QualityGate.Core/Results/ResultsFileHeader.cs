using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using QualityGate.Diagnostics;
using QualityGate.Files;

namespace QualityGate.Results;

/// <summary>
/// The "run" part of a results file, read without the tests (the writer puts "run" first, "tests" last), and the one
/// edit made after a run: adding the attachments a process outside the test host produced (coverlet.MTP's report).
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

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw Unwritable(path, e);
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
                        WriteRun(writer, property.Value, attachments);
                    }
                    else
                    {
                        property.WriteTo(writer);
                    }
                }

                writer.WriteEndObject();
            }, Unwritable);
        }
    }

    private static QualityGateException Unwritable(string path, Exception e) =>
        new(DiagnosticCode.ResultsUnwritable, $"cannot add the coverage report to the results file: {e.Message}", path, e);

    private static void WriteRun(Utf8JsonWriter writer, JsonElement run, IReadOnlyList<RunAttachment> attachments)
    {
        writer.WriteStartObject();
        foreach (var property in run.EnumerateObject())
        {
            if (!property.NameEquals("attachments"))
            {
                property.WriteTo(writer);
                continue;
            }

            var known = new HashSet<string>(StringComparer.Ordinal);
            writer.WriteStartArray("attachments");
            foreach (var existing in property.Value.EnumerateArray())
            {
                known.Add(existing.GetProperty("path").GetString() ?? string.Empty);
                existing.WriteTo(writer);
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

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }
}
