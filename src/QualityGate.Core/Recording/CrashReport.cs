using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using QualityGate.Categorization;
using QualityGate.Results;

namespace QualityGate.Recording;

/// <summary>A test named as the one that was running when the host died, and how it was named.</summary>
internal sealed class CrashedTest
{
    public CrashedTest(string name, string displayName, string attribution)
    {
        Name = name;
        DisplayName = displayName;
        Attribution = attribution;
    }

    public string Name { get; }

    public string DisplayName { get; }

    public string Attribution { get; }
}

/// <summary>
/// Names the test that killed the host of an aborted run, from the best evidence there is: the blame collector's
/// sequence file (VSTest with --blame or --blame-hang-timeout), the dying thread's stack in the crash report
/// (Environment.FailFast, an unhandled exception) and the blame collector's "test running when the crash occurred".
/// </summary>
internal static class CrashReport
{
    // The runtime's own report, the first line of the host's error output that VSTest puts after "crashed :" — not
    // the words anywhere in what the host printed.
    private static readonly Regex StackOverflow = new(
        @"(?:crashed\s*:\s*|^)Stack overflow\.",
        RegexOptions.CultureInvariant | RegexOptions.Multiline,
        TimeSpan.FromSeconds(1));

    public const string HostHint =
        "The test host died while this test ran (Environment.Exit/FailFast, an unhandled exception on another thread, a native crash): run it alone with --blame-crash to get a dump.";

    public const string StackOverflowHint =
        "The test host died of a stack overflow while this test ran: look for unbounded recursion (a method, property or ToString that calls itself, a cycle in the data) at the frames the crash report repeats.";

    public const string HangHint =
        "The test did not finish within --blame-hang-timeout and the host was killed: look for a deadlock or a wait that never ends (sync-over-async, a missing cancellation or timeout); run it alone with --blame-hang-dump-type full for its stacks.";

    private const string Marker = "test running when the crash occurred:";

    public static IReadOnlyList<CrashedTest> Attribute(
        RunCompletion completion, string source, TextWriter console)
    {
        var found = new List<CrashedTest>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        void Add(string name, string displayName, string how)
        {
            if (names.Add(name))
            {
                found.Add(new CrashedTest(name, displayName, how));
            }
        }

        foreach (var attachment in completion.Attachments)
        {
            if (BlameSequence.IsSequenceFile(attachment))
            {
                foreach (var (name, displayName) in BlameSequence.Unfinished(attachment.Path, source, console))
                {
                    Add(name, displayName, $"the blame collector's sequence file ({Path.GetFileName(attachment.Path)}) lists this test as started and not completed");
                }
            }
        }

        if (completion.AbortReason is { } reason && InvokedTest(reason) is { } invoked)
        {
            Add(invoked, invoked, "the crash report's stack shows the test framework invoking this test");
        }

        foreach (var name in BlameMessage(completion))
        {
            Add(name, name, "the blame collector reported it as the test running when the host died");
        }

        return found;
    }

    /// <summary>The crash entry of a test that was running when the host died; <paramref name="hostHint"/> replaces the
    /// VSTest advice of a plain host crash (another runner has other switches for a dump).</summary>
    public static TestResultRecord Record(CrashedTest test, RunCompletion completion, string? hostHint = null)
    {
        var (rule, hint) = Kind(completion);
        hint = rule == "crash/test-host" && hostHint is not null ? hostHint : hint;
        return new TestResultRecord(test.Name, test.DisplayName, TestOutcome.Failed)
        {
            Failure = new FailureRecord(Categories.Crash, rule, hint)
            {
                Message = completion.AbortReason,
                RootCause = RootCause.ForCrash(test.Name),
                Attribution = test.Attribution,
            },
        };
    }

    /// <summary>
    /// What killed the host: a stack overflow, blame's hang timeout, or anything else. The host's own "Stack overflow"
    /// report wins over the timeout: a deep recursion can still be printing its stack when the inactivity timer fires
    /// (seen on a loaded machine), and the overflow is what the test did.
    /// </summary>
    private static (string Rule, string Hint) Kind(RunCompletion completion)
    {
        if (completion.AbortReason is { } reason && StackOverflow.IsMatch(reason))
        {
            return ("crash/stack-overflow", StackOverflowHint);
        }

        return KilledForHanging(completion) ? ("crash/hang-timeout", HangHint) : ("crash/test-host", HostHint);
    }

