using System.Collections.Generic;
using System.Linq;
using QualityGate.Diagnostics;
using QualityGate.Policy;
using QualityGate.Reports;
using QualityGate.Results;
using Xunit;
using static QualityGate.Tests.Policy.GateFixture;

namespace QualityGate.Tests.Policy;

/// <summary>No pass without evidence: nothing executed, a target whose measure is absent, an aborted run.</summary>
public class EvidenceTests
{
    private const string Plan = """
        {
          "layers": { "services": { "include": ["src/App/Services/**/*.cs"] } },
          "testLayers": { "unit": { "projects": ["*.UnitTests"] }, "integration": { "projects": ["*.IntegrationTests"] } },
          "phases": [ { "name": "p", "passRate": 90, "total": { "branch": 50 }, "layers": { "services": { "line": 50 } },
                        "testLayers": { "integration": { "passRate": 90 } }, "maxDurationSeconds": 600 } ]
          EVIDENCE
        }
        """;

    [Theory]
    [InlineData(0, 0, "no test result was recorded")]
    [InlineData(3, 0, "its 3 results are all skipped or not run (3 skipped)")]
    public void A_run_that_executed_no_test_fails_whatever_its_targets_say(int skipped, int passed, string says)
    {
        var report = Judge(Plan.Replace("EVIDENCE", string.Empty), Run("App.UnitTests", passed, skipped));

        var violation = Assert.Single(report.Violations, v => v.Code == DiagnosticCode.NoTestsExecuted);
        Assert.Contains(says, violation.Message);
        Assert.True(violation.Untrusted);
        Assert.False(report.Trusted);
    }

    [Fact]
    public void A_suite_that_legitimately_runs_nothing_opts_out_in_qualitygate_json()
    {
        var report = Judge(Plan.Replace("EVIDENCE", """, "evidence": { "allowNoTests": true, "allowMissing": ["testLayer"] }"""), Run("App.UnitTests", 0, 2));

        Assert.DoesNotContain(report.Violations, v => v.Code == DiagnosticCode.NoTestsExecuted);
        Assert.True(report.Trusted);
    }

    [Fact]
    public void A_target_whose_measure_is_absent_is_a_violation_that_says_so()
    {
        var report = Judge(Plan.Replace("EVIDENCE", string.Empty), Run("App.UnitTests", 5, 0), branches: false);

        var missing = report.Violations.Where(v => v.Code == DiagnosticCode.MeasureMissing).ToList();
        Assert.Contains(missing, v => v.Subject == "total" && v.Message.Contains("no branch data here (0 branches)", System.StringComparison.Ordinal));
        Assert.Contains(missing, v => v.Subject == "integration" && v.Message.Contains("no integration test was executed", System.StringComparison.Ordinal));
        Assert.DoesNotContain(report.Violations, v => v.Code == DiagnosticCode.BranchCoverageBelowTarget);
        Assert.True(report.Trusted); // the run is evidence; this target is simply not shown to be met
    }

    [Fact]
    public void Absent_measures_the_configuration_accepts_leave_their_targets_unjudged()
    {
        var report = Judge(Plan.Replace("EVIDENCE", """, "evidence": { "allowMissing": ["branch", "testLayer"] }"""), Run("App.UnitTests", 5, 0), branches: false);

        Assert.DoesNotContain(report.Violations, v => v.Code == DiagnosticCode.MeasureMissing);
        Assert.True(report.Passed, string.Join("\n", report.Violations.Select(v => v.Message)));
    }

    [Fact]
    public void A_duration_limit_without_a_recorded_duration_is_not_met()
    {
        var run = Run("App.IntegrationTests", 5, 0);
        run.DurationMs = 0;

        var report = Judge(Plan.Replace("EVIDENCE", """, "evidence": { "allowMissing": ["branch"] }"""), run);

        Assert.Contains(report.Violations, v => v.Code == DiagnosticCode.MeasureMissing && v.Subject == "duration");
    }

    [Fact]
    public void An_unknown_measure_in_allowMissing_is_a_configuration_error_listing_the_valid_ones()
    {
        var error = Assert.Throws<QualityGateException>(() => MakeConfig(Plan.Replace("EVIDENCE", """, "evidence": { "allowMissing": ["branches"] }""")));

        Assert.Equal(DiagnosticCode.ConfigInvalidValue, error.Code);
        Assert.Contains("the measures that may be missing are: branch, line, testLayer, duration", error.Message);
    }

    [Fact]
    public void An_aborted_run_is_untrusted_so_no_mode_passes_it()
    {
        var run = Run("App.UnitTests", 5, 0);
        run.Aborted = true;
        run.AbortReason = "The active test run was aborted. Reason: Test host process crashed";

        var report = Judge(Plan.Replace("EVIDENCE", """, "evidence": { "allowMissing": ["branch", "testLayer"] }"""), run);

        Assert.True(Assert.Single(report.Violations, v => v.Code == DiagnosticCode.RunNotTrustworthy).Untrusted);
        Assert.False(report.Trusted);
    }

    private static GateReport Judge(string json, RecordedRun run, bool branches = true)
    {
        var coverage = branches
            ? MakeCoverage(("src/App/Services/PriceService.cs", 40, 50))
            : Coverage.CoberturaLike(("src/App/Services/PriceService.cs", 40, 50));
        return GateEvaluator.Evaluate(new GateInput(MakeConfig(json), [run]) { Coverage = coverage, JudgeNextPhase = false });
    }

    private static RecordedRun Run(string assembly, int passed, int skipped)
    {
        var tests = new List<RecordedTest>();
        for (var i = 0; i < passed; i++)
        {
            tests.Add(new RecordedTest($"{assembly}.T.P{i}", $"{assembly}.T.P{i}", TestOutcome.Passed) { TestLayer = assembly.EndsWith("UnitTests", System.StringComparison.Ordinal) ? "unit" : "integration" });
        }

        for (var i = 0; i < skipped; i++)
        {
            tests.Add(new RecordedTest($"{assembly}.T.S{i}", $"{assembly}.T.S{i}", TestOutcome.Skipped));
        }

        return new RecordedRun($"/repo/{assembly}.qualitygate.json", assembly, "net10.0") { Tests = tests, DurationMs = 1500 };
    }

    /// <summary>Coverage with lines only, as a report without branch data has it.</summary>
    private static class Coverage
    {
        public static QualityGate.Coverage.CoverageData CoberturaLike(params (string Path, int Covered, int Valid)[] files)
        {
            var data = new QualityGate.Coverage.CoverageData();
            foreach (var (path, covered, valid) in files)
            {
                var file = data.GetOrAddFile(path);
                for (var line = 1; line <= valid; line++)
                {
                    file.Add(line, new QualityGate.Coverage.LineHits(line <= covered ? 1 : 0, 0, 0));
                }
            }

            return data;
        }
    }
}
