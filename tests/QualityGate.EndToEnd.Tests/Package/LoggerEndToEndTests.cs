using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace QualityGate.PackageTests;

/// <summary>
/// One PackageReference, then 'dotnet test --logger gate', exactly as a user runs it: every VSTest framework of the
/// failure fixtures in one solution run, the passing projects (one multi-targeted) in another, into one results folder.
/// </summary>
[Collection(PackageTestGroup.VSTest)]
public class LoggerEndToEndTests(PackageFeed feed)
{
    [Theory]
    [InlineData("Failures.Xunit")]
    [InlineData("Failures.NUnit")]
    [InlineData("Failures.MSTest")]
    public void Every_failure_of_a_real_suite_is_recorded_in_the_category_its_test_declares(string fixture)
    {
        var (exit, output) = Failures(feed);

        Assert.Equal(1, exit); // the fixtures fail on purpose
        var results = ResultsFile.Read(Path.Combine(feed.Work, fixture, "TestResults", $"{fixture}.net10.0.qualitygate.json"));
        Assert.Equal(fixture, results.Run.GetProperty("assembly").GetString());
        Assert.False(results.Run.GetProperty("aborted").GetBoolean());
        var wrong = results.Failed
            .Where(t => ResultsFile.Trait(t, "Expect") != t.GetProperty("failure").GetProperty("category").GetString())
            .Select(t => $"{t.GetProperty("displayName")}: expected {ResultsFile.Trait(t, "Expect") ?? "(no Expect trait)"}, got " +
                         $"{t.GetProperty("failure").GetProperty("category")} by {t.GetProperty("failure").GetProperty("rule")}")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.True(results.Failed.Count() >= 40, $"only {results.Failed.Count()} failures recorded");
        Assert.Contains(results.Tests, t => t.GetProperty("outcome").GetString() == "skipped");
        Assert.Equal(3, results.Tests.Count(t => t.GetProperty("outcome").GetString() == "passed"));

        // The summary counts what the tests array holds, and the console says the same.
        var summary = results.Run.GetProperty("summary");
        Assert.Equal(results.Tests.Count, summary.GetProperty("total").GetInt32());
        Assert.Equal(results.Failed.Count(), summary.GetProperty("categories").EnumerateObject().Sum(c => c.Value.GetInt32()));
        Assert.Contains($"QualityGate: {fixture} (net10.0): {results.Tests.Count} tests", output);
        Assert.Contains("failures by category: ", output);
    }

    [Fact]
    public void Tests_the_framework_lost_without_failing_them_fail_the_gate_though_every_result_passed()
    {
        var (_, output) = Failures(feed);

        var results = ResultsFile.Read(Path.Combine(feed.Work, "LostTests.Xunit", "TestResults", "LostTests.Xunit.net10.0.qualitygate.json"));
        Assert.Equal(2, results.Tests.Count(t => t.GetProperty("outcome").GetString() == "passed"));
        Assert.Equal(2, results.Tests.Count); // of four: the orderer's class never ran
        Assert.Contains(results.Run.GetProperty("errors").EnumerateArray(), e => e.GetString()!.Contains("Catastrophic failure: Test case orderer", System.StringComparison.Ordinal));
        Assert.Contains(output.Split('\n'), l => l.Contains("LostTests.Xunit (net10.0): the test framework lost tests", System.StringComparison.Ordinal)
                                                   && l.Contains("error QG4009", System.StringComparison.Ordinal));
        Assert.DoesNotContain("QualityGate lost: PASS", output);
    }

    [Fact]
    public void Theory_rows_that_share_a_name_are_separate_results_with_their_own_display_names()
    {
        var (exit, output) = Passing(feed);

        Assert.True(exit == 0, output);
        var results = ResultsFile.Read(Path.Combine(SharedResults(feed), "Alpha.Tests.net10.0.qualitygate.json"));
        var rows = results.Tests.Where(t => t.GetProperty("name").GetString() == "Alpha.Tests.AlphaTests.Counts").ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(3, rows.Select(r => r.GetProperty("displayName").GetString()).Distinct().Count());
    }

    [Fact]
    public void A_solution_run_in_parallel_into_one_results_folder_writes_one_intact_file_per_project()
    {
        var shared = SharedResults(feed);

        var (exit, output) = Passing(feed);

        Assert.True(exit == 0, output);
        foreach (var project in new[] { "Alpha.Tests", "Beta.Tests", "Gamma.Tests" })
        {
            var results = ResultsFile.Read(Path.Combine(shared, $"{project}.net10.0.qualitygate.json"));
            Assert.Equal(project, results.Run.GetProperty("assembly").GetString());
            Assert.Equal(4, results.Tests.Count);
        }

        Assert.Equal(5, Directory.GetFiles(shared, "*.qualitygate.json").Length); // and MultiTarget.Xunit's two
        Assert.Empty(Directory.GetFiles(shared, "*.tmp").Concat(Directory.GetFiles(shared, "*.spool")));
    }

    [Fact]
    public void A_multi_targeted_project_writes_one_file_per_framework()
    {
        var (exit, output) = Passing(feed);

        Assert.True(exit == 0, output);
        foreach (var framework in new[] { "net9.0", "net10.0" })
        {
            var results = ResultsFile.Read(Path.Combine(SharedResults(feed), $"MultiTarget.Xunit.{framework}.qualitygate.json"));
            Assert.Equal(framework, results.Run.GetProperty("targetFramework").GetString());
            Assert.Equal(2, results.Tests.Count);
        }
    }

    /// <summary>Failures.slnx: xunit, NUnit, MSTest 4 and 3, the root-cause and lost-tests fixtures, built and run in parallel.</summary>
    internal static (int ExitCode, string Output) Failures(PackageFeed feed) =>
        feed.Once("failures", () => feed.Test("Failures.slnx", "--logger", "gate"));

    /// <summary>Passing.slnx, every project into one results folder; net9.0 runs on the .NET 10 runtime.</summary>
    internal static (int ExitCode, string Output) Passing(PackageFeed feed) =>
        feed.Once("passing", () => feed.Test("Passing.slnx", new Dictionary<string, string> { ["DOTNET_ROLL_FORWARD"] = "Major" }, "--logger", "gate", "--results-directory", SharedResults(feed)));

    internal static string SharedResults(PackageFeed feed) => Path.Combine(feed.Work, "shared-results");
}
