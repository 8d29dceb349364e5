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
        var unit = MakeRun("App.UnitTests", 95, ("binding", 1), ("mocking", 1));
        var integration = newFailures ? MakeRun("App.IntegrationTests", 20, ("async", 2)) : MakeRun("App.IntegrationTests", 20);
        foreach (var test in unit.Tests.Concat(integration.Tests).Where(t => t.Outcome == TestOutcome.Failed))
        {
            test.Message = test.Category switch
            {
                "binding" => "System.InvalidOperationException : The test method expected 3 parameter values, but 4 parameter values were provided.",
                "mocking" => "Moq.MockException : IPriceRepository.Find(42) invocation failed with mock behavior Strict.\nAll invocations on the mock must have a corresponding setup.",
                _ => "System.Threading.Tasks.TaskCanceledException : A task was canceled.",
            };
        }

        return [unit, integration];
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
                TotalLine = 58 + (step * 0.6),
                TotalBranch = 70 + (step * 0.9),
                PassRate = 88 + (step * 0.7),
                TestsPassed = 100 + step,
                TestsFailed = 14 - step,
            };
            record.Layers.Add(new("services", 82 + (step * 0.7)));
            record.Layers.Add(new("workers", 41 + (step * 0.8) - (step == 7 ? 4 : 0)));
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
    };

    public static PublishOptions Options(string output, CiKind ci, IReadOnlyDictionary<string, string?> environment) => new(output)
    {
        Ci = ci,
        Environment = environment,
        Clock = () => Now,
        Title = "QualityGate: App.UnitTests, App.IntegrationTests",
    };

    /// <summary>Console text with the temporary folder replaced by a fixed one, for snapshots.</summary>
    public static string Fixed(string text, string folder) => text.Replace(folder, "/tmp/qg");
}
