using System.Linq;
using QualityGate.Categorization;
using Xunit;

namespace QualityGate.Tests.Categorization;

/// <summary>The rules of issue 12 on the captured corpus: the exception actually thrown decides, data sources, setup, hints.</summary>
public class TriageRuleTests
{
    [Theory]
    [InlineData("xunit", "BindingTestsInsideThrows.ThrowsExpectsArgumentNullButConstructorIsGone", "binding/missing-member", "System.MissingMethodException")]
    [InlineData("xunit", "ErrorTestsInsideThrows.FluentThrowExpectsArgumentNullButCodeDereferencesNull", "error/exception", "System.NullReferenceException")]
    [InlineData("xunit", "EnvironmentTestsInsideThrows.ShouldlyThrowExpectsFormatButDataFileIsMissing", "environment/file-system", "System.IO.DirectoryNotFoundException")]
    [InlineData("nunit", "AsyncTestsInsideThrows.ThrowsAsyncExpectsInvalidOperationButTaskWasCancelled", "async/cancelled", "System.Threading.Tasks.TaskCanceledException")]
    [InlineData("mstest", "MockingTestsInsideThrows.ThrowsExactlyExpectsInvalidOperationButStrictMockRefused", "mocking/library", "Moq.MockException")]
    [InlineData("mstest3", "BindingTestsExpectedException.ExpectedArgumentNullButConstructorIsGone", "binding/missing-member", "System.MissingMethodException")]
    [InlineData("mstest3", "ErrorTestsExpectedException.ThrowsExceptionExpectsArgumentNullButCodeDereferencesNull", "error/exception", "System.NullReferenceException")]
    public void The_exception_actually_thrown_inside_an_assertion_of_throws_decides(string framework, string test, string rule, string exception)
    {
        var result = Categorize(framework, test);

        Assert.Equal((rule, exception), (result.Rule, result.ExceptionType));
    }

    [Theory]
    [InlineData("xunit", "AssertionTestsThrowsMismatch.ThrowsExpectsArgumentNullButGotArgumentOutOfRange")]
    [InlineData("xunit", "AssertionTestsThrowsMismatch.ShouldlyThrowExpectsArgumentNullButGotInvalidOperation")]
    [InlineData("nunit", "AssertionTestsThrowsMismatch.ThrowsButNothingWasThrown")]
    [InlineData("mstest", "AssertionTests.AssertThrowsWrongType")]
    [InlineData("mstest3", "AssertionTestsExpectedException.ExpectedArgumentNullButGotInvalidOperation")]
    [InlineData("mstest3", "AssertionTestsExpectedException.ExpectedInvalidOperationButNothingWasThrown")]
    public void A_well_formed_exception_of_another_type_or_none_leaves_the_assertion_standing(string framework, string test)
    {
        Assert.Equal("assertion/throws", Categorize(framework, test).Rule);
    }

    [Theory]
    [InlineData("xunit", "BindingTestsDataSources.MemberDataReturnsNull")]
    [InlineData("xunit", "BindingTestsDataSources.ClassDataThrows")]
    [InlineData("nunit", "BindingTestsDataSources.TestCaseSourceReturnsNull")]
    [InlineData("nunit", "BindingTestsDataSources.TestCaseSourceThrows")]
    [InlineData("mstest", "BindingTestsDataSources.DynamicDataReturnsNull")]
    [InlineData("mstest", "BindingTestsDataSources.DynamicDataThrowsWhileEnumerating")]
    public void A_data_source_that_returns_null_or_throws_is_a_binding_failure_of_the_data_source(string framework, string test)
    {
        Assert.Equal("binding/data-source", Categorize(framework, test).Rule);
    }

    [Theory]
    [InlineData("xunit", "SetupTestsConstructorThroughHelper.RunsAfterConstructorHelperThrew")]
    [InlineData("xunit", "SetupTestsConstructorThroughOtherClass.RunsAfterFieldInitializerThrew")]
    [InlineData("xunit", "SetupTestsInitializeAsyncThroughHelper.RunsAfterInitializeAsyncHelperThrew")]
    [InlineData("mstest", "SetupTestsConstructorThroughHelper.RunsAfterConstructorHelperThrew")]
    public void A_constructor_or_initializer_that_throws_through_helpers_before_the_test_started_is_setup(string framework, string test)
    {
        Assert.Equal("setup", Categorize(framework, test).Category);
    }

    [Fact]
    public void Every_built_in_rule_decides_at_least_one_real_failure_of_the_corpus()
    {
        var decided = CorpusData.Entries().Select(e => new Categorizer().Categorize(CorpusData.Evidence(e.Entry)).Rule).ToHashSet();

        var never = BuiltInRules.All.Select(r => r.Id).Where(id => !decided.Contains(id)).ToList();

        Assert.True(never.Count == 0, "rules no real failure reaches (their hints are unreviewed): " + string.Join(", ", never));
    }

    [Fact]
    public void BinaryFormatter_gets_a_hint_that_can_be_acted_on_not_an_install_instruction()
    {
        var result = Categorize("xunit", "EnvironmentTestsPlatform.BinaryFormatterIsGone");

        Assert.Equal("environment/platform", result.Rule);
        Assert.DoesNotContain("install", result.Hint);
        Assert.Contains("migrate", result.Hint);
    }

    private static QualityGate.Categorization.Categorization Categorize(string framework, string test)
    {
        var entry = CorpusData.Entries().Single(e => e.Framework == framework
            && TestNames.WithoutArguments(e.Entry.GetProperty("name").GetString()!).EndsWith("." + test, System.StringComparison.Ordinal)).Entry;
        return new Categorizer().Categorize(CorpusData.Evidence(entry));
    }
}
