using System;
using System.IO;
using System.Linq;
using QualityGate.Reports;
using QualityGate.Reports.Ci;
using Xunit;

namespace QualityGate.Tests.Reports;

/// <summary>Azure Pipelines: logged issues and the build summary, escaped as the agent reads them.</summary>
public class AzureTests
{
    [Fact]
    public void On_Azure_violations_and_failures_are_logged_as_issues_and_the_summary_is_uploaded()
    {
        using var temp = new TempFolder();
        var output = Path.Combine(temp.Path, "out");
        var (report, runs) = ReportSamples.Sample();
        var console = new StringWriter();
        var environment = new System.Collections.Generic.Dictionary<string, string?> { ["TF_BUILD"] = "True", ["BUILD_SOURCEVERSION"] = ReportSamples.Commit };

        var files = ReportPublisher.Publish(report, runs, ReportSamples.Options(output, CiKind.Azure, environment), console);

        Snapshot.Match(ReportSamples.Fixed(console.ToString(), temp.Path), "Azure.commands", "txt");
        var markdown = Path.Combine(output, ReportPublisher.AzureSummaryFileName);
        Assert.Contains(markdown, files);
        Assert.Equal(ReportPublisher.Markdown(report, "QualityGate: App.UnitTests, App.IntegrationTests"), File.ReadAllText(markdown));
        Assert.EndsWith($"##vso[task.uploadsummary]{markdown}", console.ToString().TrimEnd('\n'));
    }

    [Fact]
    public void Properties_escape_semicolon_and_bracket_data_escapes_percent_and_line_breaks_and_no_text_starts_a_command()
    {
        Assert.Equal("100%AZP25%0D%0A# #vso[task.setvariable variable=x]y", AzureCommands.EscapeData("100%\r\n##vso[task.setvariable variable=x]y"));
        Assert.Equal("a%3Bb%5Dc%AZP25%0A", AzureCommands.EscapeProperty("a;b]c%\n"));
        Assert.Equal(
            "##vso[task.logissue type=error;sourcepath=src/A%3B.cs;linenumber=3;code=QG4001;]cut%0A# #vso[task.complete result=Succeeded]",
            AzureCommands.Command("task.logissue", [new("type", "error"), new("sourcepath", "src/A;.cs"), new("linenumber", "3"), new("code", "QG4001")], "cut\n##vso[task.complete result=Succeeded]"));
    }

    [Fact]
    public void Issues_are_capped_per_type_with_a_plain_line_for_the_rest()
    {
        var report = new GateReport();
        for (var i = 0; i < 30; i++)
        {
            report.Violations.Add(new Violation("QG4003", "services", $"services: file {i} below the minimum."));
        }

        var console = new StringWriter();
        AzureCommands.WriteIssues(Annotation.From(report), console, 10);

        var lines = console.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal(10, lines.Count(l => l.StartsWith("##vso[task.logissue type=error;code=QG4003;]", StringComparison.Ordinal)));
        Assert.Equal("QualityGate: and 20 more errors (violations and failing tests) not logged as issues; the build summary and the HTML report list them all.", lines[^1]);
    }
}
