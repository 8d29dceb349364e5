using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using QualityGate.Categorization;
using QualityGate.Results;

namespace QualityGate.Tests.Categorization;

/// <summary>The captured corpus (tests/fixtures/capture-corpus.sh): failures real libraries produced, as VSTest reported them.</summary>
internal static class CorpusData
{
    public static IEnumerable<(string Framework, JsonElement Entry)> Entries()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Corpus"), "*.json"))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var entry in document.RootElement.EnumerateArray())
            {
                // TRX drops xunit traits and NUnit properties, so a test that is legacy only by its Category trait
                // cannot be recognised from the corpus; the end-to-end tests cover it with the real logger.
                if (entry.GetProperty("className").GetString()!.EndsWith("LegacyTraitTests", StringComparison.Ordinal)
                    && !entry.GetProperty("traits").EnumerateObject().Any())
                {
                    continue;
                }

                yield return (Path.GetFileNameWithoutExtension(file), entry.Clone());
            }
        }
    }

    public static string Key(JsonElement entry) =>
        entry.GetProperty("name").GetString() + " | " + entry.GetProperty("displayName").GetString();

    public static FailureEvidence Evidence(JsonElement entry) =>
        new(entry.GetProperty("name").GetString()!, entry.GetProperty("message").GetString(), entry.GetProperty("stackTrace").GetString())
        {
            ClassName = entry.GetProperty("className").GetString(),
            Traits = entry.GetProperty("traits").EnumerateObject().Select(t => new Trait(t.Name, t.Value.GetString()!)).ToList(),
        };
}
