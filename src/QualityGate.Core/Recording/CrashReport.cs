using System;
using System.Collections.Generic;
using QualityGate.Categorization;
using QualityGate.Results;

namespace QualityGate.Recording;

/// <summary>
/// Reads an aborted run's messages for the test that was running when the host died. VSTest's blame collector
/// prints "The test running when the crash occurred:" followed by names, sometimes wrapped after a '.'.
/// </summary>
internal static class CrashReport
{
    public const string Hint =
        "The test host died while this test ran (stack overflow, Environment.Exit/FailFast, native crash): run it alone with --blame-crash to get a dump.";

    private const string Marker = "test running when the crash occurred:";

    public static IReadOnlyList<string> RunningTests(RunCompletion completion)
    {
        var names = new List<string>();
        if (completion.AbortReason is { } reason && InvokedTest(reason) is { } invoked)
        {
            names.Add(invoked);
        }

        foreach (var text in Texts(completion))
        {
            var index = text.IndexOf(Marker, StringComparison.OrdinalIgnoreCase);
            if (index < 0)
            {
                continue;
            }

            var pending = string.Empty;
            foreach (var raw in text.Substring(index + Marker.Length).Split('\n'))
            {
                var line = raw.Trim();
                if (line.Length == 0)
                {
                    if (pending.Length == 0 && names.Count == 0)
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
                    if (!names.Contains(pending))
                    {
                        names.Add(pending);
                    }

                    pending = string.Empty;
                }
            }
        }

        return names;
    }

    /// <summary>
    /// A crash report with the dying thread's stack (Environment.FailFast, an unhandled exception) names the test: it
    /// is the frame the test framework invoked through reflection.
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

    public static TestResultRecord Record(string name, RunCompletion completion) => new(name, name, TestOutcome.Failed)
    {
        Failure = new FailureRecord(Categories.Crash, "crash/test-host", Hint)
        {
            Message = completion.AbortReason,
        },
    };

    private static IEnumerable<string> Texts(RunCompletion completion)
    {
        if (completion.AbortReason is not null)
        {
            yield return completion.AbortReason;
        }

        foreach (var error in completion.Errors)
        {
            yield return error;
        }
    }
}
