using System;
using System.IO;
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
/// <item>QualityGate's own <see cref="SessionFailure"/>: Microsoft.Testing.Platform's exit code 10
/// (TestAdapterTestSessionFailure), which the '--gate' controller records; the framework's message is not seen there.</item>
/// </list>
/// Other error-level messages are not losses: NUnit reports a fixture it cannot set up as an error message and as a
/// failed result of each of its tests; xunit's "[FAIL]" lines repeat failed results; a test's error output arrives as
/// a warning. VSTest's "No test matches the given testcase filter" is a filter, not a loss.
/// </summary>
internal static class LostTests
{
    /// <summary>
    /// The run error the Microsoft.Testing.Platform controller records when the test host exits with code 10
    /// (TestAdapterTestSessionFailure): the framework said its test session failed (TUnit: a session hook that threw,
    /// or an exception out of its engine), so tests may have run only in part.
    /// </summary>
    public const string SessionFailure =
        "The test framework failed its test session (Microsoft.Testing.Platform exit code 10, TestAdapterTestSessionFailure): " +
        "its message is in the run's console output."; // under the 200 characters the gate quotes

    // VSTest's, NUnit's and MSTest's own wording, and the MTP controller's (exit code 10), at the start of the message.
    private static readonly Regex Loss = new(
        @"^(?:An\ exception\ occurred\ while\ (?:invoking\ executor\ '|test\ discoverer\ ')" +
        @"|No\ test\ is\ available\ in\ " +
        @"|(?:Exception\ [\w.`+]{1,200},\ )?Exception\ thrown\ (?:executing|discovering)\ tests" +
        @"|\[MSTest\]\[Discovery\]\[" +
        @"|The\ test\ framework\ failed\ its\ test\ session\ \(Microsoft\.Testing\.Platform\ exit\ code\ 10\b)",
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeSpan.FromSeconds(1));

    // xunit's, after its prefix: "Catastrophic failure" may follow the assembly's name ("App.Tests: Catastrophic …").
    private static readonly Regex XunitLoss = new(
        @"^(?:(?:[^:\s]{1,260}:\ )?(?:Catastrophic\ failure|Exception\ discovering\ tests)|\[FATAL\ ERROR\])",
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeSpan.FromSeconds(1));

    // xunit's line for one test's result ("    {display name} [FAIL]", "[SKIP]"): the name may read like anything.
    private static readonly Regex XunitTestLine = new(
        @"\[(?:FAIL|SKIP|PASS|NOT\ RUN)\]\s*$",
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeSpan.FromSeconds(1));

    // The test source a loss names, where it names one: a path (VSTest, MSTest) or an assembly name (xunit).
    private static readonly Regex NamedPath = new(
        @"^No\ test\ is\ available\ in\ (?<source>.+?)(?:\.\ Make\ sure|\.?\s*$)" +
        @"|^\[MSTest\]\[Discovery\]\[(?<source>[^\]]{1,1000})\]" +
        @"|Discovery\ failed\ for\ source\ '(?<source>[^']{1,1000})'",
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeSpan.FromSeconds(1));

    private static readonly Regex NamedAssembly = new(
        @"^(?<source>[^:\s]{1,260}):\ (?:Catastrophic\ failure|Exception\ discovering\ tests)",
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeSpan.FromSeconds(1));

    /// <summary>Whether a run message (error or warning) says that the test framework lost tests.</summary>
    public static bool IsLoss(string message)
    {
        if (!FrameworkNoise.IsXunitLine(message))
        {
            return Loss.IsMatch(message);
        }

        var rest = FrameworkNoise.WithoutXunitPrefix(message);
        return XunitLoss.IsMatch(rest) && !XunitTestLine.IsMatch(rest);
    }

    /// <summary>
    /// Whether a run message belongs to the results of the test source <paramref name="source"/>: every message does,
    /// but a loss that names another source (one logger serves every assembly of a vstest.console run; a test may print
    /// such a line about another assembly to its error output, which arrives as a warning).
    /// </summary>
    public static bool Concerns(string message, string source)
    {
        if (!IsLoss(message) || Named(message) is not { } named)
        {
            return true;
        }

        var file = Path.GetFileName(source);
        var comparison = Files.FileNode.PathComparison;
        return Path.IsPathRooted(named)
            ? string.Equals(Normalize(named), Normalize(source), comparison)
            : string.Equals(named, file, comparison) || string.Equals(named, Path.GetFileNameWithoutExtension(file), comparison);
    }

    private static string? Named(string message)
    {
        var path = NamedPath.Match(message);
        if (path.Success)
        {
            return path.Groups["source"].Value.Trim();
        }

        var assembly = FrameworkNoise.IsXunitLine(message) ? NamedAssembly.Match(FrameworkNoise.WithoutXunitPrefix(message)) : Match.Empty;
        return assembly.Success ? assembly.Groups["source"].Value : null;
    }

    private static string Normalize(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path; // not a path this machine can read: compared as written
        }
    }

    /// <summary>What to do about a loss, for the gate's message.</summary>
    public static string WhatToDo(string message) =>
        message == SessionFailure
            ? "Find the framework's error in the run's console output (a session or assembly hook that threw, an exception in the framework), " +
              "fix it and run the tests again."
            : message.StartsWith("No test is available in ", StringComparison.Ordinal)
            ? "Either the framework could not load the assembly (a dependency missing at run time: fix it and run the tests again), " +
              "or the project has no tests but references Microsoft.NET.Test.Sdk (set <IsTestProject>false</IsTestProject> in it)."
            : "Fix what the message names (a dependency missing at run time, a test class, data source or orderer the framework " +
              "cannot use) and run the tests again.";
}
