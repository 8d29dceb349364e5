using System;
using System.IO;
using System.Linq;
using System.Text;
using QualityGate.Coverage;
using QualityGate.Diagnostics;
using QualityGate.Policy;
using QualityGate.Tests.Results;
using Xunit;

namespace QualityGate.Tests.Coverage;

/// <summary>
/// A report is held against the repository's own files where they can be read: it must describe them, not another
/// checkout whose file names happen to match.
/// </summary>
public sealed class ForeignSourceTests : IDisposable
{
    private readonly TempFolder _repo = new();

    public ForeignSourceTests()
    {
        Source("src/Shop/Pricing/PriceService.cs", 24);
        Source("src/Shop/Orders/OrderService.cs", 40);
    }

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void A_line_beyond_the_end_of_the_repositorys_file_is_QG3008_without_printing_the_files_length()
    {
        var report = Cobertura($"{_repo.Path}/src/Shop/Pricing/PriceService.cs", 20, 30);

        var error = Assert.Throws<QualityGateException>(() => CoverageReader.Read(report, new PathMapper(_repo.Path)));

        Assert.Equal((DiagnosticCode.CoverageBeyondSource, report), (error.Code, error.File));
        Assert.Contains("gives line 30 of src/Shop/Pricing/PriceService.cs, beyond the end of that file", error.Message);
        Assert.Contains("the report does not describe this file", error.Message);
        Assert.DoesNotContain("24", error.Message);
    }

    [Fact]
    public void A_sequence_point_beyond_a_34_line_file_is_QG3008_even_within_the_span_limit()
    {
        Source("src/Shop/Small.cs", 34);
        var report = Write("o.xml", $"""<CoverageSession><Modules><Module><Files><File uid="1" fullPath="{_repo.Path}/src/Shop/Small.cs" /></Files><Classes><Class><Methods><Method><SequencePoints><SequencePoint vc="1" sl="4" el="5000" fileid="1" /></SequencePoints></Method></Methods></Class></Classes></Module></Modules></CoverageSession>""");

        Assert.Equal(DiagnosticCode.CoverageBeyondSource, Assert.Throws<QualityGateException>(() => CoverageReader.Read(report, new PathMapper(_repo.Path))).Code);
    }

    [Fact]
    public void A_path_matching_only_by_file_name_whose_lines_do_not_fit_is_not_placed_on_our_file()
    {
        // 0.1 mapped another repository's PriceService.cs (lines 100-109) onto our 24-line file by name and passed.
        var report = Cobertura("/home/other/lib/Billing/PriceService.cs", 100, 109);

        var data = CoverageReader.Read(report, new PathMapper(_repo.Path));

        Assert.Equal(["/home/other/lib/Billing/PriceService.cs"], data.Files.Keys);
    }

    [Fact]
    public void A_path_matching_only_by_file_name_is_placed_when_its_lines_fit()
    {
        var data = CoverageReader.Read(Cobertura("/agent/work/Other/PriceService.cs", 1, 20), new PathMapper(_repo.Path));

        Assert.Equal(["src/Shop/Pricing/PriceService.cs"], data.Files.Keys);
    }

    [Fact]
    public void Map_alone_keeps_a_name_only_match_as_given_and_remembers_the_candidate()
    {
        var mapper = new PathMapper(_repo.Path);

        Assert.Equal("/home/other/lib/Billing/PriceService.cs", mapper.Map("/home/other/lib/Billing/PriceService.cs", []));
        Assert.Equal("src/Shop/Pricing/PriceService.cs", mapper.NameOnlyMatches["/home/other/lib/Billing/PriceService.cs"]);
        Assert.Equal("src/Shop/Pricing/PriceService.cs", mapper.Map("/home/other/lib/Pricing/PriceService.cs", []));
    }

    [Fact]
    public void The_gate_refuses_a_report_of_another_repository_with_QG3009_instead_of_passing_on_it()
    {
        File.WriteAllText(Path.Combine(_repo.Path, "qualitygate.json"), """{ "phases": [ { "name": "p", "total": { "line": 50 }, "maxFailures": { "error": 1 } } ] }""");
        var results = ResultsFileReaderTests.Record(_repo);
        var report = Cobertura("/home/other/lib/Billing/PriceService.cs", 100, 109);

        var error = Assert.Throws<QualityGateException>(() => GateRunner.Run(new GateRunOptions(_repo.Path) { ResultsFiles = [results], CoverageFiles = [report] }));

        Assert.Equal(DiagnosticCode.CoverageForeignRepository, error.Code);
        Assert.Contains("none of the 1 files of the coverage report", error.Message);
        Assert.Contains("/home/other/lib/Billing/PriceService.cs", error.Message);
    }

