using System.IO;
using QualityGate.Diagnostics;
using QualityGate.Files;
using QualityGate.Policy;
using QualityGate.Reports;
using QualityGate.Tests.Results;
using Xunit;

namespace QualityGate.Tests.Files;

/// <summary>An output path that is one of the run's inputs (or another output) is refused before anything is written.</summary>
public class OutputPathsTests
{
    private const string Config = """{ "phases": [ { "name": "p1", "passRate": 0 } ] }""";

    [Fact]
    public void A_Markdown_summary_written_over_qualitygate_json_is_refused_and_the_configuration_kept()
    {
        using var temp = new TempFolder();
        var (config, results) = Inputs(temp);

        var error = Assert.Throws<QualityGateException>(() => GateRunner.Run(new GateRunOptions(temp.Path) { ResultsFiles = [results], Reports = new GateReports { MarkdownPath = config } }));

        Assert.Equal((DiagnosticCode.OutputIsInput, config), (error.Code, error.File));
        Assert.Contains("the Markdown summary would be written over the configuration", error.Message, System.StringComparison.Ordinal);
        Assert.Equal(Config, File.ReadAllText(config));
    }

    [Fact]
    public void A_JSON_report_written_over_the_results_file_is_refused_and_the_results_kept()
    {
        using var temp = new TempFolder();
        var (_, results) = Inputs(temp);
        var before = File.ReadAllText(results);

        var error = Assert.Throws<QualityGateException>(() => GateRunner.Run(new GateRunOptions(temp.Path) { ResultsFiles = [results], Reports = new GateReports { JsonPath = results } }));

        Assert.Equal(DiagnosticCode.OutputIsInput, error.Code);
        Assert.Equal(before, File.ReadAllText(results));
    }

    [Fact]
    public void Another_spelling_of_an_input_through_a_linked_folder_is_still_that_input()
    {
        using var temp = new TempFolder();
        var (config, results) = Inputs(temp);
        var alias = Path.Combine(temp.Path, "alias");
        Directory.CreateSymbolicLink(alias, temp.Path);

        var error = Assert.Throws<QualityGateException>(() => GateRunner.Run(new GateRunOptions(temp.Path)
        {
            ResultsFiles = [results],
            Reports = new GateReports { JsonPath = Path.Combine(alias, "sub", "..", "qualitygate.json") },
        }));

        Assert.Equal(DiagnosticCode.OutputIsInput, error.Code);
        Assert.Equal(Config, File.ReadAllText(config));
    }

    [Fact]
    public void A_history_file_written_over_a_results_file_is_refused()
    {
        using var temp = new TempFolder();
        var (_, results) = Inputs(temp);
        var before = File.ReadAllText(results);

        var error = Assert.Throws<QualityGateException>(() => GateRunner.Run(new GateRunOptions(temp.Path)
        {
            ResultsFiles = [results],
            Reports = new GateReports { Publish = new PublishOptions(Path.Combine(temp.Path, "out")) { HistoryPath = results } },
        }));

        Assert.Equal(DiagnosticCode.OutputIsInput, error.Code);
        Assert.Contains("the history file", error.Message, System.StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(results));
    }

    [Fact]
    public void Two_reports_on_one_path_are_refused_rather_than_one_replacing_the_other()
    {
        using var temp = new TempFolder();
        var (_, results) = Inputs(temp);
        var report = Path.Combine(temp.Path, "report");

        var error = Assert.Throws<QualityGateException>(() => GateRunner.Run(new GateRunOptions(temp.Path) { ResultsFiles = [results], Reports = new GateReports { JsonPath = report, MarkdownPath = report } }));

        Assert.Equal(DiagnosticCode.OutputIsInput, error.Code);
        Assert.Contains("would both be written", error.Message, System.StringComparison.Ordinal);
        Assert.False(File.Exists(report));
    }

    [Fact]
    public void Paths_compare_with_the_file_systems_case_rule()
    {
        var paths = new OutputPaths();
        paths.Input("/repo/QualityGate.json", "the configuration");

        if (FileNode.CaseInsensitive)
        {
            Assert.Throws<QualityGateException>(() => paths.Output("/repo/qualitygate.json", "the report"));
        }
        else
        {
            paths.Output("/repo/qualitygate.json", "the report");
            Assert.Throws<QualityGateException>(() => paths.Output("/repo/QualityGate.json", "the summary"));
        }
    }

    private static (string Config, string Results) Inputs(TempFolder temp)
    {
        var config = Path.Combine(temp.Path, "qualitygate.json");
        File.WriteAllText(config, Config);
        return (config, ResultsFileReaderTests.Record(temp, fail: false));
    }
}
