using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace QualityGate.Categorization;

/// <summary>The tests of the evidence behind the built-in rules that need more than one line.</summary>
internal static class RulePredicates
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    internal static readonly string[] MockingNamespaces =
        ["Moq.", "Castle.DynamicProxy.", "Castle.Proxies.", "NSubstitute.", "FakeItEasy."];

    private static readonly string[] AssertionNamespaces =
    [
        "Xunit.Assert", "NUnit.Framework.Assert", "NUnit.Framework.Legacy.ClassicAssert", "NUnit.Framework.CollectionAssert",
        "NUnit.Framework.StringAssert", "NUnit.Framework.Internal.Assert", "Microsoft.VisualStudio.TestTools.UnitTesting.Assert",
        "Microsoft.VisualStudio.TestTools.UnitTesting.StringAssert", "Microsoft.VisualStudio.TestTools.UnitTesting.CollectionAssert",
        "FluentAssertions.", "Shouldly.", "TUnit.Assertions.",
    ];

    // The frameworks' own machinery for data sources: a frame here means the rows were being produced, not run.
    private static readonly string[] DataSourceFrames =
    [
        "NUnit.Framework.TestCaseSourceAttribute", "NUnit.Framework.ValueSourceAttribute", "NUnit.Framework.Internal.Builders.ParameterDataSourceProvider",
        "Microsoft.VisualStudio.TestTools.UnitTesting.DynamicData", "Xunit.MemberDataAttributeBase", "Xunit.ClassDataAttribute",
        "Microsoft.VisualStudio.TestPlatform.MSTest.TestAdapter.Execution.TestMethodRunner.TryExecuteFoldedDataDrivenTests",
    ];

    // Xunit.Sdk holds the assertion exceptions, and a few that are not about assertions at all.
    private static readonly HashSet<string> XunitNonAssertions = new(StringComparer.Ordinal)
    {
        "Xunit.Sdk.TestTimeoutException", "Xunit.Sdk.TestClassException", "Xunit.Sdk.TestPipelineException",
    };

    /// <summary>Exceptions that mean the code under test crashed (a null, a bad cast, a missing key), not that it refused.</summary>
    internal static readonly string[] CrashOfCodeUnderTest =
    [
        "System.NullReferenceException", "System.InvalidCastException", "System.IndexOutOfRangeException",
        "System.Collections.Generic.KeyNotFoundException", "System.NotImplementedException", "System.DivideByZeroException",
        "System.OverflowException", "System.ArrayTypeMismatchException", "System.AccessViolationException",
        "System.OutOfMemoryException", "System.InsufficientExecutionStackException", "System.StackOverflowException",
    ];

    internal static readonly Regex AssertionShape = new(
        @"^\s*(?:Assert\.\w+\(\) Failure|Assert\.\w+\(|Assert\.\w+ failed\.|Assertion failed\.|Expected:|Expected (?:string|collection|value|\w+ to)|Multiple failures or warnings in test|One or more (?:assertions|child tests) had errors)",
        RegexOptions.CultureInvariant,
        Timeout);

    internal static readonly Regex DataSourceMessage = new(
        @"Test data returned null for|Could not find public static member \(property, field, or method\) named|The test case source could not be found|must refer to a non-null static field, property or method|Value returned by property or method .+? shouldn't be null",
        RegexOptions.CultureInvariant,
        Timeout);

    internal static bool IsAssertion(FailureFacts f)
    {
        if (f.Outermost is { } type)
        {
            if (type.StartsWith("Xunit.Sdk.", StringComparison.Ordinal) && !XunitNonAssertions.Contains(type))
            {
                return true;
            }

            return f.OutermostIs(
                       "NUnit.Framework.AssertionException", "NUnit.Framework.MultipleAssertException",
                       "Microsoft.VisualStudio.TestTools.UnitTesting.AssertFailedException",
                       "Microsoft.VisualStudio.TestTools.UnitTesting.AssertInconclusiveException",
                       "Shouldly.ShouldAssertException", "Shouldly.ShouldMatchApprovedException",
                       "FluentAssertions.Execution.AssertionFailedException", "TUnit.Assertions.Exceptions.AssertionException")
                || (f.TopFrameIn(AssertionNamespaces) && !f.AnyTypeIn(MockingNamespaces));
        }

        // Frameworks print their own assertion messages without a type, and xunit drops its own frames: a failure
        // with no exception type thrown from the test's own frame is the test saying no (Assert.True(x, "why")).
        return f.MessageMatches(AssertionShape) || f.TopFrameIn(AssertionNamespaces)
            || (f.Frames.Count > 0 && f.Frames[0].Method.StartsWith(f.TestClass + ".", StringComparison.Ordinal));
    }

    /// <summary>
    /// The test method never started, and the test class's constructor, field initializers, static constructor or
    /// InitializeAsync are on the stack — through however many helpers, of the class or of others.
    /// </summary>
    internal static bool IsTestClassSetup(FailureFacts f)
    {
        if (f.TestMethodStarted != false)
        {
            return false;
        }

        foreach (var name in f.NormalizedFrames)
        {
            if (f.IsTestClassFrame(name) && FrameNames.Member(name) is ".ctor" or ".cctor" or "InitializeAsync")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The test's data source failed: the frameworks' messages for a source that is null or missing, their data-source
    /// machinery on the stack, or a stack that never reached the test method and ends in a data member (a property
    /// getter, an enumerator, an iterator or another member of the test class).
    /// </summary>
    internal static bool IsDataSource(FailureFacts f)
    {
        if (f.MessageMatches(DataSourceMessage))
        {
            return true;
        }

        foreach (var frame in f.Frames)
        {
            foreach (var prefix in DataSourceFrames)
            {
                if (frame.IsIn(prefix))
                {
                    return true;
                }
            }
        }

        if (f.TestMethodStarted != false)
        {
            return false;
        }

        for (var i = f.NormalizedFrames.Count - 1; i >= 0; i--)
        {
            var name = f.NormalizedFrames[i];
            if (FailureFacts.IsLibraryFrame(name))
            {
                continue;
            }

            // The outermost frame of the team's code: where the framework called in.
            var member = FrameNames.Member(name);
            return member.StartsWith("get_", StringComparison.Ordinal) || member == "GetEnumerator" || member == "MoveNext"
                || (f.IsTestClassFrame(name) && member is not (".ctor" or ".cctor" or "InitializeAsync" or "Dispose" or "DisposeAsync"));
        }

        return false;
    }

    /// <summary>
    /// For a failed assertion of throws, the rule of the exception actually thrown when that exception is itself a
    /// binding, mocking, async or environment failure, or a crash of the code under test; null when the assertion stands.
    /// </summary>
    internal static BuiltInRule? ThrownDecides(FailureFacts f, IReadOnlyList<BuiltInRule> rules)
    {
        if (f.ThrownFacts is not { } thrown)
        {
            return null;
        }

        foreach (var rule in rules)
        {
            if (rule.Category is not (Categories.Binding or Categories.Mocking or Categories.Async or Categories.Environment or Categories.Error)
                || rule.Id is "binding/data-source" or "async/framework-timeout")
            {
                continue;
            }

            if (rule.Id == "error/exception")
            {
                return thrown.EffectiveIs(CrashOfCodeUnderTest) ? rule : null;
            }

            if (rule.Matches(thrown))
            {
                return rule;
            }
        }

        return null;
    }
}
