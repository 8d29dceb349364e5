using System.IO;
using System.Text.Json;
using QualityGate.Diagnostics;
using QualityGate.Policy;
using QualityGate.Reports;
using QualityGate.Tests.Results;
using Xunit;

namespace QualityGate.Tests.Policy;

/// <summary>The whole gate from files on disk, as the MSBuild task and dotnet gate run it.</summary>
public class GateRunnerTests
{
    [Fact]
    public void Results_and_coverage_files_become_a_verdict_and_both_reports()
    {
        using var temp = new TempFolder();
        var results = ResultsFileReaderTests.Record(temp, passed: 9);
        File.WriteAllText(Path.Combine(temp.Path, "qualitygate.json"), """
            { "layers": { "core": { "include": ["src/**/*.cs"] } },
              "phases": [ { "name": "p1", "layers": { "core": { "line": 75 } }, "maxFailures": { "error": 1 } } ] }
            """);
        var coverage = Cobertura(temp, ("src/A.cs", 3, 4), ("src/B.cs", 1, 1), ("tools/Gen.cs", 0, 5));

        var report = GateRunner.Run(new GateRunOptions(temp.Path)
        {
            ResultsFiles = [results],
            CoverageFiles = [coverage],
            Reports = new GateReports
            {
                JsonPath = Path.Combine(temp.Path, "out", "qualitygate-report.json"),
                MarkdownPath = Path.Combine(temp.Path, "out", "qualitygate-report.md"),
            },
        });

        Assert.True(report.Passed);
        Assert.Equal((4, 5), (report.Layers[0].Lines.Covered, report.Layers[0].Lines.Valid));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "out", "qualitygate-report.json")));
        Assert.Equal("pass", json.RootElement.GetProperty("verdict").GetString());
        Assert.Contains("✅ **QualityGate: pass**", File.ReadAllText(Path.Combine(temp.Path, "out", "qualitygate-report.md")));
        Assert.Contains("QualityGate p1: PASS", string.Join("\n", ConsoleTable.Lines(report)));
    }

    [Fact]
    public void No_results_files_at_all_is_an_error_not_an_empty_pass()
    {
        using var temp = new TempFolder();

        var error = Assert.Throws<QualityGateException>(() => GateRunner.Run(new GateRunOptions(temp.Path)));

        Assert.Equal(DiagnosticCode.ResultsMissing, error.Code);
    }

    [Fact]
    public void A_truncated_coverage_report_fails_the_gate_with_its_code()
    {
        using var temp = new TempFolder();
        var results = ResultsFileReaderTests.Record(temp, fail: false);
        var coverage = Cobertura(temp, ("src/A.cs", 1, 2));
        var text = File.ReadAllText(coverage);
        File.WriteAllText(coverage, text[..(text.Length / 2)]);

        var error = Assert.Throws<QualityGateException>(() => GateRunner.Run(new GateRunOptions(temp.Path) { ResultsFiles = [results], CoverageFiles = [coverage] }));

        Assert.Equal((DiagnosticCode.CoverageUnreadable, coverage), (error.Code, error.File));
    }

    private static string Cobertura(TempFolder temp, params (string File, int Covered, int Valid)[] files)
    {
        var classes = new System.Text.StringBuilder();
        foreach (var (file, covered, valid) in files)
        {
            classes.Append($"<class name=\"C\" filename=\"{file}\"><methods /><lines>");
            for (var line = 1; line <= valid; line++)
            {
                classes.Append($"<line number=\"{line}\" hits=\"{(line <= covered ? 1 : 0)}\" branch=\"False\" />");
            }

            classes.Append("</lines></class>");
        }

        var path = Path.Combine(temp.Path, "coverage.cobertura.xml");
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <coverage line-rate="0" branch-rate="0" version="1.9" timestamp="1">
              <sources><source>{temp.Path}/</source></sources>
              <packages><package name="App"><classes>{classes}</classes></package></packages>
            </coverage>
            """);
        return path;
    }
}
