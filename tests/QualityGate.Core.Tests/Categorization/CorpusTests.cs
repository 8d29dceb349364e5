using System.Linq;
using QualityGate.Categorization;
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
        foreach (var (framework, entry) in CorpusData.Entries())
        {
            data.Add(framework, CorpusData.Key(entry));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public void Each_real_failure_lands_in_the_category_its_test_declares(string framework, string key)
    {
        var entry = CorpusData.Entries().Single(e => e.Framework == framework && CorpusData.Key(e.Entry) == key).Entry;
        var evidence = CorpusData.Evidence(entry);

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
            var categories = CorpusData.Entries().Where(e => e.Framework == framework)
                .Select(e => e.Entry.GetProperty("expect").GetString()).ToHashSet();
            foreach (var category in new[] { "binding", "mocking", "async", "legacy", "assertion", "setup", "environment", "error" })
            {
                Assert.Contains(category, categories);
            }
        }
    }
}
