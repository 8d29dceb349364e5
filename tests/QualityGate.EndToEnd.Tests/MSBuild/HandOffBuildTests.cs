using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using QualityGate.PackageTests;
using Xunit;

namespace QualityGate.MSBuildTests;

/// <summary>
/// The hand-off from 'dotnet test --logger gate' to the gate: a run that recorded nothing of its own fails the build
/// with a coded error, and the results file an earlier run left at the same path is never judged in its place.
/// The fixture is built once, and one passing run leaves its results behind, as a user's TestResults folder would have
/// them; each scenario then runs 'dotnet test --no-build' in a copy of its own of that folder (or of the clean build).
/// </summary>
[Collection(MSBuildTestGroup.HandOff)]
public class HandOffBuildTests(SourceFixtures fixtures)
{
    private const string Tests = "HandOff.Tests";
    private const string Passing = "Kind!=Failing";

    [Fact]
    public void Listing_the_tests_with_the_gate_logger_lists_them_and_records_nothing()
    {
        var fixture = Clean();

        var (exit, output) = Test(fixture, "--list-tests", "--logger", "gate;Verbosity=quiet");

        Assert.True(exit == 0, output); // VSTest failed to find the logger before: "Could not find a test logger … 'gate'"
        Assert.Contains("The following Tests are available:", output);
        Assert.Contains("HandOff.Tests.", output);
        Assert.DoesNotContain("QualityGate", output);
        Assert.False(File.Exists(ResultsPath(fixture)), "a listing wrote a results file");
    }

    [Fact]
    public void A_typo_in_a_logger_parameter_after_a_good_run_fails_the_build_with_the_loggers_code()
    {
        var fixture = GoodRun();

        var (exit, output) = Test(fixture, "--logger", "gate;Verbosty=quiet", "--filter", Passing);

        Assert.True(exit == 1, output);
        Assert.Contains("error QG2001: the gate logger has no parameter 'Verbosty'", output);
        Assert.DoesNotContain(": PASS", output);
        Assert.DoesNotContain("Passed!", output); // refused before any test ran
    }

    [Fact]
    public void A_logger_configuration_that_does_not_exist_fails_the_build_before_the_tests_run()
    {
        var fixture = GoodRun();

        var (exit, output) = Test(fixture, "--logger", "gate;Config=nowhere/qualitygate.json", "--filter", Passing);

        Assert.True(exit == 1, output);
        Assert.Contains("nowhere/qualitygate.json : QualityGate error QG1005", output);
        Assert.DoesNotContain(": PASS", output);
    }

    [Fact]
    public void A_killed_test_run_fails_the_build_instead_of_judging_the_previous_runs_results()
    {
        var fixture = GoodRun();
        var marker = Path.Combine(fixture, "hang.started");

        var (exit, output) = TestAndKillVsTestConsole(fixture, marker, "--logger", "gate", "--filter", Passing);

        Assert.True(exit == 1, output);
        Assert.Contains("error QG2015: this results file was written by another test run", output);
        Assert.Contains("The test run itself failed before it finished.", output);
        Assert.DoesNotContain(": PASS", output);
    }

    [SkippableFact]
    public void A_read_only_results_folder_fails_the_build_before_the_tests_run()
    {
        var fixture = GoodRun();
        var readOnly = Path.Combine(fixture, "read-only-results");
        using var mount = ReadOnlyMount.Create(readOnly);
        Skip.If(mount is null, "this machine cannot make a read-only folder (a read-only bind mount needs root); the scenario is not run.");

        var (exit, output) = Test(fixture, "--logger", "gate", "--results-directory", readOnly, "--filter", Passing);

        Assert.True(exit == 1, output);
        Assert.Contains("error QG2003: cannot write test results to", output);
        Assert.DoesNotContain(": PASS", output);
    }

    [Fact]
    public void A_runsettings_results_directory_is_where_the_logger_writes_and_the_gate_reads()
    {
        var fixture = GoodRun();
        var settings = Path.Combine(fixture, "settings", "elsewhere.runsettings");
        Directory.CreateDirectory(Path.GetDirectoryName(settings)!);
        File.WriteAllText(settings, "<RunSettings><RunConfiguration><ResultsDirectory>../elsewhere</ResultsDirectory></RunConfiguration></RunSettings>");

        // The failing test is in this run; the passing run's file in TestResults/ must not be what is judged.
        var (exit, output) = Test(fixture, "--logger", "gate", "--settings", settings, "-p:QualityGatePhase=tight");

        Assert.True(exit == 1, output);
        Assert.Contains("error QG4006: assertion: 1 failing test > 0 allowed by tight", output);
        var written = ResultsFile.Read(Path.Combine(fixture, "elsewhere", "HandOff.Tests.net10.0.qualitygate.json"));
        Assert.Single(written.Failed);
    }

