using System.Collections.Generic;
using System.IO;
using QualityGate.Reports;
using Xunit;

namespace QualityGate.AdapterTests.Tool;

/// <summary>The tool writes the set of files the MSBuild gate writes by default; JUnit XML only when asked for.</summary>
public class CheckDefaultsTests
{
    [Fact]
    public void Check_writes_the_HTML_report_and_badges_but_no_JUnit_unless_asked()
    {
        using var workspace = new Workspace();
        workspace.Results();
        workspace.Coverage();

        var plain = workspace.Run("check", "--coverage", "coverage.cobertura.xml", "--output-dir", "plain");
        var junit = workspace.Run("check", "--coverage", "coverage.cobertura.xml", "--output-dir", "junit", "--junit");

        Assert.Equal((0, 0), (plain.Exit, junit.Exit));
        Assert.True(File.Exists(Path.Combine(workspace.Root, "plain", ReportPublisher.HtmlFileName)), plain.All);
        Assert.True(Directory.Exists(Path.Combine(workspace.Root, "plain", "badges")), plain.All);
        Assert.False(File.Exists(Path.Combine(workspace.Root, "plain", ReportPublisher.JUnitFileName)), plain.All);
        Assert.True(File.Exists(Path.Combine(workspace.Root, "junit", ReportPublisher.JUnitFileName)), junit.All);
    }

    [Fact]
    public void A_reports_folder_that_is_a_file_is_refused_before_any_report_is_written()
    {
        using var workspace = new Workspace();
        workspace.Results();
        workspace.Coverage();
        File.WriteAllText(Path.Combine(workspace.Root, "afile"), "not a folder");

        var run = workspace.Run("check", "--coverage", "coverage.cobertura.xml", "--output-dir", "afile", "--report", "r.json", "--markdown", "r.md");

        Assert.Equal(3, run.Exit);
        Assert.Contains("QG2025", run.All);
        Assert.False(File.Exists(Path.Combine(workspace.Root, "r.json")), "a JSON report saying pass was left behind");
        Assert.False(File.Exists(Path.Combine(workspace.Root, "r.md")));
    }

    // The seam the end-to-end tier uses to call the installed tool in its own process without its CI's variables.
    [Fact]
    public void The_CI_system_is_detected_from_the_environment_the_entry_point_is_given()
    {
        using var workspace = new Workspace();
        workspace.Results();
        workspace.Coverage();
        var onCi = Path.Combine(workspace.Root, "on-ci.md");
        var offCi = Path.Combine(workspace.Root, "off-ci.md");

        var github = Check(new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = onCi });
        var none = Check(new Dictionary<string, string?> { ["GITHUB_STEP_SUMMARY"] = offCi });

        Assert.Equal((0, 0), (github, none));
        Assert.Contains("QualityGate", File.ReadAllText(onCi));
        Assert.False(File.Exists(offCi), "a step summary was written without GITHUB_ACTIONS in the environment given");

        int Check(IReadOnlyDictionary<string, string?> environment) =>
            QualityGate.Tool.Program.Run(["check", "--coverage", "coverage.cobertura.xml"], new StringWriter(), new StringWriter(), workspace.Root, environment: environment);
    }
}
