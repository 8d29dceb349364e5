using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using QualityGate.MSBuildTests;
using Xunit;

namespace QualityGate.PackageTests;

/// <summary>
/// A suite split into CI shards is judged as one run, exactly; an incomplete set is refused; and a pull request's
/// changed lines get their own coverage (patch coverage).
/// </summary>
[Collection(PackageTestGroup.Shards)]
public class ShardAndPatchTests(PackageFeed feed)
{
    private const string OpenCover = "XPlat Code Coverage;Format=opencover";
    private readonly ToolFeed _tool = ToolFeed.For(feed);

    // The union check rides on the shard runs (it used runs of its own): each shard's real coverlet report leaves part of
    // the code untested, and only all of them given with --coverage measure what the whole suite does.
    [Fact]
    public void Three_shards_merged_give_the_same_report_as_the_whole_suite_their_coverage_merges_into_the_union_and_a_missing_shard_is_refused()
    {
        // The gate fixture's build, on a copy of the shards' own (GateSample.ShardsCopy); the results and reports in a
        // folder of this test's own, with the fixture's plan, judged against the fixture's sources (--repo-root).
        var root = Directory.CreateDirectory(Path.Combine(feed.Work, "shards")).FullName;
        File.Copy(Path.Combine(_tool.FixtureDirectory, "qualitygate.json"), Path.Combine(root, "qualitygate.json"));
        Run(null, root, "whole", null, "FullyQualifiedName~App.Tests");
        // Each shard takes one branch of the same lines (Net, Discount); Net_removes runs in two shards. The shards test
        // the one build, as CI shards do.
        Run(null, root, "shard-1", "1", "FullyQualifiedName~Net_removes|FullyQualifiedName~Discount_takes");
        Run(null, root, "shard-2", "2", "FullyQualifiedName~Net_refuses|FullyQualifiedName~Discount_of_zero");
        Run(null, root, "shard-3", "3", "FullyQualifiedName~ReportWorker|FullyQualifiedName~Net_removes");

        var (wholeExit, wholeOutput) = Check(root, "--phase", "budget", "--results", "whole/*.qualitygate.json", "--report", "whole.json");
        var (mergedExit, mergedOutput) = Check(root, "--phase", "budget", "--results", "shard-*/*.qualitygate.json", "--expected-shards", "3", "--report", "merged.json");

        Assert.True(wholeExit == 0, wholeOutput);
        Assert.True(mergedExit == 0, mergedOutput);
        var whole = Figures(Path.Combine(root, "whole.json"));
        var merged = Figures(Path.Combine(root, "merged.json"));
        Assert.Equal(whole, merged);
        Assert.Contains("tests 5/4/1/0", whole); // one test in two shards counts once
        Assert.Contains(whole, f => f.StartsWith("services lines 12/12 branches 4/4", System.StringComparison.Ordinal)); // branches from different shards, united

        var (shardExit, shardOutput) = Check(root, "--phase", "tight", "--results", "shard-1/*.qualitygate.json", "--report", "shard-1.json");
        Assert.True(shardExit == 1, shardOutput); // one shard alone misses the layers' targets
        Assert.Contains(Figures(Path.Combine(root, "shard-1.json")), f => f.StartsWith("workers lines 0/", System.StringComparison.Ordinal));
        // Shard 1's results bring its own coverage; the other two shards' reports are given with --coverage.
        var (unionExit, unionOutput) = Check(
            root, "--phase", "budget", "--results", "shard-1/*.qualitygate.json", "--report", "union.json",
            "--coverage", "shard-2/*/coverage.opencover.xml", "--coverage", "shard-3/*/coverage.opencover.xml");
        Assert.True(unionExit == 0, unionOutput);
        Assert.Equal(Layers(whole), Layers(Figures(Path.Combine(root, "union.json"))));
        using (var union = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "union.json"))))
        {
            Assert.Equal(3, union.RootElement.GetProperty("inputs").GetProperty("coverage").GetArrayLength());
        }

        var (missingExit, missingOutput) = Check(root, "--phase", "budget", "--results", "shard-*/*.qualitygate.json", "--expected-shards", "1,2,3,4");
        Assert.Equal(3, missingExit);
        Assert.Contains("error QG2011: shard 4 delivered no results (found: 1, 2, 3)", missingOutput);

        // docs/ci.md's flow: each shard's results folder uploaded, then downloaded elsewhere; its coverage travels with it.
        foreach (var shard in new[] { "1", "2", "3" })
        {
            Directory.CreateDirectory(Path.Combine(root, "artifacts"));
            Directory.Move(Path.Combine(root, $"shard-{shard}"), Path.Combine(root, "artifacts", $"shard-{shard}"));
        }

        var (movedExit, movedOutput) = Check(root, "--phase", "budget", "--results", "artifacts/**/*.qualitygate.json", "--expected-shards", "3", "--report", "moved.json");
        Assert.True(movedExit == 0, movedOutput);
        Assert.Equal(merged, Figures(Path.Combine(root, "moved.json")));
    }

    [Fact]
    public void Patch_coverage_lists_the_uncovered_changed_lines_of_a_real_build_and_follows_a_renamed_file()
    {
        var sample = feed.Fresh("Gate.Sample");
        var root = Path.Combine(feed.Work, sample);
        Git(root, "init", "-q", "-b", "main");
        Git(root, "add", "-A");
        Git(root, "commit", "-q", "-m", "base");
        Git(root, "checkout", "-q", "-b", "feature");

        // A new, untested method; a renamed file; a phase that asks 80 % of changed lines.
        var service = Path.Combine(root, "App", "Services", "PriceService.cs");
        File.WriteAllText(service, File.ReadAllText(service).Replace(
            "    public decimal Discount(",
            "    public decimal Surcharge(decimal price)\n    {\n        var extra = price / 10;\n        return price + extra;\n    }\n\n    public decimal Discount("));
        Git(root, "mv", "App/Workers/ReportWorker.cs", "App/Workers/Reports.cs");
        var config = Path.Combine(root, "qualitygate.json");
        File.WriteAllText(config, File.ReadAllText(config).Replace("{ \"name\": \"met\",", "{ \"name\": \"met\", \"patch\": { \"line\": 80 },"));
        // This run builds from the package and its MSBuild gate judges the layers (phase strict): the package tier's one
        // layered verdict, so the packed task's globbing library is loaded from the package's tasks folder.
        var (built, run) = Run(Path.Combine(sample, "App.Tests"), root, "feature", null, "Kind!=Failing", "-p:QualityGatePhase=strict");
        Assert.True(built == 1, run);
        Assert.Contains("error QG4001: services: line coverage", run);

        var (exit, output) = _tool.InProcess(root, "check", "--phase", "met", "--results", "feature/*.qualitygate.json", "--diff-base", "main");

        Assert.Equal(1, exit);
        Assert.Contains("error QG4010: changed lines: 0 of 4 covered (0.0 %) < 80.0 % required by met", output);
        Assert.Contains("uncovered: App/Services/PriceService.cs:16-19", output);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "qualitygate-report.json")));
        var patch = report.RootElement.GetProperty("patch");
        Assert.Equal("App/Workers/ReportWorker.cs → App/Workers/Reports.cs", patch.GetProperty("renamed")[0].GetString());
        Assert.Contains("`App/Services/PriceService.cs:16-19`", File.ReadAllText(Path.Combine(root, "qualitygate-report.md")));
    }

    // 'dotnet gate check' in the shard test's folder, on the fixture's sources.
    private (int ExitCode, string Output) Check(string root, params string[] arguments) =>
        _tool.InProcess(root, ["check", .. arguments, "--repo-root", _tool.FixtureDirectory]);

    // project: a fixture of the package tier's, built by this run, judged by a phase (gate); null: the shards' copy of
    // the gate fixture's build (--no-build, as CI shards test one build), not judged per project.
    private (int ExitCode, string Output) Run(string? project, string root, string results, string? shard, string filter, string gate = "-p:QualityGateCheck=false")
    {
        var environment = new Dictionary<string, string>();
        if (shard is not null)
        {
            environment["QUALITYGATE_SHARD"] = shard;
        }

        string[] arguments = ["--logger", "gate", "--collect", OpenCover, "--filter", filter, gate, "--results-directory", Path.Combine(root, results)];
        var (exit, output) = project is null ? _tool.Test(GateSample.ShardsCopy, environment, arguments) : feed.Test(project, environment, arguments);
        Assert.True(File.Exists(Path.Combine(root, results, "App.Tests.net10.0.qualitygate.json")), output);
        Assert.DoesNotContain("QualityGate budget", output); // the per-project gate is off for shards
        return (exit, output);
    }

    // The layers' and the total's line and branch figures, without the tests and categories.
    private static List<string> Layers(List<string> figures) => figures.TakeWhile(f => !f.StartsWith("tests ", System.StringComparison.Ordinal)).ToList();

    private static List<string> Figures(string report)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(report));
        var root = document.RootElement;
        string Layer(JsonElement l) =>
            $"{l.GetProperty("name").GetString()} lines {l.GetProperty("lines").GetProperty("covered")}/{l.GetProperty("lines").GetProperty("valid")} " +
            $"branches {l.GetProperty("branches").GetProperty("covered")}/{l.GetProperty("branches").GetProperty("valid")}";
        var tests = root.GetProperty("tests");
        return root.GetProperty("layers").EnumerateArray().Select(Layer)
            .Append(Layer(root.GetProperty("total")))
            .Append($"tests {tests.GetProperty("total")}/{tests.GetProperty("passed")}/{tests.GetProperty("failed")}/{tests.GetProperty("skipped")}")
            .Concat(root.GetProperty("categories").EnumerateArray().Select(c => $"{c.GetProperty("name").GetString()} {c.GetProperty("failed")}"))
            .ToList();
    }

    private static void Git(string directory, params string[] arguments)
    {
        var (exit, output) = DotNet.Process(
            "git", directory,
            new Dictionary<string, string?> { ["GIT_AUTHOR_NAME"] = "qg", ["GIT_AUTHOR_EMAIL"] = "qg@example.invalid", ["GIT_COMMITTER_NAME"] = "qg", ["GIT_COMMITTER_EMAIL"] = "qg@example.invalid" },
            System.TimeSpan.FromMinutes(1),
            arguments);
        Assert.True(exit == 0, $"git {string.Join(' ', arguments)}: {output}");
    }
}
