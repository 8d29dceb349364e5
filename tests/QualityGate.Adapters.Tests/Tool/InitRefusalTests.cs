using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Xunit;

namespace QualityGate.AdapterTests.Tool;

/// <summary>'dotnet gate init' writes a plan only when the gate would accept it.</summary>
public class InitRefusalTests
{
    [Fact]
    public void A_plan_the_gate_would_refuse_is_not_written()
    {
        using var workspace = new Workspace();
        File.Delete(workspace.Config);
        var results = workspace.Results(failing: ["App.Tests.T.Fails"]);
        workspace.Coverage();
        // A measured run whose failure category is no category name a plan may use.
        var json = JsonNode.Parse(File.ReadAllText(results))!;
        const string Hostile = "broken\n::error::x";
        foreach (var test in json["tests"]!.AsArray().Where(t => t!["failure"] is not null))
        {
            test!["failure"]!["category"] = Hostile;
        }

        var categories = json["run"]!["summary"]!["categories"]!.AsObject();
        var recorded = Assert.Single(categories).Key;
        categories[Hostile] = categories[recorded]!.GetValue<int>();
        categories.Remove(recorded);
        File.WriteAllText(results, json.ToJsonString());

        var run = workspace.Run("init", "--results", results, "--coverage", "coverage.cobertura.xml");

        Assert.Equal(2, run.Exit);
        Assert.Contains("QG1003", run.All);
        Assert.False(File.Exists(workspace.Config), "a plan the gate refuses was left behind");
    }
}
