using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace QualityGate.Categorization;

/// <summary>
/// The built-in rules in the order they are tried; the first that matches decides. Legacy (by location) and user
/// rules come before these; docs/categories.md gives the reasons for the order.
/// </summary>
public static class BuiltInRules
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private static readonly string[] MockingNamespaces =
        ["Moq.", "Castle.DynamicProxy.", "Castle.Proxies.", "NSubstitute.", "FakeItEasy."];

    // TUnit wraps what a [Before(...)] hook threw in these; the tests behind the hook never ran.
    private static readonly string[] SetupHookTypes =
    [
        "TUnit.Core.Exceptions.BeforeClassException", "TUnit.Core.Exceptions.BeforeTestException",
        "TUnit.Core.Exceptions.BeforeAssemblyException", "TUnit.Core.Exceptions.BeforeTestSessionException",
        "TUnit.Core.Exceptions.BeforeTestDiscoveryException",
    ];

    private static readonly string[] AssertionNamespaces =
    [
        "Xunit.Assert", "NUnit.Framework.Assert", "NUnit.Framework.Legacy.ClassicAssert", "NUnit.Framework.CollectionAssert",
        "NUnit.Framework.StringAssert", "NUnit.Framework.Internal.Assert", "Microsoft.VisualStudio.TestTools.UnitTesting.Assert",
        "Microsoft.VisualStudio.TestTools.UnitTesting.StringAssert", "Microsoft.VisualStudio.TestTools.UnitTesting.CollectionAssert",
        "FluentAssertions.", "Shouldly.", "TUnit.Assertions.",
    ];

    // Xunit.Sdk holds the assertion exceptions, and a few that are not about assertions at all.
    private static readonly HashSet<string> XunitNonAssertions = new(StringComparer.Ordinal)
    {
        "Xunit.Sdk.TestTimeoutException", "Xunit.Sdk.TestClassException", "Xunit.Sdk.TestPipelineException",
    };

    private static readonly Regex AssertionShape = new(
        @"^\s*(?:Assert\.\w+\(\) Failure|Assert\.\w+\(|Assert\.\w+ failed\.|Assertion failed\.|Expected:|Expected (?:string|collection|value|\w+ to)|Multiple failures or warnings in test|One or more (?:assertions|child tests) had errors)",
        RegexOptions.CultureInvariant,
        Timeout);

    private static readonly Regex SetupPrefix = new(
        @"^\s*(?:One[Tt]ime)?SetUp\s*:|(?:Assembly|Class) Initialization method .* threw exception|Initialization method .* threw exception|did not have matching fixture data|Class fixture type .* threw|Collection fixture type .* threw|threw in its constructor",
        RegexOptions.CultureInvariant,
        Timeout);

    private static readonly Regex ParameterCount = new(
        @"expected \d+ parameter values?|Too (?:many|few) arguments provided|doesn't match method parameters|does not match method parameters|Parameter count mismatch|parameter count mismatch|Wrong number of arguments|No arguments were provided|methods are not allowed to have parameters|Method has parameters, but does not define any test source|Expected exactly \d+ arguments?, but got \d+",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase,
        Timeout);

    private static readonly Regex ArgumentConversion = new(
        @"Object of type '.+?' cannot be converted to type|cannot be converted to type|Cannot convert .+? to|is not a valid value for",
        RegexOptions.CultureInvariant,
        Timeout);

    private static readonly Regex DependencyInjection = new(
        @"Unable to resolve service for type|No service for type|A suitable constructor for type .+? could not be located|No constructor for type .+? can be instantiated",
        RegexOptions.CultureInvariant,
        Timeout);

    private static readonly Regex MockingMessage = new(
        @"Non-overridable members .* may not be used in setup|Invalid setup on a non-virtual|Unsupported expression:|Type to mock .*must be an interface|Can not instantiate proxy of class|Could not find a call to return from|Object instance was not created by Moq|Expected invocation on the mock|invocation failed with mock behavior Strict|Assertion failed for the following call|of strict fake|Expected to receive .*call|Actually received no matching calls|Can not return value of type",
        RegexOptions.CultureInvariant,
        Timeout);

    // Anchored at the start: these are the frameworks' own words, not text an assertion happens to compare.
    private static readonly Regex FrameworkTimeout = new(
        @"^\s*(?:Test execution timed out after|Test exceeded (?:Timeout|CancelAfter) value|Test '[^']*' (?:timed out after|exceeded execution timeout)|Test timed out after|Timeout of \d+ ?ms exceeded)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase,
        Timeout);

    public static IReadOnlyList<BuiltInRule> All { get; } =
    [
        new("setup/fixture-or-initializer",
            "The test never reached its body: fix the failing setup (constructor, fixture, SetUp/TestInitialize, InitializeAsync) first — every test behind it fails the same way.",
            f => f.MessageMatches(SetupPrefix)),
        new("setup/hook",
            "A setup hook (Before(Class), Before(Test), Before(Assembly)) threw, so the test never ran: fix the hook — every test behind it fails the same way.",
            f => f.AnyTypeIn(SetupHookTypes)),
        new("setup/test-class-constructor",
            "The test class's constructor or InitializeAsync threw before the test ran: fix the shared setup.",
            IsTestClassSetupFrame),

        new("async/framework-timeout",
            "The test ran past its timeout: await the work instead of blocking, make it faster, or raise the timeout if the work is legitimately slow.",
            f => f.Evidence.State == "timeout" || f.EffectiveIs("Xunit.Sdk.TestTimeoutException") || f.MessageMatches(FrameworkTimeout)),

        new("assertion/assert",
            "An assertion failed: the code's result differs from the expectation — fix the code, or update the expectation if the behaviour changed on purpose.",
            IsAssertion),

        new("mocking/library",
            "The mocking library refused: add the missing Setup/Returns, make the member virtual or mock an interface, or correct the Verify/Received expectation.",
            f => f.AnyTypeIn(MockingNamespaces) || f.TopFrameIn(MockingNamespaces) || f.MessageMatches(MockingMessage)),

        new("binding/parameter-count",
            "The test's data rows do not match its parameters: make the InlineData/TestCase/DataRow values match the method signature.",
            f => f.EffectiveIs("System.Reflection.TargetParameterCountException") || f.MessageMatches(ParameterCount)),
        new("binding/argument-conversion",
            "A data row's value has the wrong type for its parameter: change the value or the parameter type.",
            f => f.EffectiveIs("System.ArgumentException") && f.MessageMatches(ArgumentConversion)),
        new("binding/missing-member",
            "The test calls a member that no longer exists in the code as built: update the test to the current signature and rebuild both projects.",
            f => f.EffectiveIs("System.MissingMethodException", "System.MissingFieldException", "System.MissingMemberException")),
        new("binding/type-load",
            "A type or assembly could not be loaded: align package and project references (versions, target frameworks) and rebuild.",
            f => f.EffectiveIs("System.TypeLoadException", "System.BadImageFormatException")
                || (f.EffectiveIs("System.IO.FileNotFoundException", "System.IO.FileLoadException") && f.MessageContains("Could not load file or assembly"))),
        new("binding/dynamic",
            "A dynamic call did not bind: the member or its arguments changed — use the current API or a typed call.",
            f => f.EffectiveIs("Microsoft.CSharp.RuntimeBinder.RuntimeBinderException")),
        new("binding/dependency-injection",
            "A service is not registered: register it (or a fake) in the test's service collection.",
            f => f.MessageMatches(DependencyInjection)),

        new("async/cancelled",
            "A task was cancelled: check which token fired (a timeout or a disposed CancellationTokenSource) and await the operation before it is cancelled.",
            f => f.EffectiveIs("System.Threading.Tasks.TaskCanceledException", "System.OperationCanceledException")),
        new("async/timeout",
            "An operation timed out: await it instead of blocking, give it the time it needs, or fake the slow dependency.",
            f => f.EffectiveIs("System.TimeoutException")),

        new("environment/file-system",
            "A file or folder the test needs is missing or not accessible: create it in the test (a temp folder) or copy it to the output directory.",
            f => f.EffectiveIs("System.IO.DirectoryNotFoundException", "System.IO.FileNotFoundException", "System.IO.PathTooLongException",
                "System.IO.DriveNotFoundException", "System.IO.IOException", "System.UnauthorizedAccessException")),
        new("environment/network",
            "The test reached for the network: start the service it needs (on localhost) or replace the call with a fake handler.",
            f => f.EffectiveIs("System.Net.Sockets.SocketException", "System.Net.Http.HttpRequestException", "System.Net.WebException")),
        new("environment/native",
            "A native library or platform feature is missing: install it on the machine (CI image) or skip the test on this platform.",
            f => f.EffectiveIs("System.DllNotFoundException", "System.EntryPointNotFoundException", "System.PlatformNotSupportedException")),

        new("error/exception",
            "The code under test threw: look at the throwing frame and fix the code, or the test's arrangement if the input is invalid.",
            f => f.Effective is not null),
        new("error/unrecognized",
            "The failure carries no exception QualityGate recognises: read the message, and add a rule to qualitygate.json if it recurs.",
            _ => true),
    ];

    private static bool IsAssertion(FailureFacts f)
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

    private static bool IsTestClassSetupFrame(FailureFacts f)
    {
        var sawSetup = false;
        foreach (var frame in f.TestClassFrames())
        {
            var member = frame.Method.Substring(f.TestClass.Length + 1);
            if (member.StartsWith(".ctor", StringComparison.Ordinal)
                || member.StartsWith("InitializeAsync", StringComparison.Ordinal)
                || member.StartsWith("<InitializeAsync>", StringComparison.Ordinal))
            {
                sawSetup = true;
            }
            else if (!member.StartsWith("<", StringComparison.Ordinal))
            {
                // A frame of a test method (or a helper it called): the body was reached.
                return false;
            }
        }

        return sawSetup;
    }
}
