using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace QualityGate.PackageTests;

/// <summary>
/// One PackageReference, then 'dotnet test --gate' in .NET 10's Microsoft.Testing.Platform mode, on xunit v3,
/// MSTest.Sdk and TUnit: the same results file and the same gate as under VSTest, and the verdict as the exit code.
/// </summary>
[Collection(PackageTestGroup.TestingPlatform)]
public class TestingPlatformEndToEndTests(PackageFeed feed)
{
    private readonly TestingPlatformFeed mtp = TestingPlatformFeed.For(feed);

    // The three failure fixtures share their test names, one failure of each category from the real libraries.
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["Assertion_fails"] = "assertion",
        ["Strict_mock_has_no_setup"] = "mocking",
        ["Substitute_was_not_called"] = "mocking",
        ["Data_row_has_one_value_too_many"] = "binding",
        ["Service_is_not_registered"] = "binding",
        ["Runs_past_its_timeout"] = "async",
        ["Data_file_is_missing"] = "environment",
        ["Code_under_test_throws"] = "error",
        ["Never_runs"] = "setup",
        ["Rounds_like_the_old_system"] = "legacy",
    };

    [Fact]
    public void A_solution_of_xunit_v3_MSTest_and_TUnit_projects_run_in_parallel_records_each_with_the_categories_and_counts_of_the_platforms_own_trx()
    {
        var (exit, output) = Failures();

        Assert.True(exit == 2, output); // failing tests, no qualitygate.json: the platform's own code
        foreach (var assembly in new[] { "Xunit3.Failures", "MSTest.Failures", "TUnit.Failures" })
        {
            var results = mtp.Results("failures", assembly);
            Assert.False(results.Run.GetProperty("aborted").GetBoolean(), assembly);
            var wrong = results.Failed
                .Select(t => (Method: t.GetProperty("name").GetString()!.Split('.')[^1], Category: t.GetProperty("failure").GetProperty("category").GetString()))
                .Where(t => Expected.GetValueOrDefault(t.Method) != t.Category)
                .Select(t => $"{assembly} {t.Method}: expected {Expected.GetValueOrDefault(t.Method)}, got {t.Category}")
                .ToList();
            Assert.True(wrong.Count == 0, string.Join("\n", wrong));
            Assert.Equal(Expected.Count, results.Failed.Count());

            // The fully qualified name comes from the method identifier even where the display name is short (MSTest, TUnit).
            Assert.All(results.Tests, t => Assert.StartsWith("Mtp.", t.GetProperty("name").GetString()));
            var summary = results.Run.GetProperty("summary");
            var trx = mtp.TrxCounters("failures", assembly);
            Assert.Equal(trx["total"], summary.GetProperty("total").GetInt32());
            Assert.Equal(trx["passed"], summary.GetProperty("passed").GetInt32());
            Assert.Equal(trx["failed"], summary.GetProperty("failed").GetInt32());
            Assert.Equal(trx["notExecuted"], summary.GetProperty("skipped").GetInt32());
            Assert.Equal(results.Tests.Count, summary.GetProperty("total").GetInt32());
        }

        var timeout = mtp.Results("failures", "Xunit3.Failures").Failed.Single(t => t.GetProperty("name").GetString()!.EndsWith("Runs_past_its_timeout"));
        Assert.Equal("timeout", timeout.GetProperty("failure").GetProperty("state").GetString());
        Assert.Contains("QualityGate: TUnit.Failures (net10.0): 12 tests, 1 passed, 10 failed, 1 skipped", output);
    }

    [Fact]
    public void Failing_tests_within_their_budgets_pass_the_gate_and_exit_0_with_coverlet_MTP_coverage_read_like_coverlet_collectors()
    {
        var (exit, output) = mtp.Test("budget", "--project", "Gate/App.Tests", "--gate", "--gate-phase", "budget", "--coverlet");

        Assert.True(exit == 0, output);
        var results = mtp.Results("budget", "App.Tests");
        Assert.Equal(1, results.Run.GetProperty("summary").GetProperty("failed").GetInt32());
        var attachment = Assert.Single(results.Run.GetProperty("attachments").EnumerateArray());
        Assert.Contains("cobertura", attachment.GetProperty("path").GetString());
        var report = File.ReadAllText(Path.Combine(mtp.ResultsDirectory("budget"), "App.Tests.net10.0.qualitygate-report.json"));
        Assert.Contains("\"verdict\": \"pass\"", report);
        Assert.Contains("\"covered\": 12", report); // services: 12 of 12 lines, measured by coverlet.MTP
        Assert.True(File.Exists(Path.Combine(mtp.ResultsDirectory("budget"), "qualitygate", "App.Tests.net10.0", "qualitygate-report.html")));
    }

    [Fact]
    public void A_failing_test_beyond_its_budget_fails_the_gate_with_exit_code_2_and_prints_the_violation()
    {
        var (exit, output) = mtp.Test("tight", "--project", "Gate/App.Tests", "--gate", "--gate-phase", "tight", "--coverlet");

        Assert.True(exit == 2, output);
        Assert.Contains("QualityGate tight: FAIL", output);
        Assert.Contains("error QG4006: assertion: 1 failing test > 0 allowed by tight", output);
    }

    [Fact]
    public void A_coverage_target_missed_on_a_green_run_fails_the_gate_with_exit_code_14()
    {
        var (exit, output) = mtp.Test("strict", "--project", "Gate/App.Tests", "--gate", "--gate-phase", "strict", "--coverlet", "--filter-not-trait", "Kind=Failing");

        Assert.True(exit == 14, output);
        Assert.Contains("error QG4001: services: line coverage 83.3 % < 100.0 % required by strict", output);
    }

    [Fact]
    public void A_test_host_that_dies_is_recorded_as_an_aborted_run_naming_the_test_and_exits_7()
    {
        var (exit, output) = mtp.Test("crash", "--project", "Crash.Xunit3", "--gate");

        Assert.True(exit == 7, output);
        Assert.Contains("error QG2030", output);
        var results = mtp.Results("crash", "Crash.Xunit3");
        Assert.True(results.Run.GetProperty("aborted").GetBoolean());
        var crash = Assert.Single(results.Failed, t => t.GetProperty("failure").GetProperty("category").GetString() == "crash");
        Assert.Equal("Crash.Xunit3.CrashTests.B_KillsTheTestHost", crash.GetProperty("name").GetString());
        Assert.False(File.Exists(Path.Combine(mtp.ResultsDirectory("crash"), "Crash.Xunit3.net10.0.qualitygate.json.tmp")));
    }

    // The platform's own handling of an option error, once for the VSTest switch a user types by habit and once for a
    // bad value of ours; every other bad option is the same validation, tested in process (GateOptionsTests).
    [Theory]
    [InlineData("QG1021", "--logger", "gate")]
    [InlineData("QG1020", "--gate", "--gate-verbosity", "loud")]
    public void A_wrong_switch_stops_the_run_before_any_test_with_exit_code_5_and_says_what_to_type(string code, params string[] arguments)
    {
        // MSTest: the platform prints option errors where 'dotnet test' shows them (xunit v3's MTP mode does not).
        var (exit, output) = mtp.Test("switch-" + code, ["--project", "MSTest.Failures", .. arguments]);

        Assert.True(exit == 5, output);
        Assert.Contains($"error {code}:", output);
        Assert.Contains("Zero tests ran", output);
    }

    [Fact]
    public void A_VSTest_project_and_an_MTP_project_are_judged_as_one_by_dotnet_gate_check()
    {
        // The results of the two real runs other tests assert on, copied into a folder of this test's own.
        var (vstestExit, vstestOutput) = LoggerEndToEndTests.Passing(feed);
        Assert.True(vstestExit == 0, vstestOutput);
        var (mtpExit, mtpOutput) = Failures();
        Assert.True(mtpExit == 2, mtpOutput);
        var folder = Directory.CreateDirectory(Path.Combine(mtp.Feed.Work, "mixed-" + Repository.Unique())).FullName;
        var vstest = Path.Combine(folder, "Alpha.Tests.net10.0.qualitygate.json");
        var xunit3 = Path.Combine(folder, "Xunit3.Failures.net10.0.qualitygate.json");
        File.Copy(Path.Combine(LoggerEndToEndTests.SharedResults(feed), "Alpha.Tests.net10.0.qualitygate.json"), vstest);
        File.Copy(Path.Combine(mtp.ResultsDirectory("failures"), "Xunit3.Failures.net10.0.qualitygate.json"), xunit3);
        var config = Path.Combine(folder, "qualitygate.json");
        File.WriteAllText(config, """
            { "phases": [ { "name": "mixed", "maxFailures": { "assertion": 1, "async": 1, "binding": 2, "environment": 1, "error": 1, "mocking": 2, "setup": 1 } } ] }
            """);
        var tool = Path.Combine(mtp.Feed.Environment["NUGET_PACKAGES"], "qualitygate", mtp.Feed.Version.ToLowerInvariant(), "tools", "gate", "dotnet-gate.dll");

        var (exit, output) = DotNet.Run(folder, mtp.Feed.Environment, "exec", tool, "check", "--config", config, "--results", vstest, "--results", xunit3);

        Assert.True(exit == 0, output);
        var alpha = ResultsFile.Read(vstest).Run.GetProperty("summary").GetProperty("passed").GetInt32();
        Assert.Contains($"tests: {alpha + 1} passed, 10 failed, 1 skipped", output);
    }

    /// <summary>Failures.sln in MTP mode, once: xunit v3, MSTest.Sdk and TUnit in parallel.</summary>
    private (int ExitCode, string Output) Failures() => feed.Once("mtp-failures", () => mtp.Test("failures", "--solution", "Failures.sln", "--gate"));
}
