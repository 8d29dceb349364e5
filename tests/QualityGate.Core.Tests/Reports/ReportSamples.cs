using System;
using System.Collections.Generic;
using System.Linq;
using QualityGate.Baseline;
using QualityGate.Coverage;
using QualityGate.History;
using QualityGate.Policy;
using QualityGate.Reports;
using QualityGate.Reports.Ci;
using QualityGate.Results;
using static QualityGate.Tests.Policy.GateFixture;

namespace QualityGate.Tests.Reports;

/// <summary>
/// Fixed inputs for the published reports: a baseline recorded a week ago, a run that gained coverage but has two new
/// async failures, a history of earlier runs, a fixed clock, commit and paths.
/// </summary>
internal static class ReportSamples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    public const string Commit = "4f2a9c1e0b7d3a5c6e8f9a0b1c2d3e4f5a6b7c8d";

    public static CoverageData Coverage(int services, int workers) => MakeCoverage(
        ("src/App/Services/PriceService.cs", services, 50),
        ("src/App/Services/OrderService.cs", 45, 50),
        ("src/App/Workers/ReportWorker.cs", workers, 60),
        ("src/App/Program.cs", 5, 10));

    public static List<RecordedRun> Runs(bool newFailures)
    {
        var unit = Run("App.UnitTests", "unit", 95, "PriceServiceTests.Computes_the_price_of_basket",
            Failed("App.UnitTests.PricingServiceTests.Discounted_in_currency", "(price: 100, percent: 10, expected: 90, ???: \"EUR\")", "binding", 33,
                "System.InvalidOperationException : The test method expected 3 parameter values, but 4 parameter values were provided.",
                "The test's data rows do not match its parameters: make the InlineData/TestCase/DataRow values match the method signature."),
            Failed("App.UnitTests.PricingServiceTests.Gross_uses_the_tax_table_strictly", string.Empty, "mocking", 45,
                "Moq.MockException : ITaxTable.RateFor(\"DE\") invocation failed with mock behavior Strict.\nAll invocations on the mock must have a corresponding setup.",
                "The mocking library refused: add the missing Setup/Returns, make the member virtual or mock an interface, or correct the Verify/Received expectation."));
        var failures = newFailures
            ? new[]
            {
                Failed("App.IntegrationTests.OrderWorkerTests.Drains_the_queue_before_shutdown", string.Empty, "async", 58,
                    "System.Threading.Tasks.TaskCanceledException : A task was canceled.",
                    "An operation timed out: await it instead of blocking, give it the time it needs, or fake the slow dependency."),
                Failed("App.IntegrationTests.OrderWorkerTests.Retries_a_timed_out_send", string.Empty, "async", 77,
                    "System.TimeoutException : The operation has timed out after 00:00:05.",
                    "An operation timed out: await it instead of blocking, give it the time it needs, or fake the slow dependency."),
            }
            : [];
        var integration = Run("App.IntegrationTests", "integration", 20, "OrderWorkerTests.Sends_order", failures);
        return [unit, integration];
    }

    private static RecordedTest Failed(string name, string arguments, string category, int line, string message, string hint) =>
        new(name, name + arguments, TestOutcome.Failed)
        {
            Category = category,
            Message = message,
            Hint = hint,
            // As the logger records it: no stack here, so the normalized message stands in for the frame.
            RootCause = QualityGate.Categorization.RootCause.Key(category, new QualityGate.Categorization.FailureFacts(new QualityGate.Categorization.FailureEvidence(name, message, null))),
            DurationMs = 12,
            Location = new SourceLocation($"/repo/tests/{string.Join(".", name.Split('.').Take(2))}/{name.Split('.')[2]}.cs", line), // App.UnitTests/PricingServiceTests.cs
        };

    private static RecordedRun Run(string assembly, string layer, int passed, string passing, params RecordedTest[] failed)
    {
        var tests = Enumerable.Range(0, passed)
            .Select(i => new RecordedTest($"{assembly}.{passing}", $"{assembly}.{passing}(items: {i})", TestOutcome.Passed) { DurationMs = 10 })
            .Concat(failed)
            .ToList();
        tests.ForEach(t => t.TestLayer = layer);
        return new RecordedRun($"/repo/tests/{assembly}/TestResults/{assembly}.net10.0.qualitygate.json", assembly, "net10.0") { Tests = tests, DurationMs = 1500 };
    }

    /// <summary>The run judged against phase 2A with a baseline recorded from the same suite before the async failures.</summary>
    public static (GateReport Report, List<RecordedRun> Runs) Sample()
    {
        var config = MakeConfig();
        var before = Runs(newFailures: false);
        var recorded = GateEvaluator.Evaluate(new GateInput(config, before) { Coverage = Coverage(44, 28) });
        var baseline = BaselineUpdater.Update(null, recorded, config, before, new BaselineUpdateOptions { Clock = () => Now.AddDays(-7) }).Baseline;
        var runs = Runs(newFailures: true);
        var report = GateEvaluator.Evaluate(new GateInput(config, runs) { Coverage = Coverage(46, 33), Baseline = baseline });
        return (report, runs);
    }

    /// <summary>Twelve earlier runs, one a day, coverage rising and failures falling.</summary>
    public static List<HistoryRecord> History()
    {
        var records = new List<HistoryRecord>();
        for (var day = 12; day >= 1; day--)
        {
            var step = 12 - day;
            var record = new HistoryRecord(Now.AddDays(-day))
            {
                Commit = $"{step:x2}c0ffee{step:x2}",
                Phase = step < 6 ? "1" : "2A",
                Passed = step % 5 != 3,
                TotalLine = 62 + (step * 1.1),
                TotalBranch = 74 + (step * 1.1),
                PassRate = 88 + (step * 0.7),
                TestsPassed = 100 + step,
                TestsFailed = 14 - step,
            };
            record.Layers.Add(new("services", 82 + (step * 0.65)));
            record.Layers.Add(new("workers", 41 + step - (step == 7 ? 5 : 0)));
            record.Categories["binding"] = Math.Max(1, 5 - (step / 2));
            record.Categories["mocking"] = Math.Max(1, 4 - (step / 3));
            if (step < 8)
            {
                record.Categories["legacy"] = 3;
            }

            if (step is 4 or 9)
            {
                record.Categories["async"] = 2;
            }

            records.Add(record);
        }

        return records;
    }

    public static Dictionary<string, string?> GitHubEnvironment(string summaryPath) => new()
    {
        ["GITHUB_ACTIONS"] = "true",
        ["GITHUB_STEP_SUMMARY"] = summaryPath,
        ["GITHUB_WORKSPACE"] = "/repo",
        ["GITHUB_SHA"] = Commit,
        ["GITHUB_SERVER_URL"] = "https://github.com",
        ["GITHUB_REPOSITORY"] = "shop/app",
    };

    public static PublishOptions Options(string output, CiKind ci, IReadOnlyDictionary<string, string?> environment) => new(output)
    {
        Ci = ci,
        Environment = environment,
        Clock = () => Now,
        Title = "QualityGate: App.UnitTests, App.IntegrationTests",
        JUnit = true,
    };

    /// <summary>Console text with the temporary folder replaced by a fixed one, for snapshots.</summary>
    public static string Fixed(string text, string folder) => text.Replace(folder, "/tmp/qg");
}
