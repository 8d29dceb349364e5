using System.Linq;
using QualityGate.Diagnostics;
using QualityGate.Results;
using QualityGate.Shards;
using Xunit;

namespace QualityGate.Tests.Shards;

public class ShardSetTests
{
    private static RecordedRun Run(string shard, string assembly = "App.Tests", params (string Name, TestOutcome Outcome)[] tests) =>
        new($"/artifacts/{shard}/{assembly}.qualitygate.json", assembly, "net10.0")
        {
            Shard = shard,
            RunId = $"{shard}-{assembly}",
            DurationMs = shard.Length * 1000,
            Tests = tests.Select(t => new RecordedTest(t.Name, t.Name, t.Outcome)).ToList(),
        };

    [Fact]
    public void A_complete_set_passes_by_count_and_by_names()
    {
        RecordedRun[] runs = [Run("1"), Run("2"), Run("3")];

        ShardSet.Check(runs, ExpectedShards.Parse("3"));
        ShardSet.Check(runs, ExpectedShards.Parse("1,2,3"));
    }

    [Theory]
    [InlineData("4", DiagnosticCode.ShardMissing, "4 shards are expected, and results came from 3: 1, 2, 3.")]
    [InlineData("1,2,3,4", DiagnosticCode.ShardMissing, "shard 4 delivered no results")]
    [InlineData("2", DiagnosticCode.ShardDuplicated, "2 shards are expected, and results came from 3")]
    [InlineData("1,2", DiagnosticCode.ShardDuplicated, "shard 3, which is not among the expected 1, 2")]
    public void An_incomplete_or_foreign_set_is_refused_with_its_code(string expected, string code, string says)
    {
        var error = Assert.Throws<QualityGateException>(() => ShardSet.Check([Run("1"), Run("2"), Run("3")], ExpectedShards.Parse(expected)));

        Assert.Equal(code, error.Code);
        Assert.Contains(says, error.Message);
    }

    [Fact]
    public void A_shard_that_delivered_twice_or_the_same_run_met_twice_is_refused()
    {
        var twice = Run("2");
        twice.RunId = "another";

        var sameShard = Assert.Throws<QualityGateException>(() => ShardSet.Check([Run("1"), Run("2"), twice], ExpectedShards.Parse("2")));
        var sameRun = Assert.Throws<QualityGateException>(() => ShardSet.Check([Run("1"), Run("1")], null));

        Assert.Equal((DiagnosticCode.ShardDuplicated, DiagnosticCode.ShardDuplicated), (sameShard.Code, sameRun.Code));
        Assert.Contains("shard '2' ran App.Tests (net10.0) 2 times", sameShard.Message);
        Assert.Contains("an artifact was downloaded twice", sameRun.Message);
    }

    [Fact]
    public void Results_without_a_shard_name_are_refused_when_shards_are_expected()
    {
        var unnamed = Run("1");
        unnamed.Shard = null;

        var error = Assert.Throws<QualityGateException>(() => ShardSet.Check([unnamed], ExpectedShards.Of(1)));

        Assert.Equal(DiagnosticCode.ShardMissing, error.Code);
        Assert.Contains("QUALITYGATE_SHARD", error.Message);
    }

    [Fact]
    public void A_test_run_in_two_shards_is_one_test_and_a_failure_anywhere_wins()
    {
        var merged = ShardSet.Merge([
            Run("1", "App.Tests", ("A", TestOutcome.Passed), ("B", TestOutcome.Passed)),
            Run("22", "App.Tests", ("B", TestOutcome.Failed), ("C", TestOutcome.Skipped)),
            Run("1", "Other.Tests", ("X", TestOutcome.Passed)),
        ]);

        var app = merged.Single(r => r.Assembly == "App.Tests");
        Assert.Equal(2, merged.Count);
        Assert.Equal(["A:Passed", "B:Failed", "C:Skipped"], app.Tests.Select(t => $"{t.Name}:{t.Outcome}").OrderBy(s => s));
        Assert.Equal(2000, app.DurationMs); // the slowest shard, not the sum
    }
}

/// <summary>One run per assembly and framework: an earlier run left in TestResults is never merged with today's.</summary>
public class OneRunPerAssemblyTests
{
    private static RecordedRun Run(string path, string? shard = null, string assembly = "App.Tests") =>
        new(path, assembly, "net10.0") { Shard = shard, RunId = path };

    [Fact]
    public void Two_runs_of_one_assembly_that_are_not_shards_are_refused_naming_both_files()
    {
        var error = Assert.Throws<QualityGateException>(() => ShardSet.Check([Run("TestResults/App.Tests.net10.0.qualitygate.json"), Run("TestResults/old/App.Tests.net10.0.qualitygate.json")], null));

        Assert.Equal(DiagnosticCode.RunsNotShards, error.Code);
        Assert.Contains("TestResults/old/App.Tests.net10.0.qualitygate.json", error.Message);
        Assert.Contains("Delete the old TestResults folders or pass only this run's files with --results", error.Message);
        Assert.Contains("--expected-shards", error.Message);
    }

    [Fact]
    public void Two_runs_claiming_the_same_shard_are_refused_even_without_expected_shards()
    {
        var error = Assert.Throws<QualityGateException>(() => ShardSet.Check([Run("a/x.json", "1"), Run("b/x.json", "1"), Run("c/x.json", "2")], null));

        Assert.Equal(DiagnosticCode.ShardDuplicated, error.Code);
        Assert.Contains("shard '1' ran App.Tests (net10.0) 2 times (a/x.json, b/x.json)", error.Message);
    }

    [Fact]
    public void Runs_declared_as_distinct_shards_or_of_different_assemblies_are_one_run()
    {
        ShardSet.Check([Run("a/x.json", "1"), Run("b/x.json", "2")], null);
        ShardSet.Check([Run("a/x.json"), Run("b/y.json", assembly: "Other.Tests")], null);
    }
}
