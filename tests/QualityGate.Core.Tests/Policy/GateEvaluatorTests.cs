using System.IO;
using System.Linq;
using System.Text;
using QualityGate.Coverage;
using QualityGate.Diagnostics;
using QualityGate.Policy;
using QualityGate.Reports;
using QualityGate.Results;
using Xunit;
using static QualityGate.Tests.Policy.GateFixture;

namespace QualityGate.Tests.Policy;

public class GateEvaluatorTests
{
    private static GateReport Evaluate(string? phase, CoverageData? coverage, params RecordedRun[] runs) =>
        GateEvaluator.Evaluate(new GateInput(MakeConfig(), runs) { PhaseOverride = phase, Coverage = coverage });

    private static QualityGate.Coverage.CoverageData MetCoverage() => MakeCoverage(
        ("src/App/Services/PriceService.cs", 46, 50),
        ("src/App/Services/OrderService.cs", 45, 50),
        ("src/App/Workers/ReportWorker.cs", 30, 60),
        ("src/App/Workers/Generated/Client.cs", 0, 20),
        ("src/App/Program.cs", 5, 10));

    [Fact]
    public void A_run_that_meets_the_phase_passes_and_reports_each_layer()
    {
        var report = Evaluate(null, MetCoverage(), MakeRun("App.UnitTests", 95, ("binding", 2), ("mocking", 1)));

        Assert.True(report.Passed, string.Join("\n", report.Violations.Select(v => v.Message)));
        Assert.Equal("2A", report.Phase);
        Assert.Equal("2B", report.NextPhase);
        var services = report.Layers.Single(l => l.Name == "services");
        Assert.Equal((91, 100, 2), (services.Lines.Covered, services.Lines.Valid, services.Files));
        var workers = report.Layers.Single(l => l.Name == "workers");
        Assert.Equal((30, 60), (workers.Lines.Covered, workers.Lines.Valid)); // the excluded generated client is not in it
        Assert.Equal((126, 190), (report.Total!.Lines.Covered, report.Total.Lines.Valid));
        Assert.Equal(2, report.Unlayered!.Files);
    }

    [Fact]
    public void A_layer_below_target_is_a_violation_with_measured_value_target_and_gap()
    {
        var report = Evaluate(null, MakeCoverage(("src/App/Services/PriceService.cs", 88, 100), ("src/App/Workers/ReportWorker.cs", 90, 100)), MakeRun("App.UnitTests", 10));

        var violation = Assert.Single(report.Violations);
        Assert.Equal(DiagnosticCode.LineCoverageBelowTarget, violation.Code);
        Assert.Equal("services: line coverage 88.0 % < 90.0 % required by 2A (gap 2.0 pp; 88/100 lines). To close it, cover 2 more lines: PriceService.cs 89–100 (2).", violation.Message);
    }

