using System.IO;
using Xunit;

namespace QualityGate.PackageTests;

/// <summary>'dotnet gate baseline' records the ratchet for a whole solution; 'dotnet gate check' holds runs to it.</summary>
[Collection(PackageTestGroup.Tool)]
public class ToolBaselineTests(PackageFeed feed)
{
    private readonly ToolFeed _tool = ToolFeed.For(feed);

    [Fact]
    public void A_recorded_baseline_holds_later_runs_and_loosening_needs_a_reason()
    {
        var full = _tool.Full;
        var lower = _tool.Lower;
        var folder = Directory.CreateDirectory(Path.Combine(feed.Work, "tool-baseline")).FullName;
        File.Copy(Path.Combine(_tool.FixtureDirectory, "qualitygate.json"), Path.Combine(folder, "qualitygate.json"));
        string[] common = ["--config", Path.Combine(folder, "qualitygate.json"), "--repo-root", _tool.FixtureDirectory, "--phase", "met"];

        var (created, createdOutput) = Gate("baseline", [.. common, "--results", Path.Combine(_tool.FixtureDirectory, full, "*.qualitygate.json")]);
        Assert.True(created == 0, createdOutput);
        Assert.Contains("QualityGate baseline written", createdOutput);
        Assert.True(File.Exists(Path.Combine(folder, "qualitygate.baseline.json")));

        var (same, sameOutput) = Gate("check", [.. common, "--results", Path.Combine(_tool.FixtureDirectory, full, "*.qualitygate.json")]);
        Assert.True(same == 0, sameOutput);

        var (fell, fellOutput) = Gate("check", [.. common, "--results", Path.Combine(_tool.FixtureDirectory, lower, "*.qualitygate.json")]);
        Assert.Equal(1, fell);
        Assert.Contains("error QG5001: services: line coverage fell", fellOutput);

        var (refused, refusedOutput) = Gate("baseline", [.. common, "--results", Path.Combine(_tool.FixtureDirectory, lower, "*.qualitygate.json")]);
        Assert.Equal(1, refused);
        Assert.Contains("error QG5008", refusedOutput);

        var (noReason, noReasonOutput) = Gate("baseline", [.. common, "--allow-loosening", "--results", Path.Combine(_tool.FixtureDirectory, lower, "*.qualitygate.json")]);
        Assert.Equal(2, noReason);
        Assert.Contains("--allow-loosening needs --reason", noReasonOutput);

        var (accepted, acceptedOutput) = Gate("baseline", [.. common, "--allow-loosening", "--reason", "Net is tested elsewhere now", "--results", Path.Combine(_tool.FixtureDirectory, lower, "*.qualitygate.json")]);
        Assert.True(accepted == 0, acceptedOutput);
        Assert.Contains("\"reason\": \"Net is tested elsewhere now\"", File.ReadAllText(Path.Combine(folder, "qualitygate.baseline.json")));

        (int, string) Gate(string command, string[] arguments) => _tool.InProcess(folder, [command, .. arguments]);
    }
}
