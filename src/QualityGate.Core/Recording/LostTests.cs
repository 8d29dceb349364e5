using System;
using System.Text.RegularExpressions;

namespace QualityGate.Recording;

/// <summary>
/// The run messages that say a test framework lost tests: it could not discover or run some (a class, a collection,
/// the whole assembly) and reported no result for them, only a message, while the rest ran. Counted from the results
/// alone, such a run passes on the tests that ran. Each pattern was captured from a real run
/// (tests/fixtures/capture-run-messages.sh) or is the framework's own wording for the same failure:
/// <list type="bullet">
/// <item>VSTest: "An exception occurred while invoking executor …" (an adapter's executor threw: MSTest 4's discovery
/// errors end here), "An exception occurred while test discoverer … was loading tests", and "No test is available in …"
/// (a warning: an assembly of the run yielded no test at all — NUnit's only trace of an assembly it could not load).</item>
/// <item>xunit's VSTest adapter: "Catastrophic failure" (a type it cannot load, a test case orderer that throws),
/// "[FATAL ERROR]", "Exception discovering tests" — behind its "[xUnit.net 00:00:00.12] " prefix.</item>
/// <item>NUnit's adapter: "Exception thrown executing tests" / "Exception thrown discovering tests".</item>
/// <item>MSTest 3 (and MSTest 4 with TreatDiscoveryWarningsAsErrors=false): "[MSTest][Discovery][…] …", a class or
/// method it cannot use or a type it cannot load — MSTest 4 fails the run for each of them by default.</item>
/// </list>
/// Other error-level messages are not losses: NUnit reports a fixture it cannot set up as an error message and as a
/// failed result of each of its tests; xunit's "[FAIL]" lines repeat failed results; a test's error output arrives as
/// a warning. VSTest's "No test matches the given testcase filter" is a filter, not a loss.
/// </summary>
internal static class LostTests
{
    private static readonly Regex XunitPrefix = new(
        @"^\[xUnit\.net \d{2}:\d{2}:\d{2}\.\d{2}\]\s*",
        RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    // VSTest's, NUnit's and MSTest's own wording, at the start of the message.
    private static readonly Regex Loss = new(
        @"^(?:An\ exception\ occurred\ while\ (?:invoking\ executor\ '|test\ discoverer\ ')" +
        @"|No\ test\ is\ available\ in\ " +
        @"|(?:Exception\ [\w.`+]{1,200},\ )?Exception\ thrown\ (?:executing|discovering)\ tests" +
        @"|\[MSTest\]\[Discovery\]\[)",
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeSpan.FromSeconds(1));

    // xunit's, after its prefix: "Catastrophic failure" may follow the assembly's name ("App.Tests: Catastrophic …").
    private static readonly Regex XunitLoss = new(
        @"^(?:(?:[^:\s]{1,260}:\ )?(?:Catastrophic\ failure|Exception\ discovering\ tests)|\[FATAL\ ERROR\])",
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeSpan.FromSeconds(1));

    /// <summary>Whether a run message (error or warning) says that the test framework lost tests.</summary>
    public static bool IsLoss(string message)
    {
        var xunit = XunitPrefix.Match(message);
        if (!xunit.Success)
        {
            return Loss.IsMatch(message);
        }

        // A failed test's "[FAIL]" line starts with its display name, which may read like anything.
        var rest = message.Substring(xunit.Length);
        return XunitLoss.IsMatch(rest) && !rest.TrimEnd().EndsWith("[FAIL]", StringComparison.Ordinal);
    }

    /// <summary>The message without xunit's "[xUnit.net 00:00:00.12] " timestamp, which tells a reader nothing.</summary>
    public static string WithoutPrefix(string message)
    {
        var match = XunitPrefix.Match(message);
        return match.Success ? message.Substring(match.Length) : message;
    }
}
