using System.IO;
using System.Linq;
using QualityGate.Baseline;
using QualityGate.Diagnostics;
using QualityGate.Policy;
using QualityGate.Reports;
using QualityGate.Results;
using Xunit;
using static QualityGate.Tests.Policy.GateFixture;

namespace QualityGate.Tests.Baseline;

/// <summary>Known failures are keyed by a test's full name and arguments, so two tests of one display name stay two.</summary>
public class TestIdentityTests
{
    [Theory]
    [InlineData("Shop.Tests.PricingTests.Gross", "Shop.Tests.PricingTests.Gross(net: 10.5, country: \"NL\")", "Shop.Tests.PricingTests.Gross(net: 10.5, country: \"NL\")")] // xunit
    [InlineData("Shop.InvoiceTests.Total(1,2)", "Total(1,2)", "Shop.InvoiceTests.Total(1,2)")] // NUnit: the name carries the arguments
    [InlineData("Shop.InvoiceTests.Total_adds_all_items", "Total_adds_all_items", "Shop.InvoiceTests.Total_adds_all_items")] // NUnit, MSTest
    [InlineData("Shop.InvoiceTests.Total", "Total (1,2)", "Shop.InvoiceTests.Total(1,2)")] // MSTest data row
    public void A_tests_identity_is_its_full_name_and_its_arguments(string name, string displayName, string key) =>
        Assert.Equal(key, TestIdentity.Key(name, displayName));

    [Fact]
    public void A_new_failure_with_the_display_name_of_a_known_one_in_another_class_fails_as_new()
    {
        var config = MakeConfig();
        var known = Run(("Shop.InvoiceTests.Total_adds_all_items", TestOutcome.Failed), ("Other.InvoiceTests.Total_adds_all_items", TestOutcome.Passed));
        var baseline = BaselineUpdater.Update(null, Evaluate(config, known), config, [known], new BaselineUpdateOptions()).Baseline;

        var now = Run(("Shop.InvoiceTests.Total_adds_all_items", TestOutcome.Failed), ("Other.InvoiceTests.Total_adds_all_items", TestOutcome.Failed));
        var report = GateEvaluator.Evaluate(new GateInput(config, [now]) { Baseline = baseline, Coverage = MakeCoverage(("src/App/Services/A.cs", 9, 10), ("src/App/Workers/B.cs", 9, 10)), JudgeNextPhase = false });

        var violation = Assert.Single(report.Violations, v => v.Code == DiagnosticCode.NewFailure);
        Assert.Contains("Total_adds_all_items", violation.Message);
        Assert.Equal("Other.InvoiceTests.Total_adds_all_items", Assert.Single(report.Baseline!.NewFailures).Key);
        Assert.Equal("Shop.InvoiceTests.Total_adds_all_items", Assert.Single(report.Baseline.KnownFailures).Key);
    }

    [Fact]
    public void A_baseline_written_by_0_1_is_read_its_known_failures_recognised_and_the_next_update_migrates_it()
    {
        using var temp = new TempFolder();
        var data = Path.Combine(System.AppContext.BaseDirectory, "Baseline", "Data");
        var baselinePath = Path.Combine(temp.Path, "qualitygate.baseline.json");
        File.Copy(Path.Combine(data, "shop-0.1.baseline.json"), baselinePath);
        var run = ResultsFileReader.Read(Path.Combine(data, "shop-0.1.results.json"));
        var config = MakeConfig("""{ "testLayers": { "unit": { "projects": ["*.Tests"] } }, "phases": [ { "name": "phase-1", "passRate": 60 } ] }""");
        var baseline = BaselineFile.Read(baselinePath);
        Assert.True(baseline.KnownFailuresByDisplayName);

        BaselineMigration.ToTestIdentities(baseline, [run]);
        var report = GateEvaluator.Evaluate(new GateInput(config, [run]) { Baseline = baseline, JudgeNextPhase = false });

        Assert.DoesNotContain(report.Violations, v => v.Code == DiagnosticCode.NewFailure);
        Assert.Equal(5, report.Baseline!.KnownFailures.Count);
        Assert.Contains(report.Baseline.Notes, n => n.Contains("written by QualityGate 0.1", System.StringComparison.Ordinal));
        var update = BaselineUpdater.Update(baseline, report, config, [run], new BaselineUpdateOptions());
        Assert.Empty(update.Loosened);
        BaselineFile.Write(update.Baseline, baselinePath);
        var migrated = File.ReadAllText(baselinePath);
        Assert.Contains("\"schema\": \"qualitygate.baseline/2\"", migrated);
        Assert.Contains("\"assembly\": \"Shop.Tests\", \"category\": \"binding\", \"since\": \"2026-11-25\"", migrated); // dates kept, assemblies added
        Assert.False(BaselineFile.Read(baselinePath).KnownFailuresByDisplayName);
    }

    [Fact]
    public void A_0_1_known_failure_whose_display_name_names_several_tests_counts_for_none_of_them()
    {
        var baseline = new BaselineData { KnownFailuresByDisplayName = true };
        baseline.KnownFailures["Total_adds_all_items"] = new KnownFailure("Total_adds_all_items", "assertion", "2026-11-01");
        var run = Run(("Shop.InvoiceTests.Total_adds_all_items", TestOutcome.Failed), ("Other.InvoiceTests.Total_adds_all_items", TestOutcome.Failed));

        BaselineMigration.ToTestIdentities(baseline, [run]);

        Assert.Empty(baseline.KnownFailures);
        Assert.Contains(baseline.Notes, n => n.Contains("names several tests of this run: 'Total_adds_all_items'", System.StringComparison.Ordinal));
    }

    private static GateReport Evaluate(QualityGate.Configuration.GateConfig config, RecordedRun run) =>
        GateEvaluator.Evaluate(new GateInput(config, [run]) { Coverage = MakeCoverage(("src/App/Services/A.cs", 9, 10), ("src/App/Workers/B.cs", 9, 10)), JudgeNextPhase = false });

    // NUnit shows bare method names: two classes, one display name.
    private static RecordedRun Run(params (string Name, TestOutcome Outcome)[] tests) =>
        new("/repo/Shop.Tests.qualitygate.json", "Shop.Tests", "net10.0")
        {
            DurationMs = 100,
            Tests = tests.Select(t => new RecordedTest(t.Name, t.Name.Split('.').Last(), t.Outcome) { Category = t.Outcome == TestOutcome.Failed ? "assertion" : null }).ToList(),
        };
}
