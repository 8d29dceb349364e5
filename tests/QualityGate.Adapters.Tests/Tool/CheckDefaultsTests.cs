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
}
