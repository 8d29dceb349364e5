using System.Linq;
using QualityGate.Policy;
using QualityGate.Reports;
using Xunit;
using static QualityGate.Tests.Policy.GateFixture;

namespace QualityGate.Tests.Policy;

/// <summary>
/// One plan judged per project and for the solution can reach different verdicts (budgets count the tests of the runs
/// judged); every verdict says on screen which scope it counted.
/// </summary>
public class ScopeTests
{
    private const string Plan = """{ "phases": [ { "name": "p", "maxFailures": { "binding": 1 } } ] }""";

    [Fact]
    public void A_project_and_the_solution_that_disagree_each_say_what_they_counted()
    {
        var unit = MakeRun("App.UnitTests", 5, ("binding", 1));
        var integration = MakeRun("App.IntegrationTests", 5, ("binding", 1));

        var project = GateEvaluator.Evaluate(new GateInput(MakeConfig(Plan), [unit]));
        var solution = GateEvaluator.Evaluate(new GateInput(MakeConfig(Plan), [unit, integration]));

        Assert.Equal((true, false), (project.Passed, solution.Passed));
        var projectScope = Assert.Single(ConsoleTable.Lines(project), l => l.StartsWith("  scope: ", System.StringComparison.Ordinal));
        var solutionScope = Assert.Single(ConsoleTable.Lines(solution), l => l.StartsWith("  scope: ", System.StringComparison.Ordinal));
        Assert.Contains("App.UnitTests (net10.0) alone", projectScope);
        Assert.Contains("count its tests only", projectScope);
        Assert.Contains("2 test runs together (App.IntegrationTests (net10.0), App.UnitTests (net10.0))", solutionScope);
        Assert.Equal(["App.IntegrationTests (net10.0)", "App.UnitTests (net10.0)"], solution.Scope.ToArray());
    }
}
