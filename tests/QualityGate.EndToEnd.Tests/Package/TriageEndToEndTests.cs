using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace QualityGate.PackageTests;

/// <summary>
/// Failure triage (issue 12) through the real package: root causes in every output of one 'dotnet test', and the
/// test that killed the host named for a stack overflow and for a hang killed by --blame-hang-timeout, both from the
/// blame collector's sequence file, in the one crash run (LoggerEndToEndTests.Crashes). A hang-timeout kill with no
/// test running (the host still starting) names none and says why: tested in the core on the messages of a real run.
/// </summary>
[Collection(PackageTestGroup.VSTest)]
public class TriageEndToEndTests(PackageFeed feed)
{
    [Fact]
    public void Forty_five_failures_from_two_broken_methods_are_two_root_causes_on_the_console_and_in_every_report()
    {
        var (_, output) = LoggerEndToEndTests.Failures(feed);

        // The fixture's phase allows the 45 failures: the gate passes and reports the two causes (the solution run's
        // exit code is the other projects' failures; this project's verdict is its PASS line and no error of its own).
        Assert.Contains("QualityGate triage: PASS", output);
        Assert.DoesNotContain(output.Split('\n'), l => l.Contains("RootCauses.Xunit", System.StringComparison.Ordinal) && l.Contains("error QG", System.StringComparison.Ordinal));
        Assert.Contains("error: 45 failures, 2 root causes", output);
        Assert.Contains("40 failures: System.NullReferenceException at Shop.PriceCatalog.Lookup", output);
        Assert.Contains("error: 45 failing of 45 allowed, 2 root causes", output);

        var results = Path.Combine(feed.Work, "RootCauses.Xunit", "TestResults");
        var file = ResultsFile.Read(Path.Combine(results, "RootCauses.Xunit.net10.0.qualitygate.json"));
        Assert.Equal(45, file.Failed.Count());
        Assert.Equal(2, file.Failed.Select(t => t.GetProperty("failure").GetProperty("rootCause").GetString()).Distinct().Count());
        Assert.Equal(2, file.Run.GetProperty("summary").GetProperty("rootCauses").GetProperty("error").GetInt32());

        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(results, "RootCauses.Xunit.net10.0.qualitygate-report.json")));
        var causes = report.RootElement.GetProperty("rootCauses").EnumerateArray().ToList();
        Assert.Equal([40, 5], causes.Select(c => c.GetProperty("count").GetInt32()));
        Assert.Equal("Shop.Ledger.ParseCents", causes[1].GetProperty("frame").GetString());

        Assert.Contains("**Root causes:** 2 for 45 failing tests", File.ReadAllText(Path.Combine(results, "RootCauses.Xunit.net10.0.qualitygate-report.md")));
        var html = File.ReadAllText(Path.Combine(results, "qualitygate", "RootCauses.Xunit.net10.0", "qualitygate-report.html"));
        Assert.Contains("2 root causes behind 45 failing tests.", html);
    }

    [Fact]
    public void A_stack_overflow_whose_crash_report_is_cut_names_its_test_from_the_blame_sequence()
    {
        var (exit, output) = LoggerEndToEndTests.Crashes(feed);

        Assert.NotEqual(0, exit);
        var crashed = Crashed(Path.Combine(feed.Work, "Crash.StackOverflow", "TestResults", "Crash.StackOverflow.net10.0.qualitygate.json"), output);
        Assert.Equal("Crash.StackOverflow.StackOverflowTests.B_OverflowsTheStack", crashed.GetProperty("name").GetString());
        Assert.Equal("crash/stack-overflow", crashed.GetProperty("failure").GetProperty("rule").GetString());
        Assert.Contains("sequence file", crashed.GetProperty("failure").GetProperty("attribution").GetString());
    }

    [Fact]
    public void A_test_killed_by_the_blame_hang_timeout_is_named_as_a_hang_on_the_console_and_in_the_results_file()
    {
        var (exit, output) = LoggerEndToEndTests.Crashes(feed);

        Assert.NotEqual(0, exit);
        var crashed = Crashed(Path.Combine(feed.Work, "Hang.Xunit", "TestResults", "Hang.Xunit.net10.0.qualitygate.json"), output);
        Assert.Equal("Hang.Xunit.HangTests.B_WaitsForever", crashed.GetProperty("name").GetString());
        var failure = crashed.GetProperty("failure");
        Assert.Equal("crash/hang-timeout", failure.GetProperty("rule").GetString());
        Assert.Contains("sequence file", failure.GetProperty("attribution").GetString());

        // The projects of the solution print in parallel: lines that belong to this test alone.
        Assert.Contains("1 failure: at Hang.Xunit.HangTests.B_WaitsForever", output);
        Assert.Contains("The test did not finish within --blame-hang-timeout", output);
    }

    [Fact]
    public void MSTest_3_expected_exceptions_land_where_the_exception_actually_thrown_says()
    {
        var (exit, output) = LoggerEndToEndTests.Failures(feed);

        Assert.Equal(1, exit);
        var results = ResultsFile.Read(Path.Combine(feed.Work, "Failures.MSTest3", "TestResults", "Failures.MSTest3.net10.0.qualitygate.json"));
        var wrong = results.Failed
            .Where(t => ResultsFile.Trait(t, "Expect") != t.GetProperty("failure").GetProperty("category").GetString())
            .Select(t => $"{t.GetProperty("displayName")}: expected {ResultsFile.Trait(t, "Expect")}, got {t.GetProperty("failure").GetProperty("rule")}")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong) + "\n" + output);
        Assert.Equal(10, results.Failed.Count());
    }

    private static JsonElement Crashed(string path, string output)
    {
        var results = ResultsFile.Read(path);
        Assert.True(results.Run.GetProperty("aborted").GetBoolean(), output);
        return Assert.Single(results.Failed, t => t.GetProperty("failure").GetProperty("category").GetString() == "crash");
    }
}
