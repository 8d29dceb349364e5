using QualityGate.Categorization;
using Xunit;

namespace QualityGate.Tests.Categorization;

/// <summary>
/// Messages real runs printed in public issue reports (../shared/failure-messages.md), widening the net beyond what
/// our fixtures produce, plus the precedence cases the categorizer must get right.
/// </summary>
public class PublishedMessageTests
{
    [Theory]
    // mocking, with and without the exception type in front
    [InlineData("Moq.MockException : ITest.GetRandomGuidString() invocation failed with mock behavior Strict.\nAll invocations on the mock must have a corresponding setup.", "mocking")]
    [InlineData("Moq.MockException : Expected invocation on the mock exactly 11 times, but was 1 times: x => x.Create(It.IsAny<CspParameters>())", "mocking")]
    [InlineData("Expected invocation on the mock at least once, but was never performed", "mocking")]
    [InlineData("System.NotSupportedException: Invalid setup on a non-virtual (overridable in VB) member: x => x.SelectedCells", "mocking")]
    [InlineData("System.NotSupportedException : Unsupported expression: x => x.TryGetValue<string>(\"Test\", value)", "mocking")]
    [InlineData("NSubstitute.Exceptions.ReceivedCallsException : Expected to receive exactly 1 call matching: Foo() Actually received no matching calls.", "mocking")]
    [InlineData("Could not find a call to return from.", "mocking")]
    [InlineData("CouldNotSetReturnDueToTypeMismatchException : Can not return value of type String for IValueInterface.remove_ValueChanged (expected type Void).", "mocking")]
    [InlineData("Assertion failed for the following call: UserQuery+IFoo.Bar(s: <Ignored>) Expected to find it at least once but found it #0 times among the calls:", "mocking")]
    [InlineData("FakeItEasy.ExpectationException: Call to non configured method \"Equals\" of strict fake.", "mocking")]
    // async
    [InlineData("Test execution timed out after 10 milliseconds", "async")]
    [InlineData("Test exceeded Timeout value of 1000ms", "async")]
    [InlineData("System.Threading.Tasks.TaskCanceledException : A task was canceled.", "async")]
    [InlineData("System.AggregateException : One or more errors occurred. (A task was canceled.)\n---- System.Threading.Tasks.TaskCanceledException : A task was canceled.", "async")]
    // binding
    [InlineData("System.Reflection.TargetParameterCountException : Parameter count mismatch.", "binding")]
    [InlineData("Test method Ns.T.M threw exception: \nSystem.Reflection.TargetParameterCountException: Parameter count mismatch.", "binding")]
    [InlineData("System.MissingMethodException : Method not found: 'System.Threading.Tasks.Task`1<WorkflowInstance> IWorkflowRepository.GetWorkflowInstance(System.String)'.", "binding")]
    [InlineData("System.IO.FileLoadException: Could not load file or assembly 'System.Web.Mvc, Version=3.0.0.0' or one of its dependencies. The located assembly's manifest definition does not match the assembly reference. (Exception from HRESULT: 0x80131040)", "binding")]
    [InlineData("System.InvalidOperationException : Unable to resolve service for type 'IFlushableCache`1[X]' while attempting to activate 'CacheAdminStore`2[X]'.", "binding")]
    // setup
    [InlineData("Xunit.Sdk.TestClassException The following constructor parameters did not have matching fixture data: MyData myData", "setup")]
    [InlineData("System.AggregateException : One or more errors occurred. (foo) (The following constructor parameters did not have matching fixture data: Fixture _)", "setup")]
    // assertion: whatever the message mentions
    [InlineData("Assert.Equal() Failure: Values differ\nExpected: 1\nActual:   2", "assertion")]
    [InlineData("Assert.Equal() Failure: Strings differ\nExpected: \"TimeoutException\"\nActual:   \"other\"", "assertion")]
    [InlineData("Assert.Equal() Failure: Strings differ\nExpected: \"request timed out after 100 ms\"\nActual:   \"ok\"", "assertion")]
    // assertion of throws: the exception actually thrown decides when it is itself a mocking, binding, … failure
    [InlineData("Assert.Throws() Failure: Exception type was not an exact match\nExpected: typeof(System.ArgumentException)\nActual:   typeof(Moq.MockException)\n---- Moq.MockException : boom", "mocking")]
    [InlineData("Assert.Throws() Failure: Exception type was not an exact match\nExpected: typeof(System.ArgumentNullException)\nActual:   typeof(System.ArgumentException)\n---- System.ArgumentException : bad sku", "assertion")]
    [InlineData("  Expected string length 3 but was 8. Strings differ at index 0.", "assertion")]
    [InlineData("Assert.AreEqual failed. Expected:<7>. Actual:<0>.", "assertion")]
    [InlineData("Assertion failed. Expected values to be equal.", "assertion")]
    // environment and error
    [InlineData("System.IO.DirectoryNotFoundException : Could not find a part of the path '/data/x.json'.", "environment")]
    [InlineData("System.IO.FileNotFoundException : Could not find file '/data/x.json'.", "environment")]
    [InlineData("System.Net.Http.HttpRequestException : Connection refused (localhost:5000)\n---- System.Net.Sockets.SocketException : Connection refused", "environment")]
    [InlineData("System.NullReferenceException : Object reference not set to an instance of an object.", "error")]
    [InlineData("Shop.PaymentDeclinedException : Payment of 250 was declined.", "error")]
    [InlineData("something nobody has seen before", "error")]
    public void A_published_message_lands_in_its_category(string message, string expected)
    {
        var result = new Categorizer().Categorize(new FailureEvidence("Ns.Tests.SomeTests.Test", message, stackTrace: null));

        Assert.Equal(expected, result.Category);
    }

