using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using QualityGate.Reports.Html;
using QualityGate.Results;

namespace QualityGate.Reports.JUnit;

/// <summary>
/// The results as JUnit XML, for CI systems that ingest it: one &lt;testsuite&gt; per results file, one
/// &lt;testcase&gt; per result, the failure's category as its type. Every name and message goes through
/// <see cref="MarkupText"/>, so the file is well-formed whatever the tests printed.
/// </summary>
internal static class JUnitReport
{
    private const int MaxMessageAttribute = 1000;

    public static void Write(IReadOnlyList<RecordedRun> runs, TextWriter writer)
    {
        writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        var all = runs.SelectMany(r => r.Tests).ToList();
        writer.Write($"<testsuites name=\"QualityGate\" tests=\"{all.Count}\" failures=\"{Count(all, TestOutcome.Failed)}\" errors=\"0\" " +
                     $"skipped=\"{all.Count - Count(all, TestOutcome.Passed) - Count(all, TestOutcome.Failed)}\" time=\"{Seconds(runs.Sum(r => r.DurationMs))}\">\n");
        foreach (var run in runs)
        {
            var tests = run.Tests;
            writer.Write($"  <testsuite name=\"{MarkupText.Attribute(run.Assembly)}\" tests=\"{tests.Count}\" failures=\"{Count(tests, TestOutcome.Failed)}\" errors=\"0\" " +
                         $"skipped=\"{tests.Count - Count(tests, TestOutcome.Passed) - Count(tests, TestOutcome.Failed)}\" time=\"{Seconds(run.DurationMs)}\">\n");
            writer.Write("    <properties>\n");
            Property(writer, "targetFramework", run.TargetFramework);
            Property(writer, "resultsFile", run.Path);
            if (run.Shard is not null)
            {
                Property(writer, "shard", run.Shard);
            }

            if (run.Aborted)
            {
                Property(writer, "aborted", run.AbortReason ?? "true");
            }

            writer.Write("    </properties>\n");
            foreach (var test in tests)
            {
                WriteTest(writer, test);
            }

            writer.Write("  </testsuite>\n");
        }

        writer.Write("</testsuites>\n");
    }

    public static string ToXml(IReadOnlyList<RecordedRun> runs)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(runs, writer);
        return writer.ToString();
    }

    private static void WriteTest(TextWriter writer, RecordedTest test)
    {
        var (classname, name) = Split(test);
        writer.Write($"    <testcase classname=\"{MarkupText.Attribute(classname)}\" name=\"{MarkupText.Attribute(name)}\" time=\"{Seconds(test.DurationMs)}\"");
        switch (test.Outcome)
        {
            case TestOutcome.Failed:
                writer.Write(">\n");
                var category = test.Category ?? "error";
                var first = FirstLine(test.Message) ?? test.Hint ?? "failed";
                writer.Write($"      <failure type=\"{MarkupText.Attribute(category)}\" message=\"{MarkupText.Attribute(first, MaxMessageAttribute)}\">");
                writer.Write(MarkupText.Escape(Body(test)));
                writer.Write("</failure>\n    </testcase>\n");
                break;
            case TestOutcome.Skipped when test.SkipReason is { } reason:
                writer.Write($">\n      <skipped message=\"{MarkupText.Attribute(FirstLine(reason) ?? reason, MaxMessageAttribute)}\"/>\n    </testcase>\n");
                break;
            case TestOutcome.Skipped:
                writer.Write(">\n      <skipped/>\n    </testcase>\n");
                break;
            case TestOutcome.None:
                writer.Write(">\n      <skipped message=\"no outcome\"/>\n    </testcase>\n");
                break;
            default:
                writer.Write("/>\n");
                break;
        }
    }

    /// <summary>The message, the stack trace, then where it failed and what to do.</summary>
    private static string Body(RecordedTest test)
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(test.Message))
        {
            parts.Add(test.Message!);
        }

        if (!string.IsNullOrEmpty(test.StackTrace))
        {
            parts.Add(test.StackTrace!);
        }
        else if (test.Location is { } location)
        {
            parts.Add($"at {location}");
        }

        if (test.Hint is { } hint)
        {
            parts.Add($"{test.Category ?? "error"}{(test.Rule is null ? string.Empty : $" ({test.Rule})")}: {hint}");
        }

        return string.Join("\n", parts);
    }

    /// <summary>"Ns.C.Method" → ("Ns.C", display name without the "Ns.C." prefix), as JUnit readers group by class.</summary>
    private static (string ClassName, string Name) Split(RecordedTest test)
    {
        var dot = test.Name.LastIndexOf('.');
        if (dot <= 0)
        {
            return (string.Empty, test.DisplayName);
        }

        var classname = test.Name.Substring(0, dot);
        var name = test.DisplayName.StartsWith(classname + ".", StringComparison.Ordinal) ? test.DisplayName.Substring(dot + 1) : test.DisplayName;
        return (classname, name);
    }

    private static void Property(TextWriter writer, string name, string value) =>
        writer.Write($"      <property name=\"{name}\" value=\"{MarkupText.Attribute(value)}\"/>\n");

    private static string? FirstLine(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var line = text!.Trim();
        var end = line.IndexOfAny(['\r', '\n']);
        return end < 0 ? line : line.Substring(0, end);
    }

    private static int Count(IReadOnlyList<RecordedTest> tests, TestOutcome outcome) => tests.Count(t => t.Outcome == outcome);

    private static string Seconds(double milliseconds) => (milliseconds / 1000).ToString("0.000", CultureInfo.InvariantCulture);
}
