using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using QualityGate.Configuration;
using QualityGate.Coverage;
using QualityGate.Planning;
using QualityGate.Policy;
using QualityGate.Reports;
using QualityGate.Results;
using Xunit;

namespace QualityGate.Tests.Planning;

/// <summary>'dotnet gate init': a first plan from a measured run passes that run and fails on any regression.</summary>
public class PlanProposalTests
{
    private static readonly (string Path, int Covered, int Valid)[] Solution =
    [
        ("src/Shop.Api/Controllers/OrdersController.cs", 30, 40),
        ("src/Shop.Api/Program.cs", 5, 10),
        ("src/Shop.Core/Services/PriceService.cs", 90, 100),
        ("src/Shop.Core/Workers/InvoiceWorker.cs", 20, 80),
        ("src/Shop.Infra/Services/MailService.cs", 10, 20),
        ("tests/Shop.UnitTests/PriceServiceTests.cs", 50, 50),
    ];

    [Fact]
    public void Layers_come_from_the_covered_folders_of_each_project_and_test_layers_from_test_project_names()
    {
        using var temp = Generate();

        var proposal = Propose(temp, Coverage(Solution));

        Assert.Equal(["controllers", "services", "workers"], proposal.Layers.Select(l => l.Name));
        Assert.Equal(["src/Shop.Core/Services/**/*.cs", "src/Shop.Infra/Services/**/*.cs"], proposal.Layers.Single(l => l.Name == "services").Include);
        Assert.Equal((100, 120), (proposal.Layers.Single(l => l.Name == "services").Lines.Covered, proposal.Layers.Single(l => l.Name == "services").Lines.Valid));
        Assert.Equal(["e2e", "integration", "unit"], proposal.TestLayers.Select(l => l.Name));
        Assert.Equal(250, proposal.TotalLines.Valid); // the test project's own code is not counted
        Assert.Equal(1, proposal.Failures["binding"]);
    }

    [Fact]
    public void The_written_plan_loads_passes_the_run_it_was_measured_from_and_fails_when_a_covered_line_is_lost()
    {
        using var temp = Generate();
        var coverage = Coverage(Solution);
        var text = PlanText.Write(Propose(temp, coverage), "./qualitygate.schema.json", new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero));
        var config = ConfigLoader.Parse(text, Path.Combine(temp.Path, "qualitygate.json"));

        var today = GateEvaluator.Evaluate(new GateInput(config, Runs()) { Coverage = coverage, JudgeNextPhase = false });
        Assert.True(today.Passed, string.Join("\n", today.Violations.Select(v => v.Message)));

        var lost = Coverage(Solution.Select(f => f.Path.EndsWith("OrdersController.cs", StringComparison.Ordinal) ? (f.Path, f.Covered - 1, f.Valid) : f).ToArray());
        var regressed = GateEvaluator.Evaluate(new GateInput(config, Runs()) { Coverage = lost, JudgeNextPhase = false });
        Assert.Contains(regressed.Violations, v => v.Code == Diagnostics.DiagnosticCode.LineCoverageBelowTarget && v.Subject == "controllers");
        Assert.Contains("\"phase\": \"measured\"", text);
        Assert.Contains("// { \"name\": \"next\"", text);
    }

    private static PlanProposal Propose(TempFolder temp, CoverageData coverage)
    {
        var config = ConfigLoader.Parse("{}", Path.Combine(temp.Path, "qualitygate.json"));
        var report = GateEvaluator.Evaluate(new GateInput(config, Runs()) { Coverage = coverage, JudgeNextPhase = false });
        return PlanProposal.From(report, Runs(), temp.Path);
    }

    /// <summary>Three projects and three test projects, as folders with project files.</summary>
    private static TempFolder Generate()
    {
        var temp = new TempFolder();
        foreach (var project in new[] { "src/Shop.Api", "src/Shop.Core", "src/Shop.Infra", "tests/Shop.UnitTests" })
        {
            Directory.CreateDirectory(Path.Combine(temp.Path, project));
            File.WriteAllText(Path.Combine(temp.Path, project, Path.GetFileName(project) + ".csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        }

        foreach (var (path, _, _) in Solution)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(temp.Path, path))!);
            File.WriteAllText(Path.Combine(temp.Path, path), string.Join("\n", Enumerable.Repeat("// code", 120)));
        }

        return temp;
    }

    private static CoverageData Coverage((string Path, int Covered, int Valid)[] files)
    {
        var data = new CoverageData();
        foreach (var (path, covered, valid) in files)
        {
            var file = data.GetOrAddFile(path);
            for (var line = 1; line <= valid; line++)
            {
                file.Add(line, new LineHits(line <= covered ? 1 : 0, 0, 0));
            }
        }

        return data;
    }

    private static List<RecordedRun> Runs() =>
    [
        Run("Shop.UnitTests", 40, 1), Run("Shop.IntegrationTests", 10, 0), Run("Shop.E2E", 3, 0),
    ];

    private static RecordedRun Run(string assembly, int passed, int failed) =>
        new($"/r/{assembly}.qualitygate.json", assembly, "net10.0")
        {
            DurationMs = 1000,
            Tests = Enumerable.Range(0, passed).Select(i => new RecordedTest($"{assembly}.T.P{i}", $"{assembly}.T.P{i}", TestOutcome.Passed))
                .Concat(Enumerable.Range(0, failed).Select(i => new RecordedTest($"{assembly}.T.F{i}", $"{assembly}.T.F{i}", TestOutcome.Failed) { Category = "binding" }))
                .ToList(),
        };
}
