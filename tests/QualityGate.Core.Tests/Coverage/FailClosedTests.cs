using System;
using System.IO;
using System.Text;
using QualityGate.Coverage;
using QualityGate.Diagnostics;
using Xunit;
using static QualityGate.Tests.Coverage.CoverageTestData;

namespace QualityGate.Tests.Coverage;

/// <summary>Every way a coverage input can be unusable is an error with a code and advice, never an empty pass.</summary>
public sealed class FailClosedTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_missing_report_is_QG3001_and_says_how_to_collect_coverage()
    {
        var path = Path.Combine(_folder.Path, "coverage.cobertura.xml");

        var error = Fail(path);

        Assert.Equal((DiagnosticCode.CoverageMissing, path), (error.Code, error.File));
        Assert.Contains("does not exist", error.Message);
        Assert.Contains("--collect \"XPlat Code Coverage\"", error.Message);
    }

    [Fact]
    public void A_folder_given_as_the_report_is_QG3001()
    {
        var error = Fail(_folder.Path);

        Assert.Equal(DiagnosticCode.CoverageMissing, error.Code);
        Assert.Contains("is a folder", error.Message);
    }

    [Fact]
    public void A_zero_byte_report_is_QG3002()
    {
        var error = Fail(Write("coverage.cobertura.xml", ""));

        Assert.Equal(DiagnosticCode.CoverageEmpty, error.Code);
        Assert.Contains("is empty (0 bytes)", error.Message);
        Assert.Contains("--collect \"XPlat Code Coverage\"", error.Message);
    }

    [Fact]
    public void A_report_of_only_white_space_is_QG3002()
    {
        Assert.Equal(DiagnosticCode.CoverageEmpty, Fail(Write("coverage.cobertura.xml", "\uFEFF \r\n\t\n")).Code);
    }

    [Theory]
    [InlineData("coverlet-collector.cobertura.xml")]
    [InlineData("coverlet-msbuild.opencover.xml")]
    public void A_truncated_report_is_QG3003_and_says_where_it_breaks(string report)
    {
        var text = File.ReadAllText(DataFile(report));
        var path = Write(report, text.Substring(0, text.Length * 2 / 3));

        var error = Fail(path);

        Assert.Equal((DiagnosticCode.CoverageUnreadable, path), (error.Code, error.File));
        Assert.Matches(@"not well-formed XML at line [\d,]+, position [\d,]+: it is truncated or corrupt", error.Message);
        Assert.Contains("run the tests again", error.Message);
        Assert.DoesNotContain("   at ", error.ToString());
    }

    [Fact]
    public void A_line_whose_hits_are_not_a_number_is_QG3003()
    {
        var error = Fail(Write("c.xml", Cobertura("""<line number="3" hits="many" />""")));

        Assert.Equal(DiagnosticCode.CoverageUnreadable, error.Code);
        Assert.Contains("<line> element at line 1", error.Message);
        Assert.Contains("hits attribute is \"many\"", error.Message);
    }

    [Fact]
    public void A_negative_hit_count_is_QG3003()
    {
        Assert.Equal(DiagnosticCode.CoverageUnreadable, Fail(Write("c.xml", Cobertura("""<line number="3" hits="-1" />"""))).Code);
    }

    [Fact]
    public void A_class_without_a_filename_is_QG3003()
    {
        var error = Fail(Write("c.xml", """<coverage><packages><package><classes><class name="A"><lines><line number="1" hits="1"/></lines></class></classes></package></packages></coverage>"""));

        Assert.Equal(DiagnosticCode.CoverageUnreadable, error.Code);
        Assert.Contains("no filename attribute", error.Message);
    }

    [Fact]
    public void A_sequence_point_of_an_unlisted_file_is_QG3003()
    {
        var error = Fail(Write("o.xml", """<CoverageSession><Modules><Module><Files><File uid="1" fullPath="/r/a.cs"/></Files><Classes><Class><Methods><Method><SequencePoints><SequencePoint vc="1" sl="1" el="1" fileid="7"/></SequencePoints></Method></Methods></Class></Classes></Module></Modules></CoverageSession>"""));

        Assert.Equal(DiagnosticCode.CoverageUnreadable, error.Code);
        Assert.Contains("file uid 7", error.Message);
    }

    [Fact]
    public void A_trx_file_is_QG3004_and_named_as_such()
    {
        var path = Write("results.trx", """
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun id="1" name="run" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"><Results /></TestRun>
            """);

        var error = Fail(path);

        Assert.Equal(DiagnosticCode.CoverageForeignFormat, error.Code);
        Assert.Contains("root element is <TestRun>, which is a TRX test results file", error.Message);
        Assert.Contains("coverage.cobertura.xml", error.Message);
    }

    [Theory]
    [InlineData("<!DOCTYPE html>\n<html><head><title>Summary</title></head><body><p>Coverage<br></body></html>", "an HTML page")]
    [InlineData("<html><body></body></html>", "an HTML page")]
    [InlineData("{ \"Coverage.Sample.dll\": {} }", "JSON")]
    [InlineData("TN:\nSF:/src/a.cs\nDA:1,1\nend_of_record\n", "LCOV")]
    [InlineData("PCH\u00ff\u0001\u0000binary", "binary Microsoft.CodeCoverage .coverage")]
    [InlineData("<results><modules /></results>", "Microsoft.CodeCoverage's own XML format (Format=xml)")]
    [InlineData("<report name=\"jacoco\" />", "JaCoCo")]
    [InlineData("<something />", "an XML document of a kind QualityGate does not know")]
    public void A_file_of_another_kind_is_QG3004_and_names_what_it_is(string content, string named)
    {
        var error = Fail(Write("report.xml", content));

        Assert.Equal(DiagnosticCode.CoverageForeignFormat, error.Code);
        Assert.Contains(named, error.Message);
        Assert.Contains("QualityGate reads Cobertura", error.Message);
    }

    [Fact]
    public void A_cobertura_report_without_lines_is_QG3005()
    {
        var path = Write("coverage.cobertura.xml", """
            <?xml version="1.0" encoding="utf-8"?>
            <coverage line-rate="0" branch-rate="0" version="1.9" lines-covered="0" lines-valid="0">
              <sources />
              <packages />
            </coverage>
            """);

        var error = Fail(path);

        Assert.Equal((DiagnosticCode.CoverageNoLines, path), (error.Code, error.File));
        Assert.Contains("no coverable lines", error.Message);
        Assert.Contains("include/exclude filters", error.Message);
    }

    [Fact]
    public void An_opencover_report_whose_modules_were_all_skipped_is_QG3005()
    {
        var error = Fail(Write("coverage.opencover.xml", """
            <CoverageSession><Modules>
              <Module skippedDueTo="MissingPdb" hash="1"><ModulePath>A.dll</ModulePath>
                <Files><File uid="1" fullPath="/r/a.cs" /></Files>
                <Classes><Class><Methods><Method><SequencePoints><SequencePoint vc="1" sl="1" el="1" fileid="1" /></SequencePoints></Method></Methods></Class></Classes>
              </Module>
            </Modules></CoverageSession>
            """));

        Assert.Equal(DiagnosticCode.CoverageNoLines, error.Code);
        Assert.Contains("skippedDueTo", error.Message);
    }

    [Fact]
    public void Errors_print_as_compiler_style_lines_without_a_stack_trace()
    {
        var path = Write("coverage.cobertura.xml", "");

        Assert.Equal($"{path}: error QG3002: {Fail(path).Message}", Fail(path).ToString());
    }

    private static QualityGateException Fail(string path) =>
        Assert.Throws<QualityGateException>(() => CoverageReader.Read(path, new PathMapper("/r")));

    private static string Cobertura(string line) =>
        $"""<coverage><packages><package><classes><class filename="a.cs"><lines>{line}</lines></class></classes></package></packages></coverage>""";

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder.Path, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }
}