    [Fact]
    public void An_assertion_without_a_type_thrown_from_the_test_frame_is_an_assertion()
    {
        // xunit prints Assert.True(false, "why") as just "why", and drops its own frames.
        var evidence = new FailureEvidence(
            "Ns.Tests.SomeTests.Adds",
            "1 + 1 should be 3",
            "   at Ns.Tests.SomeTests.Adds() in /src/SomeTests.cs:line 12");

        var result = new Categorizer().Categorize(evidence);

        Assert.Equal(("assertion", "/src/SomeTests.cs", 12), (result.Category, result.Location!.File, result.Location.Line));
    }

    [Fact]
    public void The_effective_exception_is_unwrapped_from_aggregate_exceptions()
    {
        var result = new Categorizer().Categorize(new FailureEvidence(
            "Ns.T.M",
            "Test method Ns.T.M threw exception: \r\nSystem.AggregateException: One or more errors occurred. (A task was canceled.) ---> System.Threading.Tasks.TaskCanceledException: A task was canceled.",
            null));

        Assert.Equal(("async", "System.Threading.Tasks.TaskCanceledException"), (result.Category, result.ExceptionType));
    }

    [Fact]
    public void The_failure_location_prefers_the_test_frame_over_the_throwing_frame()
    {
        var result = new Categorizer().Categorize(new FailureEvidence(
            "Ns.Tests.OrderTests.Places",
            "System.InvalidOperationException : no stock",
            "   at Shop.Orders.Place() in /src/Shop/Orders.cs:line 40\n   at Ns.Tests.OrderTests.Places() in /src/Tests/OrderTests.cs:line 17"));

        Assert.Equal("/src/Tests/OrderTests.cs:17", result.Location!.ToString());
    }

    [Fact]
    public void A_huge_message_is_cut_and_says_how_much_was_cut()
    {
        var evidence = new FailureEvidence("Ns.T.M", "System.Exception : " + new string('x', 1_000_000), null);

        Assert.True(evidence.Message!.Length < 40_000);
        Assert.Contains("more characters not recorded", evidence.Message);
        Assert.Equal("error", new Categorizer().Categorize(evidence).Category);
    }

    [Theory]
    [InlineData("   at Ns.T.M(String in, Int32 x) in /home/me/My in folder/T.cs:line 42", "Ns.T.M", "/home/me/My in folder/T.cs", 42)]
    [InlineData("   at Ns.T.<Run>d__3.MoveNext() in C:\\src\\T.cs:line 7\r", "Ns.T.<Run>d__3.MoveNext", "C:\\src\\T.cs", 7)]
    [InlineData("   at Ns.Outer+Inner.M()", "Ns.Outer.Inner.M", null, null)]
    [InlineData("   at System.Linq.Enumerable.ArraySelectIterator`2.MoveNext()", "System.Linq.Enumerable.ArraySelectIterator`2.MoveNext", null, null)]
    public void Stack_frames_are_read_with_their_file_and_line(string text, string method, string? file, int? line)
    {
        var frame = Assert.Single(FailureFacts.ParseFrames("--- End of stack trace from previous location ---\n" + text));

        Assert.Equal((method, file, line), (frame.Method, frame.File, frame.Line));
    }

    [Fact]
    public void A_stack_trace_the_parser_does_not_recognise_is_kept_and_harmless()
    {
        var stack = "\u0000garbage <<<>>> in :line x\n  at\n   at (\n\u001b[31m   at Weird..Name( in :line 99999999999";

        var result = new Categorizer().Categorize(new FailureEvidence("Ns.T.M", "System.Exception : x", stack));

        Assert.Equal("error", result.Category);
        Assert.NotNull(result.Hint);
    }
}
