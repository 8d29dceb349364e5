using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using QualityGate.Categorization;
using QualityGate.Results;
using Xunit;

namespace QualityGate.Tests.Categorization;

/// <summary>
/// Every failure the fixture projects (tests/fixtures) produce with the real xunit, NUnit, MSTest, Moq, NSubstitute,
/// FakeItEasy and DI libraries, captured by tests/fixtures/capture-corpus.sh, lands in the category its test declares.
/// </summary>
public class CorpusTests
{
    public static TheoryData<string, string> Failures()
    {
        var data = new TheoryData<string, string>();
        foreach (var (framework, entry) in Corpus())
        {
            data.Add(framework, Key(entry));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public void Each_real_failure_lands_in_the_category_its_test_declares(string framework, string key)
    {
        var entry = Corpus().Single(e => e.Framework == framework && Key(e.Entry) == key).Entry;
        var traits = entry.GetProperty("traits").EnumerateObject()
            .Select(t => new Trait(t.Name, t.Value.GetString()!)).ToList();
        var evidence = new FailureEvidence(entry.GetProperty("name").GetString()!, entry.GetProperty("message").GetString(), entry.GetProperty("stackTrace").GetString())
        {
            ClassName = entry.GetProperty("className").GetString(),
            Traits = traits,
        };

        var result = new Categorizer().Categorize(evidence);

        Assert.True(
            entry.GetProperty("expect").GetString() == result.Category,
            $"expected {entry.GetProperty("expect").GetString()}, got {result.Category} by {result.Rule}\nmessage: {evidence.Message}\nstack: {evidence.StackTrace}");
        Assert.False(string.IsNullOrWhiteSpace(result.Hint));
    }

    [Fact]
    public void The_corpus_covers_every_cause_category_for_every_framework()
    {
        foreach (var framework in new[] { "xunit", "nunit", "mstest" })
        {
            var categories = Corpus().Where(e => e.Framework == framework)
                .Select(e => e.Entry.GetProperty("expect").GetString()).ToHashSet();
            foreach (var category in new[] { "binding", "mocking", "async", "legacy", "assertion", "setup", "environment", "error" })
            {
                Assert.Contains(category, categories);
            }
        }
    }

    private static string Key(JsonElement entry) =>
        entry.GetProperty("name").GetString() + " | " + entry.GetProperty("displayName").GetString();

    private static IEnumerable<(string Framework, JsonElement Entry)> Corpus()
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
}
