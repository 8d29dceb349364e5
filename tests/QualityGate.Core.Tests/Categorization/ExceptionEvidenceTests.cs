using System;
using System.Reflection;
using QualityGate.Categorization;
using Xunit;

namespace QualityGate.Tests.Categorization;

/// <summary>Exception objects (Microsoft.Testing.Platform hands them over) turned into the text the categorizer reads.</summary>
public class ExceptionEvidenceTests
{
    private static Exception Thrown(Exception exception)
    {
        try
        {
            throw exception;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    [Fact]
    public void An_exception_reads_like_an_adapters_message_with_its_inner_exceptions_and_stack()
    {
        var (message, stack) = ExceptionEvidence.Describe(Thrown(new InvalidOperationException("outer", Thrown(new FormatException("inner")))));

        Assert.Equal("System.InvalidOperationException : outer\n---- System.FormatException : inner", message);
        Assert.Contains("----- Inner Stack Trace -----", stack);
        Assert.Contains(nameof(Thrown), stack);
    }

    [Fact]
    public void Reflection_and_single_aggregate_envelopes_come_off()
    {
        var inner = Thrown(new TimeoutException("slow"));

        Assert.Same(inner, ExceptionEvidence.Unwrap(new AggregateException(new TargetInvocationException(inner))));
        Assert.StartsWith("System.TimeoutException : slow", ExceptionEvidence.Describe(new AggregateException(inner)).Message);
    }

    [Fact]
    public void An_aggregate_of_several_keeps_the_first_as_its_inner_exception()
    {
        var (message, _) = ExceptionEvidence.Describe(new AggregateException(new ArgumentException("a"), new FormatException("b")));

        Assert.Contains("---- System.ArgumentException : a", message);
    }

    [Fact]
    public void The_categorizer_sees_the_exception_the_test_threw()
    {
        var (message, stack) = ExceptionEvidence.Describe(new TargetInvocationException(Thrown(new System.IO.DirectoryNotFoundException("no data"))));

        var category = new Categorizer().Categorize(new FailureEvidence("Shop.Tests.A.Reads", message, stack));

        Assert.Equal(("environment", "System.IO.DirectoryNotFoundException"), (category.Category, category.ExceptionType));
    }

    [Fact]
    public void Nested_types_are_named_with_dots_so_the_categorizer_can_read_them()
    {
        var (message, _) = ExceptionEvidence.Describe(new Nested.FailureException());

        Assert.StartsWith("QualityGate.Tests.Categorization.ExceptionEvidenceTests.Nested.FailureException : ", message);
    }

    [Fact]
    public void A_timeout_state_is_async_and_a_wrong_argument_count_is_binding()
    {
        var categorizer = new Categorizer();

        Assert.Equal("async/framework-timeout", categorizer.Categorize(new FailureEvidence("A.B.C", "stopped", null) { State = "timeout" }).Rule);
        Assert.Equal("binding/parameter-count", categorizer.Categorize(new FailureEvidence("A.B.C", "System.ArgumentException : Expected exactly 1 argument, but got 2", null)).Rule);
        Assert.Equal("assertion/assert", categorizer.Categorize(new FailureEvidence("A.B.C", "TUnit.Assertions.Exceptions.AssertionException : Expected 3 but found 2", null)).Rule);
        Assert.Equal("setup/hook", categorizer.Categorize(new FailureEvidence("A.B.C", "TUnit.Core.Exceptions.BeforeClassException : hook failed\n---- System.InvalidOperationException : down", null)).Rule);
    }

    public static class Nested
    {
        public sealed class FailureException() : Exception("nested");
    }
}
