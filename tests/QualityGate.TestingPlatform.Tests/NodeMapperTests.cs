using System;
using Microsoft.Testing.Platform.Extensions.Messages;
using QualityGate.Categorization;
using QualityGate.Results;
using Xunit;

namespace QualityGate.TestingPlatform.Tests;

public class NodeMapperTests
{
    [Fact]
    public void A_short_display_name_keeps_the_fully_qualified_name_from_the_method_identifier()
    {
        var node = Nodes.Node("Shop.Tests.PriceTests", "Net_removes_tax", PassedTestNodeStateProperty.CachedInstance, "Net_removes_tax",
            new TestFileLocationProperty("/src/PriceTests.cs", new LinePositionSpan(new LinePosition(12, -1), new LinePosition(12, -1))),
            new TimingProperty(new TimingInfo(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMilliseconds(40), TimeSpan.FromMilliseconds(40))),
            new TestMetadataProperty("Category", "Pricing"));

        var result = NodeMapper.Map(node, "/bin/Shop.Tests.dll")!;

        Assert.Equal("Shop.Tests.PriceTests.Net_removes_tax", result.Name);
        Assert.Equal("Net_removes_tax", result.DisplayName);
        Assert.Equal(TestOutcome.Passed, result.Outcome);
        Assert.Equal(("/src/PriceTests.cs", 12), (result.CodeFilePath, result.LineNumber));
        Assert.Equal(40, result.Duration.TotalMilliseconds);
        Assert.Equal(new Trait("Category", "Pricing"), Assert.Single(result.Traits));
    }

    [Fact]
    public void Tests_that_have_not_finished_are_not_results()
    {
        Assert.Null(NodeMapper.Map(Nodes.Node("A.B", "C", InProgressTestNodeStateProperty.CachedInstance), "a.dll"));
        Assert.Null(NodeMapper.Map(Nodes.Node("A.B", "C", DiscoveredTestNodeStateProperty.CachedInstance), "a.dll"));
    }

    [Theory]
    [InlineData("failed")]
    [InlineData("error")]
    [InlineData("timeout")]
    [InlineData("cancelled")]
    public void Every_way_of_failing_is_a_failed_result_that_remembers_which(string state)
    {
        var exception = Nodes.Thrown(() => new InvalidOperationException("boom"));
#pragma warning disable CS0618, MTP0001
        TestNodeStateProperty property = state switch
        {
            "failed" => new FailedTestNodeStateProperty(exception, "boom"),
            "error" => new ErrorTestNodeStateProperty(exception, "boom"),
            "timeout" => new TimeoutTestNodeStateProperty(exception, "boom"),
            _ => new CancelledTestNodeStateProperty(exception, "boom"),
        };
#pragma warning restore CS0618, MTP0001

        var result = NodeMapper.Map(Nodes.Node("A.B", "C", property), "a.dll")!;

        Assert.Equal(TestOutcome.Failed, result.Outcome);
        Assert.Equal(state, result.FailureState);
        Assert.StartsWith("System.InvalidOperationException : boom", result.ErrorMessage);
    }

    [Fact]
    public void A_skipped_test_keeps_its_reason()
    {
        var result = NodeMapper.Map(Nodes.Node("A.B", "C", new SkippedTestNodeStateProperty("not today")), "a.dll")!;

        Assert.Equal((TestOutcome.Skipped, "not today"), (result.Outcome, result.ErrorMessage));
    }

    [Fact]
    public void Standard_output_and_error_of_a_failed_test_are_kept()
    {
        var node = Nodes.Node("A.B", "C", new FailedTestNodeStateProperty("no"), null,
            new StandardOutputProperty("connecting…"), new StandardErrorProperty("refused"));

        var result = NodeMapper.Map(node, "a.dll")!;

        Assert.Equal(("connecting…", "refused"), (result.StandardOutput, result.StandardError));
    }
}

/// <summary>What the categorizer is given for the exceptions the frameworks put in the test node.</summary>
public class FrameworkExceptionTests
{
    private static Categorization.Categorization Categorize(Exception exception, string? state = null)
    {
        var (message, stack) = ExceptionEvidence.Describe(exception);
        return new Categorizer().Categorize(new FailureEvidence("Shop.Tests.PriceTests.Test", message, stack) { State = state });
    }

    [Fact]
    public void Xunits_envelope_is_read_as_the_text_it_carries()
    {
        var envelope = new Xunit.MicrosoftTestingPlatform.XunitException(
            "Moq.MockException : IPriceSource.Price(\"a\") invocation failed with mock behavior Strict.", "   at Moq.FailForStrictMock.Handle()");

        var category = Categorize(envelope);

        Assert.Equal(("mocking", "Moq.MockException"), (category.Category, category.ExceptionType));
    }

    [Fact]
    public void TUnits_test_failed_wrapper_comes_off_before_categorizing()
    {
        var wrapped = new TUnit.Engine.Exceptions.TestFailedException(Nodes.Thrown(() => new System.IO.DirectoryNotFoundException("no folder")));

        Assert.Equal(("environment", "System.IO.DirectoryNotFoundException"), (Categorize(wrapped).Category, Categorize(wrapped).ExceptionType));
    }

    [Fact]
    public void A_TUnit_hook_failure_is_setup_whatever_the_hook_threw()
    {
        var hook = new TUnit.Core.Exceptions.BeforeClassException("BeforeClass hook failed", new InvalidOperationException("database down"));

        Assert.Equal(("setup", "setup/hook"), (Categorize(hook).Category, Categorize(hook).Rule));
    }

    [Fact]
    public void TUnits_argument_count_mismatch_is_binding()
    {
        var mismatch = new ArgumentException("Expected exactly 1 argument, but got 2");

        Assert.Equal("binding/parameter-count", Categorize(mismatch).Rule);
    }

    [Fact]
    public void A_timeout_state_is_async_even_when_the_exception_says_nothing_of_time()
    {
        Assert.Equal("async/framework-timeout", Categorize(new InvalidOperationException("stopped"), "timeout").Rule);
    }

    [Fact]
    public void Reflection_and_single_aggregate_envelopes_come_off_and_inner_exceptions_follow_the_outer()
    {
        var inner = new InvalidOperationException("outer", new FormatException("inner"));
        var wrapped = new AggregateException(new System.Reflection.TargetInvocationException(inner));

        var (message, _) = ExceptionEvidence.Describe(wrapped);

        Assert.Equal("System.InvalidOperationException : outer\n---- System.FormatException : inner", message);
    }
}