    [Fact]
    public void A_filter_that_matches_no_test_is_no_evidence_and_fails_the_build()
    {
        var fixture = GoodRun();

        var (exit, output) = Test(fixture, "--logger", "gate", "--filter", "FullyQualifiedName=No.Such.Test");

        Assert.True(exit == 1, output);
        Assert.Contains("error QG4011: no test was executed", output);
    }

    // The classic console logger's verdict and its silence on failures within budget are GateBuildTests' (budget).
    [Fact]
    public void A_run_that_meets_the_phase_passes_judges_its_own_results_file_and_the_terminal_logger_shows_its_verdict()
    {
        var fixture = Clean();

        var (exit, output) = fixtures.Test(Path.Combine(fixture, Tests), new Dictionary<string, string> { ["MSBUILDTERMINALLOGGER"] = "on" }, "--no-build", "--logger", "gate", "-tl:on");

        Assert.True(exit == 0, output); // the failing test is within its budget
        Assert.Contains("QualityGate lenient: PASS", output);
        Assert.Contains("assertion: 1 failing of 1 allowed", output);
        Assert.DoesNotContain("warning", output, StringComparison.OrdinalIgnoreCase);
        var results = ResultsFile.Read(ResultsPath(fixture));
        Assert.Matches("^[0-9a-f]{32}$", results.Run.GetProperty("id").GetString());
        Assert.Single(results.Failed);
    }

    [Fact]
    public void Without_a_qualitygate_json_failing_tests_fail_the_build_as_they_do_without_QualityGate()
    {
        var fixture = Clean();
        File.Delete(Path.Combine(fixture, "qualitygate.json"));

        var (exit, output) = Test(fixture, "--logger", "gate");

        Assert.True(exit == 1, output);
        Assert.DoesNotContain("QualityGate lenient", output);
        Assert.Single(ResultsFile.Read(ResultsPath(fixture)).Failed); // recorded all the same
    }

    /// <summary>A copy of the built fixture after one passing run: its results file is there, as a user's would be.</summary>
    private string GoodRun() => fixtures.Copy(fixtures.Once("handoff-good-run", () =>
    {
        var folder = fixtures.Copy(fixtures.Built("HandOff", Tests), "handoff-good-run");
        var (exit, output) = Test(folder, "--logger", "gate", "--filter", Passing);
        Assert.True(exit == 0, output);
        Assert.Contains("QualityGate lenient: PASS", output);
        Assert.True(File.Exists(ResultsPath(folder)));
        return folder;
    }), "handoff");

    /// <summary>A copy of the built fixture that no test has run yet.</summary>
    private string Clean() => fixtures.Copy(fixtures.Built("HandOff", Tests), "handoff");

    private static string ResultsPath(string fixture) =>
        Path.Combine(fixture, Tests, "TestResults", "HandOff.Tests.net10.0.qualitygate.json");

    // Every scenario runs the tests of the one build, as 'dotnet test --no-build' in CI does.
    private (int Exit, string Output) Test(string fixture, params string[] arguments) =>
        fixtures.Test(Path.Combine(fixture, Tests), new Dictionary<string, string>(), ["--no-build", .. arguments]);

    /// <summary>Starts the run with the hanging test, kills the vstest.console this run started once it waits, and lets dotnet test finish.</summary>
    private (int Exit, string Output) TestAndKillVsTestConsole(string fixture, string marker, params string[] arguments)
    {
        var environment = new Dictionary<string, string> { ["QG_FIXTURE_HANG"] = marker };
        (int, string) result = default;
        var run = new Thread(() => result = fixtures.Test(Path.Combine(fixture, Tests), environment, ["--no-build", .. arguments]));
        run.Start();
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (!File.Exists(marker))
        {
            Assert.True(DateTime.UtcNow < deadline, "the hanging test never started");
            Thread.Sleep(200);
        }

        var console = ProcessTree.Find(p => p.CommandLine.Contains("vstest.console.dll", StringComparison.Ordinal) && p.CommandLine.Contains(Path.GetFileName(fixture), StringComparison.Ordinal));
        Assert.True(console is not null, "no vstest.console process of this run was found");
        Process.GetProcessById(console!.Value.Pid).Kill();
        run.Join();
        return result;
    }
}
