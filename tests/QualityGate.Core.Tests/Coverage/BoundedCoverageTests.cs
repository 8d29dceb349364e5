using System;
using System.IO;
using System.Linq;
using System.Text;
using QualityGate.Coverage;
using QualityGate.Diagnostics;
using Xunit;

namespace QualityGate.Tests.Coverage;

/// <summary>
/// A coverage report is believed only as far as a real one could go: every line, range and count is bounded, sums
/// saturate, and the memory a report costs stays proportional to the lines it really lists.
/// </summary>
public sealed class BoundedCoverageTests : IDisposable
{
    private readonly TempFolder _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void One_sequence_point_spanning_a_hundred_thousand_lines_is_QG3007_not_100_percent()
    {
        // 0.1: "100.0 % (100012/100012)" and PASS for a 34-line file.
        var error = Fail(OpenCover("""<SequencePoint vc="1" sl="4" el="100000" fileid="1" />"""));

        Assert.Equal(DiagnosticCode.CoverageImplausible, error.Code);
        Assert.Contains("spans lines 4-100,000, more than any statement", error.Message);
        Assert.Contains("<SequencePoint> element at line 1", error.Message);
    }

    [Fact]
    public void An_end_line_of_int_MaxValue_is_QG3007_at_once_without_allocating_the_range()
    {
        // 0.1 grew to 24 GB and was killed.
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Fail(OpenCover("""<SequencePoint vc="1" sl="4" el="2147483647" fileid="1" />"""));

        Assert.Equal(DiagnosticCode.CoverageImplausible, error.Code);
        Assert.Contains("el), beyond any source file (1,000,000 lines at most)", error.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 32 << 20, "reading one sequence point allocated more than 32 MB");
    }

    [Theory]
    [InlineData("""<SequencePoint vc="1" sl="9" el="3" fileid="1" />""", "ends (el 3) before it starts (sl 9)")]
    [InlineData("""<SequencePoint vc="1" sl="-4" el="2" fileid="1" />""", "gives line -4 (sl), a negative line number")]
    [InlineData("""<SequencePoint vc="1" sl="5" el="16707566" fileid="1" />""", "beyond any source file")]
    [InlineData("""<SequencePoint vc="1" sl="1" el="1" fileid="1" /><BranchPoint vc="1" sl="3000000" offset="1" path="0" fileid="1" />""", "gives line 3,000,000 (sl)")]
    public void An_impossible_OpenCover_range_is_QG3007(string points, string says)
    {
        var error = Fail(OpenCover(points));

        Assert.Equal(DiagnosticCode.CoverageImplausible, error.Code);
        Assert.Contains(says, error.Message);
    }

    [Theory]
    [InlineData("""<line number="-3" hits="1" />""", "gives line number -3, a negative one")]
    [InlineData("""<line number="2000000" hits="1" />""", "gives line number 2,000,000, beyond any source file")]
    [InlineData("""<line number="1" hits="1" branch="True" condition-coverage="100% (2000000000/2000000000)" />""", "2,000,000,000 branches, more than any line has")]
    public void An_impossible_Cobertura_line_is_QG3007(string line, string says)
    {
        var error = Fail(Cobertura("/r/a.cs", line));

        Assert.Equal(DiagnosticCode.CoverageImplausible, error.Code);
        Assert.Contains(says, error.Message);
    }

    [Fact]
    public void More_OpenCover_branch_points_on_one_line_than_any_line_has_are_QG3007()
    {
        var branches = string.Concat(Enumerable.Range(0, 10_001).Select(i => $"""<BranchPoint vc="1" sl="1" offset="{i}" path="0" fileid="1" />"""));

        var error = Fail(OpenCover($"""<SequencePoint vc="1" sl="1" el="1" fileid="1" />{branches}"""));

        Assert.Equal(DiagnosticCode.CoverageImplausible, error.Code);
        Assert.Contains("gives line 1 of a.cs 10,001 branch points", error.Message);
    }

    [Fact]
    public void Hidden_sequence_points_are_still_skipped()
    {
        var data = Read(OpenCover("""<SequencePoint vc="1" sl="16707566" el="16707566" fileid="1" /><SequencePoint vc="0" sl="0" el="0" fileid="1" /><SequencePoint vc="1" sl="2" el="3" fileid="1" />"""));

        Assert.Equal((2, 2), data.LineTotals());
    }

