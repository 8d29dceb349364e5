using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace QualityGate.Categorization;

/// <summary>
/// The built-in rules in the order they are tried; the first that matches decides. Legacy (by location) and user
/// rules come before these; docs/categories.md gives the reasons for the order.
/// </summary>
internal static class BuiltInRules
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    // TUnit wraps what a [Before(...)] hook threw in these; the tests behind the hook never ran.
    private static readonly string[] SetupHookTypes =
    [
        "TUnit.Core.Exceptions.BeforeClassException", "TUnit.Core.Exceptions.BeforeTestException",
        "TUnit.Core.Exceptions.BeforeAssemblyException", "TUnit.Core.Exceptions.BeforeTestSessionException",
        "TUnit.Core.Exceptions.BeforeTestDiscoveryException",
    ];

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
            // MTP's TRX and console name the hook exception without its namespace; TUnit's frames confirm it.
            f => f.AnyTypeIn(SetupHookTypes) || (f.OutermostIs(SetupHookTypes) && f.AnyFrameIn("TUnit."))),
        new("setup/test-class-constructor",
            "The test class's constructor, field initializers or InitializeAsync threw before the test method started: fix that setup (its throwing frame is in the stack trace) — every test of the class fails the same way.",
            RulePredicates.IsTestClassSetup),
        new("binding/data-source",
            "The test's data source (MemberData, ClassData, TestCaseSource, DynamicData) returned null or threw before any row ran: make it a static member that is initialized when the class loads, and fix what it throws.",
            RulePredicates.IsDataSource),

        new("async/framework-timeout",
            "The test ran past its timeout: await the work instead of blocking, make it faster, or raise the timeout if the work is legitimately slow.",
            f => f.Evidence.State == "timeout" || f.EffectiveIs("Xunit.Sdk.TestTimeoutException") || f.MessageMatches(FrameworkTimeout)),

        new("assertion/throws",
            "The code threw a different exception than the test expects, or none: decide which is right — fix the code, or update the expected exception type.",
            f => f.Thrown is not null,
            f => RulePredicates.ThrownDecides(f, All!)),
        new("assertion/assert",
            "An assertion failed: the code's result differs from the expectation — fix the code, or update the expectation if the behaviour changed on purpose.",
            RulePredicates.IsAssertion),

        new("mocking/library",
            "The mocking library refused: add the missing Setup/Returns, make the member virtual or mock an interface, or correct the Verify/Received expectation.",
            f => f.AnyTypeIn(RulePredicates.MockingNamespaces) || f.TopFrameIn(RulePredicates.MockingNamespaces) || f.MessageMatches(MockingMessage)),

        new("binding/parameter-count",
            "The test's data rows do not match its parameters: make the InlineData/TestCase/DataRow values match the method signature.",
            f => f.EffectiveIs("System.Reflection.TargetParameterCountException") || f.MessageMatches(ParameterCount)),
        new("binding/argument-conversion",
            "A data row's value has the wrong type for its parameter: change the value or the parameter type.",
            f => f.EffectiveIs("System.ArgumentException") && f.MessageMatches(ArgumentConversion)),
        new("binding/missing-member",
            "A method, constructor or field the test binds to does not exist in the code as built: rebuild the test and product projects together, then call the current signature.",
            f => f.EffectiveIs("System.MissingMethodException", "System.MissingFieldException", "System.MissingMemberException")),
        new("binding/type-load",
            "A type or assembly could not be loaded: align package and project references (versions, target frameworks) and rebuild.",
            f => f.EffectiveIs("System.TypeLoadException", "System.BadImageFormatException")
                || (f.EffectiveIs("System.IO.FileNotFoundException", "System.IO.FileLoadException") && f.MessageContains("Could not load file or assembly"))),
        new("binding/dynamic",
            "A dynamic call did not bind: the member or its arguments changed — use the current API or a typed call.",
            f => f.EffectiveIs("Microsoft.CSharp.RuntimeBinder.RuntimeBinderException")),
        new("binding/dependency-injection",
            "The container could not build a service: register the missing dependency (or a fake) in the test's service collection, or give the type a public constructor the container can satisfy.",
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
            "A native library or one of its entry points is missing: install it on the machine (CI image) or ship it with the tests (runtimes/<rid>/native), or skip the test where it cannot exist.",
            f => f.EffectiveIs("System.DllNotFoundException", "System.EntryPointNotFoundException")),
        new("environment/platform",
            "This API does not work on this runtime or operating system (BinaryFormatter is gone since .NET 9, Windows-only APIs on Linux): migrate the code off the API, or skip the test where it cannot run.",
            f => f.EffectiveIs("System.PlatformNotSupportedException")),

        new("error/exception",
            "The code under test threw: look at the throwing frame and fix the code, or the test's arrangement if the input is invalid.",
            f => f.Effective is not null),
        new("error/unrecognized",
            "The failure carries no exception QualityGate recognises: read the message, and add a rule to qualitygate.json if it recurs.",
            _ => true),
    ];
}
