using System.Collections.Generic;
using System.Linq;
using QualityGate.Categorization;
using Xunit;

namespace QualityGate.Tests.Categorization;

/// <summary>Root causes on the captured corpus: the failures a triaging engineer calls one problem share one key.</summary>
public class RootCauseCorpusTests
{
    [Fact]
    public void Forty_five_failures_from_two_broken_methods_are_exactly_two_root_causes()
    {
        var keys = Keys("rootcauses");

        Assert.Equal(45, keys.Count);
        var clusters = keys.GroupBy(k => k.Value).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(2, clusters.Count);
        Assert.Equal(40, clusters["error|System.NullReferenceException|at Shop.PriceCatalog.Lookup"]);
        Assert.Equal(5, clusters["error|System.FormatException|at Shop.Ledger.ParseCents"]);
    }

    [Theory]
    // One broken method (OrderService.Total dereferences a null price service), reached through Assert.Throws,
    // FluentAssertions and Shouldly: one cause however the tests assert.
    [InlineData("xunit", "ErrorTestsInsideThrows.ThrowsExpectsArgumentNullButCodeDereferencesNull", "ErrorTestsInsideThrows.FluentThrowExpectsArgumentNullButCodeDereferencesNull", "ErrorTestsInsideThrows.ShouldlyThrowExpectsArgumentNullButCodeDereferencesNull", "ErrorTestsNotThrow.FluentNotThrowButCodeDereferencesNull")]
    [InlineData("nunit", "ErrorTestsInsideThrows.ThrowsExpectsArgumentNullButCodeDereferencesNull", "ErrorTestsInsideThrows.ThatThrowsExpectsArgumentNullButCodeDereferencesNull", "ErrorTestsNotThrow.DoesNotThrowButCodeDereferencesNull")]
    // A strict mock without setup, inside and outside Assert.Throws.
    [InlineData("xunit", "MockingTests.MoqStrictMockWithoutSetup", "MockingTestsInsideThrows.ThrowsExpectsInvalidOperationButStrictMockRefused")]
    [InlineData("mstest", "MockingTests.MoqStrictMockWithoutSetup", "MockingTestsInsideThrows.ThrowsExactlyExpectsInvalidOperationButStrictMockRefused")]
    // A missing dictionary key in one helper, inside and outside Assert.ThrowsAny.
    [InlineData("xunit", "ErrorTests.KeyNotFound", "ErrorTestsInsideThrows.ThrowsAnyExpectsArgumentButKeyIsMissing")]
    // One broken migration behind two classes' setup, and one OneTimeSetUp/ClassInitialize behind two tests.
    [InlineData("xunit", "SetupTestsConstructorThroughOtherClass.RunsAfterFieldInitializerThrew", "SetupTestsInitializeAsyncThroughHelper.RunsAfterInitializeAsyncHelperThrew")]
    [InlineData("nunit", "SetupTestsOneTimeSetUpThrows.RunsAfterBrokenOneTimeSetUp", "SetupTestsOneTimeSetUpThrows.AlsoRunsAfterBrokenOneTimeSetUp")]
    [InlineData("mstest", "SetupTestsClassInitializeThrows.RunsAfterBrokenClassInitialize", "SetupTestsClassInitializeThrows.AlsoRunsAfterBrokenClassInitialize")]
    public void Failures_of_one_broken_piece_of_code_share_a_root_cause(string framework, params string[] tests)
    {
        var keys = Keys(framework);

        var shared = tests.Select(t => keys.Single(k => k.Key.EndsWith("." + t, System.StringComparison.Ordinal)).Value).Distinct().ToList();

        Assert.Single(shared);
    }

    [Theory]
    // Different methods of the code under test, different exceptions: different causes, even in one class.
    [InlineData("xunit", "ErrorTests.NullReference", "ErrorTests.InvalidOperationFromCodeUnderTest", "ErrorTests.CustomExceptionFromCodeUnderTest", "ErrorTestsInsideThrows.ThrowsExpectsArgumentNullButCodeDereferencesNull")]
    [InlineData("xunit", "BindingTestsDataSources.MemberDataThrows", "BindingTestsDataSources.MemberDataThrowsWhileEnumerating", "BindingTestsDataSources.ClassDataThrows")]
    [InlineData("xunit", "SetupTestsConstructorThrows.RunsAfterBrokenConstructor", "SetupTestsConstructorThroughHelper.RunsAfterConstructorHelperThrew", "SetupTestsAsyncLifetimeThrows.RunsAfterFailedInitializeAsync")]
    public void Failures_of_different_code_have_different_root_causes(string framework, params string[] tests)
    {
        var keys = Keys(framework);

        var distinct = tests.Select(t => keys.Single(k => k.Key.EndsWith("." + t, System.StringComparison.Ordinal)).Value).Distinct().Count();

        Assert.Equal(tests.Length, distinct);
    }

    [Fact]
    public void Every_corpus_failure_gets_a_key_that_starts_with_its_category()
    {
        foreach (var (_, entry) in CorpusData.Entries())
        {
            var result = new Categorizer().Categorize(CorpusData.Evidence(entry));

            Assert.StartsWith(result.Category + "|", result.RootCause);
            Assert.DoesNotContain(":line ", result.RootCause);
        }
    }

    private static List<KeyValuePair<string, string>> Keys(string framework) =>
        CorpusData.Entries().Where(e => e.Framework == framework)
            .Select(e => new KeyValuePair<string, string>(
                e.Entry.GetProperty("name").GetString()!,
                new Categorizer().Categorize(CorpusData.Evidence(e.Entry)).RootCause))
            .ToList();
}
