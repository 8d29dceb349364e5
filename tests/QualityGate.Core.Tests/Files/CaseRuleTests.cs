using System.IO;
using QualityGate.Files;
using QualityGate.Policy;
using QualityGate.Tests.Results;
using Xunit;

namespace QualityGate.Tests.Files;

/// <summary>One case rule for every path: the file system's, in the layers' globs as in the tool's.</summary>
public class CaseRuleTests
{
    [Fact]
    public void A_layer_matches_another_spelling_of_a_path_exactly_when_the_file_system_ignores_case()
    {
        var layer = new SourceLayer("services", ["src/App/Services/**/*.cs"], []);

        Assert.True(layer.Contains("src/App/Services/PriceService.cs"));
        Assert.Equal(FileNode.CaseInsensitive, layer.Contains("SRC/app/services/PriceService.CS"));
    }

    [Fact]
    public void A_Windows_coverage_report_with_backslashes_drive_letter_and_other_case_fills_the_layers_here()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(Path.Combine(temp.Path, "src", "App", "Services"));
        File.WriteAllText(Path.Combine(temp.Path, "src", "App", "Services", "PriceService.cs"), "class P\n{\n    int A;\n    int B;\n}\n");
        File.WriteAllText(Path.Combine(temp.Path, "qualitygate.json"), """
            { "layers": { "services": { "include": ["src/App/Services/**/*.cs"] } },
              "phases": [ { "name": "p1", "layers": { "services": { "line": 50 } } } ] }
            """);
        var results = ResultsFileReaderTests.Record(temp, fail: false);
        var coverage = Path.Combine(temp.Path, "coverage.cobertura.xml");
        File.WriteAllText(coverage, """
            <?xml version="1.0" encoding="utf-8"?>
            <coverage line-rate="0.75" branch-rate="0" version="1.9" timestamp="1">
              <sources><source>D:\a\1\s\</source></sources>
              <packages><package name="App"><classes>
                <class name="P" filename="SRC\app\Services\PRICESERVICE.cs"><methods /><lines>
                  <line number="1" hits="1" branch="False" /><line number="2" hits="1" branch="False" />
                  <line number="3" hits="1" branch="False" /><line number="4" hits="0" branch="False" />
                </lines></class>
              </classes></package></packages>
            </coverage>
            """);

        var report = GateRunner.Run(new GateRunOptions(temp.Path) { ResultsFiles = [results], CoverageFiles = [coverage] });

        Assert.True(report.Passed, string.Join("\n", report.Violations.ConvertAll(v => v.Message)));
        Assert.Equal((3, 4), (report.Layers[0].Lines.Covered, report.Layers[0].Lines.Valid));
    }
}
