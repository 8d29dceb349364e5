using System.IO;
using QualityGate.Diagnostics;
using QualityGate.Tasks;
using QualityGate.Tests;
using Xunit;

namespace QualityGate.AdapterTests;

/// <summary>Where VSTest puts a run's results, by VSTest's own precedence (checked against real runs in the MSBuild tier).</summary>
public class TestResultsDirectoryTests
{
    [Fact]
    public void Results_directory_beats_the_command_line_run_settings_which_beat_the_runsettings_file()
    {
        using var temp = new TempFolder();
        var settings = RunSettings(temp, "<RunSettings><RunConfiguration><ResultsDirectory>from-file</ResultsDirectory></RunConfiguration></RunSettings>");

        Assert.Equal("/abs/results", TestResultsDirectory.Decide(temp.Path, "/abs/results", ["RunConfiguration.ResultsDirectory=cli"], settings));
        Assert.Equal(Path.Combine(temp.Path, "cli"), TestResultsDirectory.Decide(temp.Path, null, ["RunConfiguration.ResultsDirectory=cli"], settings));
        Assert.Equal(Path.Combine(temp.Path, "settings", "from-file"), TestResultsDirectory.Decide(temp.Path, null, [], settings));
        Assert.Equal(Path.Combine(temp.Path, "TestResults"), TestResultsDirectory.Decide(temp.Path, null, [], null));
    }

    [Fact]
    public void A_runsettings_file_without_a_results_directory_or_not_there_leaves_the_default()
    {
        using var temp = new TempFolder();
        var settings = RunSettings(temp, "<RunSettings><RunConfiguration><MaxCpuCount>1</MaxCpuCount></RunConfiguration></RunSettings>");

        Assert.Equal(Path.Combine(temp.Path, "TestResults"), TestResultsDirectory.Decide(temp.Path, null, [], settings));
        Assert.Equal(Path.Combine(temp.Path, "TestResults"), TestResultsDirectory.Decide(temp.Path, null, [], Path.Combine(temp.Path, "missing.runsettings")));
    }

    [Theory]
    [InlineData("<RunSettings><RunConfiguration>")]
    [InlineData("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><RunSettings><RunConfiguration><ResultsDirectory>&e;</ResultsDirectory></RunConfiguration></RunSettings>")]
    public void A_broken_or_hostile_runsettings_file_is_a_coded_error(string xml)
    {
        using var temp = new TempFolder();

        var error = Assert.Throws<QualityGateException>(() => TestResultsDirectory.Decide(temp.Path, null, [], RunSettings(temp, xml)));

        Assert.Equal(DiagnosticCode.RunSettingsUnreadable, error.Code);
        Assert.DoesNotContain("root:", error.Message);
    }

    private static string RunSettings(TempFolder temp, string xml)
    {
        var path = Path.Combine(temp.Path, "settings", "test.runsettings");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, xml);
        return path;
    }
}