    /// <summary>
    /// Blame's "The specified inactivity time of … has elapsed": --blame-hang-timeout killed the host. Not in xunit's
    /// lines, which carry test names ("… [SKIP]"), whatever those say.
    /// </summary>
    private static bool KilledForHanging(RunCompletion completion)
    {
        foreach (var text in Texts(completion, withWarnings: true))
        {
            if (text.IndexOf("The specified inactivity time of", StringComparison.Ordinal) >= 0 && !FrameworkNoise.IsXunitLine(text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Why a host killed by --blame-hang-timeout names no test, or null when it was not such a kill. The blame collector
    /// counts tests by the start and end events the host sends it; with as many ends as starts it writes no sequence
    /// file ("All tests finished running"). Its inactivity timer runs from the host's launch, so a host still starting
    /// when the timeout elapses is killed before any test starts; a host that hangs in a fixture, a static constructor
    /// or between tests is killed with every started test finished. Either way no test was running to be named.
    /// </summary>
    public static string? UnnamedHang(RunCompletion completion, int testsReported)
    {
        if (!KilledForHanging(completion))
        {
            return null;
        }

        return testsReported == 0
            ? "--blame-hang-timeout killed the test host before any test reported its start, so no test is named: the " +
              "host spent the whole timeout starting, discovering tests or in setup that runs before the first test (a " +
              "static constructor, a class, collection or assembly fixture). The timeout counts from the host's launch: if " +
              "the tests only start slowly (a loaded machine), raise --blame-hang-timeout; otherwise run with " +
              "--blame-hang-dump-type full and read the stacks in the dump."
            : $"--blame-hang-timeout killed the test host after {testsReported} test result{(testsReported == 1 ? string.Empty : "s")}, with every test that had " +
              "started finished, so no test is named: the host hung outside a test (a class, collection or assembly fixture's setup " +
              "or cleanup, a static constructor, a thread that keeps it alive) or between tests. Run with " +
              "--blame-hang-dump-type full and read the stacks in the dump.";
    }

    private static IEnumerable<string> BlameMessage(RunCompletion completion)
    {
        foreach (var text in Texts(completion, withWarnings: false))
        {
            var index = text.IndexOf(Marker, StringComparison.OrdinalIgnoreCase);
            if (index < 0)
            {
                continue;
            }

            // Names follow one per line, sometimes wrapped after a '.'.
            var pending = string.Empty;
            var any = false;
            foreach (var raw in text.Substring(index + Marker.Length).Split('\n'))
            {
                var line = raw.Trim();
                if (line.Length == 0)
                {
                    if (pending.Length == 0 && !any)
                    {
                        continue;
                    }

                    break;
                }

                if (line.IndexOf(' ') >= 0)
                {
                    break;
                }

                pending += line;
                if (!pending.EndsWith(".", StringComparison.Ordinal))
                {
                    any = true;
                    yield return pending;
                    pending = string.Empty;
                }
            }
        }
    }

    /// <summary>
    /// A crash report with the dying thread's stack (Environment.FailFast, an unhandled exception) names the test: it
    /// is the frame the test framework invoked through reflection. A stack overflow's report is cut before that frame
    /// when the recursion is long; the sequence file covers that case.
    /// </summary>
    private static string? InvokedTest(string text)
    {
        var frames = FailureFacts.ParseFrames(text);
        for (var i = 1; i < frames.Count; i++)
        {
            if (frames[i].IsIn("System.Reflection.") && !frames[i - 1].IsIn("System."))
            {
                return frames[i - 1].Method;
            }
        }

        return null;
    }

    private static IEnumerable<string> Texts(RunCompletion completion, bool withWarnings)
    {
        if (completion.AbortReason is not null)
        {
            yield return completion.AbortReason;
        }

        foreach (var error in completion.Errors)
        {
            yield return error;
        }

        if (withWarnings)
        {
            foreach (var warning in completion.Warnings)
            {
                yield return warning;
            }
        }
    }
}