    [Fact]
    public void Without_targets_a_foreign_report_is_not_an_error()
    {
        var results = ResultsFileReaderTests.Record(_repo, fail: false);

        var judged = GateRunner.Run(new GateRunOptions(_repo.Path) { ResultsFiles = [results], CoverageFiles = [Cobertura("/elsewhere/X.cs", 1, 2)] });

        Assert.True(judged.Passed);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    [InlineData("\u2028")]
    [InlineData("\u0085")]
    public void Lines_are_counted_as_the_compiler_counts_them(string newLine)
    {
        File.WriteAllText(Path.Combine(_repo.Path, "src", "Shop", "Lines.cs"), string.Join(newLine, Enumerable.Range(1, 10).Select(i => $"// {i}")), Encoding.UTF8);

        Assert.Equal(10, SourceFiles.CountLines(_repo.Path, "src/Shop/Lines.cs", int.MaxValue));
        Assert.Equal((10, 10), CoverageReader.Read(Cobertura($"{_repo.Path}/src/Shop/Lines.cs", 1, 10), new PathMapper(_repo.Path)).LineTotals());
    }

    [Fact]
    public void A_UTF16_source_file_is_counted_in_its_encoding()
    {
        File.WriteAllText(Path.Combine(_repo.Path, "src", "Shop", "Wide.cs"), string.Join("\n", Enumerable.Range(1, 7).Select(i => $"// {i}")), Encoding.Unicode);

        Assert.Equal(7, SourceFiles.CountLines(_repo.Path, "src/Shop/Wide.cs", int.MaxValue));
    }

    [Fact]
    public void A_source_symlinked_to_a_device_or_outside_the_repository_is_not_read()
    {
        File.CreateSymbolicLink(Path.Combine(_repo.Path, "src", "Shop", "Zero.cs"), "/dev/zero");

        Assert.Null(SourceFiles.CountLines(_repo.Path, "src/Shop/Zero.cs", 10));
        Assert.Null(SourceFiles.CountLines(_repo.Path, "../../etc/hostname", 10));
        Assert.Equal((1, 1), CoverageReader.Read(Cobertura($"{_repo.Path}/src/Shop/Zero.cs", 500, 500), new PathMapper(_repo.Path)).LineTotals());
    }

    [Fact]
    public void Counting_stops_once_the_reports_last_line_is_reached()
    {
        Source("src/Shop/Big.cs", 100_000);

        var counted = SourceFiles.CountLines(_repo.Path, "src/Shop/Big.cs", 5);

        Assert.InRange(counted!.Value, 5, 20_000);
        Assert.Equal(100_001, SourceFiles.CountLines(_repo.Path, "src/Shop/Big.cs", int.MaxValue));
    }

    [Fact]
    public void The_issues_report_of_another_checkout_with_a_matching_folder_is_QG3008()
    {
        // /home/other/lib/Pricing/PriceService.cs shares folder and name with ours, so it maps; its lines 100-109 do not exist here.
        var report = Cobertura("/home/other/lib/Pricing/PriceService.cs", 100, 109);

        Assert.Equal(DiagnosticCode.CoverageBeyondSource, Assert.Throws<QualityGateException>(() => CoverageReader.Read(report, new PathMapper(_repo.Path))).Code);
    }

    private void Source(string relative, int lines)
    {
        var path = Path.Combine(_repo.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Concat(Enumerable.Range(1, lines).Select(i => $"// line {i}\n")));
    }

    private string Cobertura(string file, int from, int to) => Write(
        "coverage.cobertura.xml",
        "<coverage><packages><package><classes><class filename=\"" + file + "\"><lines>"
        + string.Concat(Enumerable.Range(from, to - from + 1).Select(n => $"<line number=\"{n}\" hits=\"1\" />"))
        + "</lines></class></classes></package></packages></coverage>");

    private string Write(string name, string content)
    {
        var path = Path.Combine(_repo.Path, "TestResults", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }
}