    [Fact]
    public void One_failing_test_is_one_test_in_every_message()
    {
        var config = MakeConfig("""{ "phases": [ { "name": "p", "passRate": 90, "maxFailures": { "binding": 0 } } ] }""");
        var report = GateEvaluator.Evaluate(new GateInput(config, [MakeRun("App.UnitTests", 1, ("binding", 1))]));

        Assert.Contains(report.Violations, v => v.Message == "binding: 1 failing test > 0 allowed by p (over by 1). Fix it.");
        Assert.Contains(report.Violations, v => v.Message.EndsWith("1 of 2 tests fails.", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Coverage_is_compared_exactly_and_shown_rounded_down_so_a_miss_never_looks_like_a_hit()
    {
        // 899/1000 = 89.9 % against 90 %: a miss, and it must not print as "90.0 %".
        var report = Evaluate(null, MakeCoverage(("src/App/Services/A.cs", 899, 1000), ("src/App/Workers/B.cs", 10, 10)), MakeRun("App.UnitTests", 10));

        Assert.Contains("line coverage 89.9 % < 90.0 %", Assert.Single(report.Violations).Message);
    }

    [Fact]
    public void A_later_phase_inherits_earlier_targets_and_adds_its_own()
    {
        var report = Evaluate("2B", MetCoverage(), MakeRun("App.UnitTests", 95, ("binding", 2), ("mocking", 1)));

        var codes = report.Violations.Select(v => v.Code).ToList();
        Assert.Contains(DiagnosticCode.LineCoverageBelowTarget, codes);    // total 66.3 % < 70 %
        Assert.DoesNotContain(DiagnosticCode.BranchCoverageBelowTarget, codes); // total branches 82.6 % ≥ 50 %
        Assert.Contains(DiagnosticCode.CategoryOverBudget, codes);         // binding 2 > 1
        Assert.Contains(DiagnosticCode.PassRateBelowTarget, codes);        // unit 96.9 % < 97 %
        Assert.DoesNotContain(report.Violations, v => v.Subject == "mocking"); // the 2A budget of 1 still holds
        Assert.Contains(DiagnosticCode.SuiteTooSlow, codes);               // 1.5 s > 1 s
        Assert.DoesNotContain(DiagnosticCode.FileBelowMinimum, codes);     // both service files are above 80 %
    }

    [Fact]
    public void Failures_without_a_budget_fail_but_legacy_failures_are_the_plans_to_carry()
    {
        var report = Evaluate(null, MetCoverage(), MakeRun("App.UnitTests", 200, ("legacy", 3), ("async", 1)));

        var violation = Assert.Single(report.Violations);
        Assert.Equal(DiagnosticCode.FailuresNotAllowed, violation.Code);
        Assert.Equal("async", violation.Subject);
        Assert.Equal(("/repo/tests/App.UnitTests/T.cs", 10), (violation.File, violation.Line));
        Assert.Contains("allow them with phases[2A].maxFailures.async", violation.Message);
    }

    [Fact]
    public void An_aborted_run_or_one_recorded_with_a_broken_configuration_is_never_trusted()
    {
        var aborted = MakeRun("App.UnitTests", 10);
        aborted.Aborted = true;
        aborted.AbortReason = "Test host process crashed";
        var misconfigured = MakeRun("App.IntegrationTests", 10);
        misconfigured.Errors = ["QG1002: /repo/qualitygate.json: unknown key 'categoreis'."];

        var report = Evaluate(null, MetCoverage(), aborted, misconfigured);

        Assert.Equal(2, report.Violations.Count(v => v.Code == DiagnosticCode.RunNotTrustworthy));
    }

    [Fact]
    public void Coverage_targets_without_coverage_fail_closed()
    {
        var error = Assert.Throws<QualityGateException>(() => Evaluate(null, null, MakeRun("App.UnitTests", 10)));

        Assert.Equal(DiagnosticCode.CoverageMissing, error.Code);
    }

    [Fact]
    public void A_layer_whose_globs_match_no_file_of_the_report_is_a_configuration_error()
    {
        var error = Assert.Throws<QualityGateException>(() => Evaluate(null, MakeCoverage(("lib/Other.cs", 1, 1)), MakeRun("App.UnitTests", 1)));

        Assert.Equal(DiagnosticCode.ConfigLayerMatchesNothing, error.Code);
        Assert.Contains("layer 'services' matches no file", error.Message);
        Assert.Contains("lib/Other.cs", error.Message);
    }

    [Fact]
    public void Merging_reports_is_a_union_of_lines_never_an_average_of_rates()
    {
        // Two shards, each covering a different half of one file: the union covers all of it.
        var first = new QualityGate.Coverage.CoverageData();
        var second = new QualityGate.Coverage.CoverageData();
        for (var line = 1; line <= 10; line++)
        {
            first.GetOrAddFile("src/App/Services/A.cs").Add(line, new QualityGate.Coverage.LineHits(line <= 5 ? 1 : 0, 0, 0));
            second.GetOrAddFile("src/App/Services/A.cs").Add(line, new QualityGate.Coverage.LineHits(line > 5 ? 1 : 0, 0, 0));
        }

        first.Merge(second);
        first.Merge(MakeCoverage(("src/App/Workers/B.cs", 1, 1)));
        var report = Evaluate(null, first, MakeRun("App.UnitTests", 1));

        Assert.Equal((10, 10), (report.Layers[0].Lines.Covered, report.Layers[0].Lines.Valid));
    }

    [Fact]
    public void The_markdown_and_json_reports_match_their_snapshots()
    {
        var report = Evaluate("2B", MetCoverage(), MakeRun("App.UnitTests", 95, ("binding", 2), ("mocking", 1)), MakeRun("App.IntegrationTests", 20, ("async", 7)));
        var markdown = new StringWriter { NewLine = "\n" };
        MarkdownReport.Write(report, markdown);
        using var json = new MemoryStream();
        ReportJson.Write(report, json);

        Snapshot.Match(markdown.ToString(), "GateReport.phase-2B", "md");
        Snapshot.Match(Encoding.UTF8.GetString(json.ToArray()).Replace("\r\n", "\n"), "GateReport.phase-2B", "json");
    }

    [Fact]
    public void A_layer_targeted_only_by_its_uncovered_line_cap_reads_as_targeted_in_every_report()
    {
        var config = MakeConfig(Json.Replace("\"workers\": { \"line\": 40 }", "\"workers\": { \"maxUncoveredLines\": 10 }"));
        var report = GateEvaluator.Evaluate(new GateInput(config, [MakeRun("App.UnitTests", 95, ("binding", 2), ("mocking", 1))]) { Coverage = MetCoverage() });
        var markdown = new StringWriter();
        MarkdownReport.Write(report, markdown);
        using var json = new MemoryStream();
        ReportJson.Write(report, json);

        var workers = report.Layers.Single(l => l.Name == "workers");
        Assert.False(workers.Met); // 30 uncovered lines > 10
        Assert.Contains(report.Violations, v => v.Code == DiagnosticCode.TooManyUncoveredLines);
        Assert.Contains("| workers | 30/60 | 50.0 % | 45/60 | 75.0 % | at most 10 uncovered lines | ❌ |", markdown.ToString());
        Assert.Contains("workers", ConsoleTable.Lines(report).Single(l => l.Contains("at most 10 uncovered lines  ✗", System.StringComparison.Ordinal)));
        using var document = System.Text.Json.JsonDocument.Parse(json.ToArray());
        Assert.Equal("missed", document.RootElement.GetProperty("layers")[1].GetProperty("status").GetString());
    }

    [Fact]
    public void Test_names_cannot_break_or_inject_into_the_markdown()
    {
        var run = MakeRun("App.UnitTests", 1);
        run.Tests = [new RecordedTest("x", "Evil | <script>alert(1)</script> `code` [link](http://x) **b**\n# h", TestOutcome.Failed) { Category = "error", Hint = "h" }];
        var report = Evaluate(null, MetCoverage(), run);
        var markdown = new StringWriter();

        MarkdownReport.Write(report, markdown);

        var text = markdown.ToString();
        Assert.DoesNotContain("<script>", text);
        Assert.DoesNotContain("| <", text);
        Assert.Contains("Evil &#124; &lt;script&gt;alert\\(1\\)&lt;/script&gt; \\`code\\` \\[link\\]\\(http://x\\) \\*\\*b\\*\\* \\# h", text);
    }
}