    [Fact]
    public void Many_long_sequence_points_beyond_what_a_report_of_that_size_can_hold_are_QG3007()
    {
        // Each point is plausible on its own; together a 40 KB report would claim three million lines.
        var files = string.Concat(Enumerable.Range(1, 300).Select(i => $"""<File uid="{i}" fullPath="/r/f{i}.cs" />"""));
        var points = string.Concat(Enumerable.Range(1, 300).Select(i => $"""<SequencePoint vc="1" sl="1" el="9999" fileid="{i}" />"""));
        var path = Write("o.xml", $"<CoverageSession><Modules><Module><Files>{files}</Files><Classes><Class><Methods><Method><SequencePoints>{points}</SequencePoints></Method></Methods></Class></Classes></Module></Modules></CoverageSession>");

        var error = Fail(path);

        Assert.Equal(DiagnosticCode.CoverageImplausible, error.Code);
        Assert.Contains("more than 1,000,000, far more than a report of its size can describe", error.Message);
    }

    [Fact]
    public void Hit_counts_that_overflow_a_long_when_summed_saturate_and_the_line_stays_covered()
    {
        // 0.1: ten classes listing a line at 10^18 - 1 hits each wrapped past long.MaxValue to a negative count, and
        // the covered line counted as uncovered.
        var classes = string.Concat(Enumerable.Repeat("""<class filename="/r/a.cs"><lines><line number="1" hits="999999999999999999" /></lines></class>""", 10));
        var path = Write("c.xml", $"<coverage><packages><package><classes>{classes}</classes></package></packages></coverage>");

        var data = Read(path);
        data.Merge(Read(path));

        Assert.Equal((1, 1), data.LineTotals());
        Assert.Equal(long.MaxValue, data.Files["a.cs"].Lines[1].Hits);
    }

    [Fact]
    public void An_attribute_in_another_namespace_is_not_the_reports_own()
    {
        var data = Read(Write("c.xml", """<coverage xmlns:q="urn:x"><packages><package><classes><class filename="/r/a.cs"><lines><line number="1" hits="0" q:hits="9" /></lines></class></classes></package></packages></coverage>"""));

        Assert.Equal((0, 1), data.LineTotals());
    }

    [Fact]
    public void A_repeated_attribute_is_QG3003_not_the_last_one_winning()
    {
        Assert.Equal(DiagnosticCode.CoverageUnreadable, Fail(Cobertura("/r/a.cs", """<line number="1" hits="0" hits="1" />""")).Code);
    }

    [Theory]
    [InlineData("\u0663")]  // Arabic-Indic three
    [InlineData("\uFF13")]  // full-width three
    [InlineData("0x3")]
    [InlineData("3e0")]
    public void A_line_number_in_other_digits_or_notations_is_QG3003(string number)
    {
        Assert.Equal(DiagnosticCode.CoverageUnreadable, Fail(Cobertura("/r/a.cs", $"""<line number="{number}" hits="1" />""")).Code);
    }

    [Fact]
    public void Elements_nested_a_hundred_thousand_deep_are_read_without_recursion()
    {
        var path = Write("c.xml", "<coverage>" + string.Concat(Enumerable.Repeat("<x>", 100_000)) + string.Concat(Enumerable.Repeat("</x>", 100_000)) + "</coverage>");

        Assert.Equal(DiagnosticCode.CoverageNoLines, Fail(path).Code);
    }

    [Fact]
    public void A_UTF16_report_without_a_byte_order_mark_reads_like_any_other()
    {
        var path = Path.Combine(_repo.Path, "c.xml");
        File.WriteAllBytes(path, new UnicodeEncoding(false, false).GetBytes("""<coverage><packages><package><classes><class filename="/r/a.cs"><lines><line number="1" hits="1" /></lines></class></classes></package></packages></coverage>"""));

        Assert.Equal((1, 1), Read(path).LineTotals());
    }

    private static CoverageData Read(string path) => CoverageReader.Read(path, new PathMapper("/r"));

    private static QualityGateException Fail(string path) => Assert.Throws<QualityGateException>(() => Read(path));

    private string OpenCover(string points) => Write("o.xml",
        $"""<CoverageSession><Modules><Module><Files><File uid="1" fullPath="/r/a.cs" /></Files><Classes><Class><Methods><Method><SequencePoints>{points}</SequencePoints></Method></Methods></Class></Classes></Module></Modules></CoverageSession>""");

    private string Cobertura(string file, string line) => Write("c.xml",
        $"""<coverage><packages><package><classes><class filename="{file}"><lines>{line}</lines></class></classes></package></packages></coverage>""");

    private string Write(string name, string content)
    {
        var path = Path.Combine(_repo.Path, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }
}
