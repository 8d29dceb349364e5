using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace QualityGate.PackageTests;

/// <summary>
/// Test hosts that die, through the real package, in one solution run (Crashes.slnx): a host killed by an exit call,
/// one by a stack overflow and one by blame's hang timeout, each recorded as an aborted run naming the test that was
/// running — the last two from the blame collector's sequence file. A collection of its own: the run waits about 40 s
/// for the hang, while the other chains use the machine. A hang-timeout kill with no test running (the host still
/// starting) names none and says why: tested in the core on the messages of a real run.
/// </summary>
[Collection(PackageTestGroup.Crashes)]
public class CrashEndToEndTests(PackageFeed feed)
{
    [Fact]
    public void A_test_host_crash_is_recorded_as_an_aborted_run_naming_the_test_that_was_running()
    {
        var (exit, output) = Crashes(feed);

        Assert.NotEqual(0, exit);
        var results = ResultsFile.Read(Path.Combine(feed.Work, "Crash.Xunit", "TestResults", "Crash.Xunit.net10.0.qualitygate.json"));
        Assert.True(results.Run.GetProperty("aborted").GetBoolean());
        Assert.Contains("crashed", results.Run.GetProperty("abortReason").GetString());
        var crashed = Assert.Single(results.Failed);
        Assert.Equal("Crash.Xunit.CrashTests.B_KillsTheTestHost", crashed.GetProperty("name").GetString());
        Assert.Equal("crash", crashed.GetProperty("failure").GetProperty("category").GetString());
        Assert.Contains("RUN ABORTED", output);
    }

    [Fact]
    public void A_stack_overflow_whose_crash_report_is_cut_names_its_test_from_the_blame_sequence()
    {
        var (exit, output) = Crashes(feed);

        Assert.NotEqual(0, exit);
        var crashed = Crashed(Path.Combine(feed.Work, "Crash.StackOverflow", "TestResults", "Crash.StackOverflow.net10.0.qualitygate.json"), output);
        Assert.Equal("Crash.StackOverflow.StackOverflowTests.B_OverflowsTheStack", crashed.GetProperty("name").GetString());
        Assert.Equal("crash/stack-overflow", crashed.GetProperty("failure").GetProperty("rule").GetString());
        Assert.Contains("sequence file", crashed.GetProperty("failure").GetProperty("attribution").GetString());
    }

    [Fact]
    public void A_test_killed_by_the_blame_hang_timeout_is_named_as_a_hang_on_the_console_and_in_the_results_file()
    {
        var (exit, output) = Crashes(feed);

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

    /// <summary>
    /// Crashes.slnx: a host killed by an exit call, one by a stack overflow, one by blame's hang timeout. The timeout
    /// counts from every host's launch, the stack overflow's too: 40s leaves room for a host that takes 8s to reach its
    /// first test on a loaded machine (measured), and for more while every chain of the tier starts at once; a host
    /// still starting when it elapses is killed before its test runs, and names none (docs/categories.md). The wait is
    /// the hang's, not CPU: this chain still ends well before the others.
    /// </summary>
    private static (int ExitCode, string Output) Crashes(PackageFeed feed) =>
        feed.Once("crashes", () => feed.Test("Crashes.slnx", "--logger", "gate", "--blame", "--blame-hang-timeout", "40s", "--blame-hang-dump-type", "none"));

    private static JsonElement Crashed(string path, string output)
    {
        var results = ResultsFile.Read(path);
        Assert.True(results.Run.GetProperty("aborted").GetBoolean(), output);
        var crashes = results.Failed.Where(t => t.GetProperty("failure").GetProperty("category").GetString() == "crash").ToList();
        Assert.True(crashes.Count == 1, $"{crashes.Count} crash entries in {path}; the run's errors: {results.Run.GetProperty("errors")}; its abort reason: {results.Run.GetProperty("abortReason")}\n{output}");
        return crashes[0];
    }
}
