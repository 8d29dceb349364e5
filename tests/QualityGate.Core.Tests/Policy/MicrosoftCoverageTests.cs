using System.IO;
using System.Linq;
using QualityGate.Diagnostics;
using QualityGate.Policy;
using QualityGate.Recording;
using QualityGate.Results;
using Xunit;

namespace QualityGate.Tests.Policy;

/// <summary>
/// 'dotnet test' on a solution with Microsoft Code Coverage: VSTest merges the projects' Cobertura reports into the one
/// it keeps at the first project's path and deletes the others, and the report measures the test projects too.
/// </summary>
public class MicrosoftCoverageTests
{
    private const string Microsoft = "datacollector://Microsoft/CodeCoverage/2.0";

    [Fact]
    public void The_solutions_merged_report_is_judged_and_the_reports_it_replaced_are_not_missing()
    {
        using var temp = new TempFolder();
        var merged = Report(temp, "Beta.Tests/TestResults/1/_vm.cobertura.xml", ("App", "src/App/A.cs", 3, 4), ("Alpha.Tests", "tests/Alpha.Tests/T.cs", 5, 5), ("Beta.Tests", "tests/Beta.Tests/T.cs", 5, 5));
        string[] results =
        [
            Run(temp, "Alpha.Tests", Path.Combine(temp.Path, "Alpha.Tests/TestResults/2/_vm.cobertura.xml")), // deleted by the merge
            Run(temp, "Beta.Tests", merged),
        ];
        File.WriteAllText(Path.Combine(temp.Path, "qualitygate.json"), """{ "phases": [ { "name": "p", "total": { "line": 70 } } ] }""");

        var report = GateRunner.Run(new GateRunOptions(temp.Path) { ResultsFiles = results });

        Assert.True(report.Passed, string.Join("\n", report.Violations.Select(v => v.Message)));
        Assert.Equal((3, 4), (report.Total!.Lines.Covered, report.Total.Lines.Valid)); // the test projects' own code left out
    }

    [Fact]
    public void Test_code_counts_when_the_configuration_asks_for_it()
    {
        using var temp = new TempFolder();
        var merged = Report(temp, "Beta.Tests/TestResults/1/_vm.cobertura.xml", ("App", "src/App/A.cs", 3, 4), ("Beta.Tests", "tests/Beta.Tests/T.cs", 5, 5));
        File.WriteAllText(Path.Combine(temp.Path, "qualitygate.json"), """{ "coverage": { "includeTestCode": true }, "phases": [ { "name": "p", "total": { "line": 70 } } ] }""");

        var report = GateRunner.Run(new GateRunOptions(temp.Path) { ResultsFiles = [Run(temp, "Beta.Tests", merged)] });

        Assert.Equal((8, 9), (report.Total!.Lines.Covered, report.Total.Lines.Valid));
    }

    [Fact]
    public void A_report_of_test_code_only_says_that_is_why_nothing_was_measured()
    {
        using var temp = new TempFolder();
        var report = Report(temp, "Beta.Tests/TestResults/1/_vm.cobertura.xml", ("Beta.Tests", "tests/Beta.Tests/T.cs", 5, 5));
        File.WriteAllText(Path.Combine(temp.Path, "qualitygate.json"), """{ "phases": [ { "name": "p", "total": { "line": 70 } } ] }""");

        var error = Assert.Throws<QualityGateException>(() => GateRunner.Run(new GateRunOptions(temp.Path) { ResultsFiles = [Run(temp, "Beta.Tests", report)] }));

        Assert.Equal(DiagnosticCode.CoverageNoLines, error.Code);
        Assert.Contains("measured only test code (Beta.Tests)", error.Message);
        Assert.Contains("includeTestCode", error.Message);
    }

    [Fact]
    public void A_missing_report_with_no_merge_beside_it_is_still_a_coded_error_naming_both_producers()
    {
        using var temp = new TempFolder();
        string[] results = [Run(temp, "Alpha.Tests", Path.Combine(temp.Path, "gone/a.cobertura.xml")), Run(temp, "Beta.Tests", Path.Combine(temp.Path, "gone/b.cobertura.xml"))];

        var error = Assert.Throws<QualityGateException>(() => GateRunner.Run(new GateRunOptions(temp.Path) { ResultsFiles = results }));

        Assert.Equal(DiagnosticCode.CoverageMissing, error.Code);
        Assert.Contains("coverlet.collector", error.Message);
        Assert.Contains("Microsoft.CodeCoverage", error.Message);
    }

    private static string Run(TempFolder temp, string assembly, string coverage)
    {
        using var recorder = new RunRecorder(new RecorderOptions(Path.Combine(temp.Path, assembly, "TestResults"), "net10.0"), TextWriter.Null);
        recorder.Record(new ReportedResult($"/bin/{assembly}.dll", $"{assembly}.T.M", $"{assembly}.T.M", TestOutcome.Passed));
        return Assert.Single(recorder.Complete(new RunCompletion { Attachments = [new RunAttachment(coverage, null, Microsoft)] }));
    }

    private static string Report(TempFolder temp, string relative, params (string Package, string File, int Covered, int Valid)[] files)
    {
        var packages = string.Join(string.Empty, files.Select(f =>
            $"<package name=\"{f.Package}\"><classes><class name=\"C\" filename=\"{temp.Path}/{f.File}\"><methods /><lines>"
            + string.Join(string.Empty, Enumerable.Range(1, f.Valid).Select(l => $"<line number=\"{l}\" hits=\"{(l <= f.Covered ? 1 : 0)}\" branch=\"False\" />"))
            + "</lines></class></classes></package>"));
        var path = Path.Combine(temp.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $"<?xml version=\"1.0\" encoding=\"utf-8\"?><coverage line-rate=\"1\" branch-rate=\"1\" version=\"1.9\" timestamp=\"1\"><packages>{packages}</packages></coverage>");
        return path;
    }
}
