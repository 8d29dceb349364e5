using System;
using System.Text.RegularExpressions;

namespace QualityGate.Recording;

/// <summary>
/// What test frameworks report that is not a test of its own. xunit's VSTest adapter reports a cleanup failure (a
/// Dispose or fixture teardown that threw) as one more failed result of each affected test case, with a message
/// "[Test Cleanup Failure (…)]: …"; counted as tests, one timed-out test became two failures and budgets flipped at
/// random. Its console progress lines ("[xUnit.net 00:00:01.23]   Ns.Test [FAIL]") arrive as error messages.
/// </summary>
internal static class FrameworkNoise
{
    private static readonly Regex Cleanup = new(
        @"^\[Test (?<scope>Assembly |Collection |Class |Method |Case )?Cleanup Failure \((?<subject>.*?)\)\]:\s*",
        RegexOptions.CultureInvariant | RegexOptions.Singleline,
        TimeSpan.FromSeconds(1));

    // xunit's VSTest adapter starts every run message with it, whatever the message says.
    private static readonly Regex XunitPrefix = new(
        @"^\[xUnit\.net \d{2}:\d{2}:\d{2}\.\d{2}\]\s*",
        RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    /// <summary>
    /// Whether a failed result is a framework's cleanup failure rather than a test; <paramref name="ofOneTest"/> tells
    /// a test's own cleanup (it belongs to that test) from a class, collection or assembly cleanup (it belongs to the run).
    /// </summary>
    public static bool IsCleanupFailure(string? message, out bool ofOneTest, out string description)
    {
        var match = message is null ? null : Cleanup.Match(message);
        if (match is null || !match.Success)
        {
            ofOneTest = false;
            description = string.Empty;
            return false;
        }

        var scope = match.Groups["scope"].Value.Trim();
        ofOneTest = scope.Length == 0 || scope == "Case";
        description = $"Test {(scope.Length == 0 ? string.Empty : scope + " ")}Cleanup Failure ({match.Groups["subject"].Value}): {message!.Substring(match.Length)}";
        return true;
    }

    /// <summary>The cleanup failure's own message, without the framework's "[Test Cleanup Failure (…)]: " prefix.</summary>
    public static string WithoutCleanupPrefix(string message)
    {
        var match = Cleanup.Match(message);
        return match.Success ? message.Substring(match.Length) : message;
    }

    /// <summary>
    /// Whether a run message is a framework's progress line, not an error of the run. xunit prefixes every message
    /// this way, also the ones that say it lost tests (<see cref="LostTests"/>): those are errors.
    /// </summary>
    public static bool IsProgressLine(string message) => IsXunitLine(message) && !LostTests.IsLoss(message);

    /// <summary>Whether a run message comes from xunit's VSTest adapter (its "[xUnit.net 00:00:00.12] " prefix).</summary>
    public static bool IsXunitLine(string message) => XunitPrefix.IsMatch(message);

    /// <summary>The message without xunit's "[xUnit.net 00:00:00.12] " prefix, which tells a reader nothing.</summary>
    public static string WithoutXunitPrefix(string message)
    {
        var match = XunitPrefix.Match(message);
        return match.Success ? message.Substring(match.Length) : message;
    }
}
