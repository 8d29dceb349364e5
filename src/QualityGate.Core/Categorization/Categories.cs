using System.Collections.Generic;

namespace QualityGate.Categorization;

/// <summary>The built-in failure categories. User rules may add others.</summary>
internal static class Categories
{
    public const string Binding = "binding";
    public const string Mocking = "mocking";
    public const string Async = "async";
    public const string Legacy = "legacy";
    public const string Assertion = "assertion";
    public const string Setup = "setup";
    public const string Environment = "environment";
    public const string Crash = "crash";
    public const string Error = "error";

    /// <summary>In the order the categorizer tries them (after user rules); docs/categories.md explains why.</summary>
    public static IReadOnlyList<string> BuiltIn { get; } =
        [Legacy, Setup, Assertion, Mocking, Binding, Async, Environment, Crash, Error];
}
