using System;
using System.IO;
using System.Linq;
using System.Text;
using QualityGate.Coverage;
using Xunit;

namespace QualityGate.Tests.Coverage;

/// <summary>The counting rules, on small hand-written reports shaped like what producers write.</summary>
public sealed class ReaderRulesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_state_machine_class_repeating_its_methods_lines_adds_no_line()
    {
        // Older coverlet versions and other producers list an async method's lines under the declaring class and
        // again under its <M>d__0 state machine, with the hits split between them.
        var data = Read("""
            <coverage><sources><source>/r/src/</source></sources><packages><package><classes>
              <class name="App.Svc" filename="Svc.cs">
                <methods><method name="RunAsync"><lines><line number="10" hits="1" /><line number="11" hits="0" /></lines></method></methods>
                <lines><line number="10" hits="1" /><line number="11" hits="0" /></lines>
              </class>
              <class name="App.Svc/&lt;RunAsync&gt;d__0" filename="Svc.cs">
                <methods><method name="MoveNext"><lines><line number="10" hits="4" /><line number="11" hits="2" branch="True" condition-coverage="50% (1/2)" /></lines></method></methods>
                <lines><line number="10" hits="4" /><line number="11" hits="2" branch="True" condition-coverage="50% (1/2)" /><line number="12" hits="0" /></lines>
              </class>
            </classes></package></packages></coverage>
            """);

        var file = data.Files["src/Svc.cs"];
        Assert.Equal((2, 3), (file.CoveredLines, file.ValidLines));
        Assert.Equal(new LineHits(5, 0, 0), file.Lines[10]);
        Assert.Equal(new LineHits(2, 1, 2), file.Lines[11]);
        Assert.Equal((1, 2), data.BranchTotals());
    }

    [Fact]
    public void Method_lines_are_not_counted_on_top_of_the_class_lines()
    {
        var data = Read("""
            <coverage><packages><package><classes><class filename="/r/a.cs">
              <methods><method><lines><line number="1" hits="3" branch="True" condition-coverage="100% (2/2)" /></lines></method></methods>
              <lines><line number="1" hits="3" branch="True" condition-coverage="100% (2/2)" /></lines>
            </class></classes></package></packages></coverage>
            """);

        Assert.Equal(new LineHits(3, 2, 2), data.Files["a.cs"].Lines[1]);
        Assert.Equal((2, 2), data.BranchTotals());
    }

    [Fact]
    public void Hidden_lines_carry_no_source_line()
    {
        var data = Read("""
            <coverage><packages><package><classes><class filename="/r/a.cs"><lines>
              <line number="0" hits="1" /><line number="16707566" hits="1" /><line number="5" hits="0" />
            </lines></class></classes></package></packages></coverage>
            """);

        Assert.Equal(new[] { 5 }, data.Files["a.cs"].Lines.Keys);
    }

    [Fact]
    public void A_class_without_lines_adds_no_empty_file()
    {
        var data = Read("""
            <coverage><packages><package><classes>
              <class filename="/r/IShape.cs"><methods /><lines /></class>
              <class filename="/r/a.cs"><methods /><lines><line number="1" hits="1" /></lines></class>
            </classes></package></packages></coverage>
            """);

        Assert.Equal(new[] { "a.cs" }, data.Files.Keys);
    }

    [Fact]
    public void A_doctype_as_reportgenerator_writes_is_skipped_without_being_fetched()
    {
        var data = Read("""
            <?xml version="1.0" encoding="utf-8"?>
            <!DOCTYPE coverage SYSTEM "http://cobertura.sourceforge.net/xml/coverage-04.dtd">
            <coverage><packages><package><classes><class filename="/r/a.cs"><lines><line number="1" hits="1" /></lines></class></classes></package></packages></coverage>
            """);

        Assert.Equal((1, 1), data.LineTotals());
    }

    [Fact]
    public void An_entity_declared_in_a_doctype_is_never_expanded()
    {
        var path = Write("bomb.xml", """
            <?xml version="1.0"?>
            <!DOCTYPE coverage [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <coverage><sources><source>&b;</source></sources></coverage>
            """);

        var error = Assert.Throws<QualityGate.Diagnostics.QualityGateException>(() => CoverageReader.Read(path, new PathMapper("/r")));

        Assert.Equal(QualityGate.Diagnostics.DiagnosticCode.CoverageUnreadable, error.Code);
    }

    [Fact]
    public void A_utf16_report_is_read()
    {
        var path = System.IO.Path.Combine(_folder.Path, "utf16.xml");
        File.WriteAllText(path, """<?xml version="1.0" encoding="utf-16"?><coverage><packages><package><classes><class filename="/r/a.cs"><lines><line number="1" hits="1" /></lines></class></classes></package></packages></coverage>""", Encoding.Unicode);

        Assert.Equal((1, 1), CoverageReader.Read(path, new PathMapper("/r")).LineTotals());
    }

    [Fact]
    public void An_opencover_sequence_point_covers_every_line_it_spans()
    {
        var data = Read(OpenCover("""<SequencePoint vc="2" sl="3" el="5" fileid="1" /><SequencePoint vc="0" sl="7" el="7" fileid="1" />"""));

        Assert.Equal(new[] { 3, 4, 5, 7 }, data.Files["a.cs"].Lines.Keys.OrderBy(l => l));
        Assert.Equal((3, 4), data.LineTotals());
    }

    [Fact]
    public void Opencover_branches_are_counted_by_identity_once_however_often_they_are_listed()
    {
        // Branch (line 3, offset 10, path 0) is listed by two methods, covered by one; path 1 is never covered.
        var data = Read(OpenCover(
            """<SequencePoint vc="1" sl="3" el="3" fileid="1" /><BranchPoint vc="0" sl="3" offset="10" path="0" fileid="1" /><BranchPoint vc="0" sl="3" offset="10" path="1" fileid="1" />""",
            """<SequencePoint vc="1" sl="3" el="3" fileid="1" /><BranchPoint vc="5" sl="3" offset="10" path="0" fileid="1" />"""));

        Assert.Equal(new LineHits(2, 1, 2), data.Files["a.cs"].Lines[3]);
    }

    [Fact]
    public void A_sequence_point_without_fileid_belongs_to_its_methods_file()
    {
        var data = Read(OpenCover("""<SequencePoint vc="1" sl="3" el="3" />"""));

        Assert.Equal((1, 1), data.LineTotals());
    }

    [Fact]
    public void Skipped_modules_classes_and_methods_add_nothing()
    {
        var data = Read("""
            <CoverageSession><Modules>
              <Module skippedDueTo="Filter"><Files><File uid="1" fullPath="/r/skipped.cs" /></Files>
                <Classes><Class><Methods><Method><SequencePoints><SequencePoint vc="1" sl="1" el="1" fileid="1" /></SequencePoints></Method></Methods></Class></Classes></Module>
              <Module><Files><File uid="1" fullPath="/r/a.cs" /></Files><Classes>
                <Class skippedDueTo="Attribute"><Methods><Method><SequencePoints><SequencePoint vc="1" sl="1" el="1" fileid="1" /></SequencePoints></Method></Methods></Class>
                <Class><Methods>
                  <Method skippedDueTo="Attribute"><SequencePoints><SequencePoint vc="1" sl="2" el="2" fileid="1" /></SequencePoints></Method>
                  <Method><SequencePoints><SequencePoint vc="0" sl="3" el="3" fileid="1" /></SequencePoints></Method>
                </Methods></Class>
              </Classes></Module>
            </Modules></CoverageSession>
            """);

        Assert.Equal(new[] { "a.cs" }, data.Files.Keys);
        Assert.Equal(new[] { 3 }, data.Files["a.cs"].Lines.Keys);
    }

    [Fact]
    public void File_uids_belong_to_their_module()
    {
        var data = Read("""
            <CoverageSession><Modules>
              <Module><Files><File uid="1" fullPath="/r/a.cs" /></Files><Classes><Class><Methods><Method><SequencePoints><SequencePoint vc="1" sl="1" el="1" fileid="1" /></SequencePoints></Method></Methods></Class></Classes></Module>
              <Module><Files><File uid="1" fullPath="/r/b.cs" /></Files><Classes><Class><Methods><Method><SequencePoints><SequencePoint vc="0" sl="1" el="1" fileid="1" /></SequencePoints></Method></Methods></Class></Classes></Module>
            </Modules></CoverageSession>
            """);

        Assert.Equal((1, 1), (data.Files["a.cs"].CoveredLines, data.Files["a.cs"].ValidLines));
        Assert.Equal((0, 1), (data.Files["b.cs"].CoveredLines, data.Files["b.cs"].ValidLines));
    }

    private static string OpenCover(params string[] methods) =>
        "<CoverageSession><Modules><Module><Files><File uid=\"1\" fullPath=\"/r/a.cs\" /></Files><Classes><Class><Methods>"
        + string.Concat(methods.Select(m => $"<Method><FileRef uid=\"1\" /><SequencePoints /><BranchPoints />{m}</Method>"))
        + "</Methods></Class></Classes></Module></Modules></CoverageSession>";

    private CoverageData Read(string content) => CoverageReader.Read(Write("report.xml", content), new PathMapper("/r"));

    private string Write(string name, string content)
    {
        var path = System.IO.Path.Combine(_folder.Path, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }
}
