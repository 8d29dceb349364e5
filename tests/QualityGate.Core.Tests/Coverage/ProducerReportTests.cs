using System.IO;
using System.Linq;
using QualityGate.Coverage;
using Xunit;
using static QualityGate.Tests.Coverage.CoverageTestData;

namespace QualityGate.Tests.Coverage;

/// <summary>The reports of real producers, read by the streaming reader and counted a second, independent way.</summary>
public class ProducerReportTests
{
    [Theory]
    [InlineData("coverlet-msbuild.cobertura.xml")]
    [InlineData("coverlet-collector.cobertura.xml")]
    [InlineData("coverlet-collector.shapes.cobertura.xml")]
    [InlineData("coverlet-collector.orders.cobertura.xml")]
    [InlineData("mscodecoverage.cobertura.xml")]
    [InlineData("reportgenerator.cobertura.xml")]
    public void Each_file_of_a_cobertura_report_counts_the_lines_an_independent_count_finds(string report)
    {
        var expected = CountCobertura(report, FromCaptureRoot);

        var actual = CountsOf(Read(report));

        Assert.Equal(expected.OrderBy(f => f.Key), actual.OrderBy(f => f.Key));
    }

    [Fact]
    public void Each_file_of_an_opencover_report_counts_the_lines_and_branches_an_independent_count_finds()
    {
        var expected = CountOpenCover("coverlet-msbuild.opencover.xml", FromCaptureRoot);

        var actual = CountsOf(Read("coverlet-msbuild.opencover.xml"));

        Assert.Equal(expected.OrderBy(f => f.Key), actual.OrderBy(f => f.Key));
    }

    [Fact]
    public void The_sample_has_the_line_counts_checked_by_hand()
    {
        // OrderService.cs: 46 coverable lines, the 7 not run are PriceOf's throw (18), Classify's plain-wholesale
        // branch (33-35 less the condition: 34, 35) and NeverCalledAsync (68-71). Shapes.cs: Square.Perimeter (28-30).
        var data = Read("coverlet-collector.cobertura.xml");

        Assert.Equal((46, 39), (data.Files[OrderService].ValidLines, data.Files[OrderService].CoveredLines));
        Assert.Equal((15, 12), (data.Files[Shapes].ValidLines, data.Files[Shapes].CoveredLines));
        Assert.Equal((9, 0), (data.Files[Untested].ValidLines, data.Files[Untested].CoveredLines));
        Assert.Equal(new[] { 18, 34, 35, 68, 69, 70, 71 }, data.Files[OrderService].Lines.Where(l => !l.Value.IsCovered).Select(l => l.Key).OrderBy(l => l));
        Assert.Equal((51, 70), data.LineTotals());
    }

    [Fact]
    public void Two_classes_in_one_file_make_one_file_with_the_lines_of_both()
    {
        // Circle (lines 6-13) and Square (18-30) are two <class> elements with filename Shapes.cs.
        var data = Read("coverlet-msbuild.cobertura.xml");

        var shapes = data.Files[Shapes];
        Assert.Equal(new[] { 6, 7, 8, 9, 11, 13, 18, 19, 20, 21, 23, 25, 28, 29, 30 }, shapes.Lines.Keys.OrderBy(l => l));
        Assert.Single(data.Files.Keys, k => k.EndsWith("Shapes.cs", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_line_listed_by_a_method_and_its_closure_class_is_counted_once()
    {
        // Microsoft.CodeCoverage lists line 65 (CountCheaperThan and its lambda) under OrderService and under
        // OrderService.<>c__DisplayClass5_0; every class also lists its lines twice (methods and class).
        var text = File.ReadAllText(DataFile("mscodecoverage.cobertura.xml"));
        Assert.Equal(4, text.Split("<line number=\"65\"").Length - 1);

        var file = Read("mscodecoverage.cobertura.xml").Files[OrderService];

        Assert.Equal(46, file.ValidLines);
        Assert.Equal(2, file.Lines[65].Hits); // one hit from each class: the union adds them, the line counts once
    }

    [Fact]
    public void State_machine_classes_add_their_lines_to_the_file_once()
    {
        // TotalAsync (42-51) and Expensive (54-62) are compiled into <TotalAsync>d__3 and <Expensive>d__4.
        var file = Read("coverlet-collector.cobertura.xml").Files[OrderService];

        Assert.All(new[] { 42, 43, 44, 45, 46, 47, 48, 50, 51, 54, 55, 56, 57, 58, 59, 60, 61, 62 }, l => Assert.True(file.Lines[l].IsCovered));
        Assert.Equal(new LineHits(7, 2, 2), file.Lines[44]); // foreach over two items: the hits coverlet counted, 2 of 2 branches
    }

    [Fact]
    public void The_three_producers_agree_on_the_lines_of_the_same_run()
    {
        var collector = Read("coverlet-collector.cobertura.xml");
        var msbuild = Read("coverlet-msbuild.cobertura.xml");
        var opencover = Read("coverlet-msbuild.opencover.xml");
        var microsoft = Read("mscodecoverage.cobertura.xml");

        foreach (var path in SampleFiles)
        {
            var lines = collector.Files[path].Lines.Select(l => (l.Key, l.Value.IsCovered)).OrderBy(l => l.Key).ToList();
            Assert.Equal(lines, msbuild.Files[path].Lines.Select(l => (l.Key, l.Value.IsCovered)).OrderBy(l => l.Key));
            Assert.Equal(lines, opencover.Files[path].Lines.Select(l => (l.Key, l.Value.IsCovered)).OrderBy(l => l.Key));
            Assert.Equal(lines, microsoft.Files[path].Lines.Select(l => (l.Key, l.Value.IsCovered)).OrderBy(l => l.Key));
        }

        // Microsoft.CodeCoverage also measures the test assembly, which coverlet leaves out by default.
        Assert.Equal(SampleFiles.OrderBy(p => p), collector.Files.Keys.OrderBy(p => p));
        Assert.Equal(SampleFiles.Append("tests/fixtures/Coverage.Sample.Tests/OrderServiceTests.cs").OrderBy(p => p), microsoft.Files.Keys.OrderBy(p => p));
    }

    [Fact]
    public void The_producers_differ_on_branches_in_ways_the_reader_keeps()
    {
        var coverlet = Read("coverlet-collector.cobertura.xml").Files[OrderService];
        var opencover = Read("coverlet-msbuild.opencover.xml").Files[OrderService];
        var microsoft = Read("mscodecoverage.cobertura.xml").Files[OrderService];

        // coverlet writes the same branches as condition-coverage counts and as named OpenCover branch points.
        Assert.Equal(coverlet.Lines.ToDictionary(l => l.Key, l => (l.Value.BranchesCovered, l.Value.BranchesValid)),
            opencover.Lines.ToDictionary(l => l.Key, l => (l.Value.BranchesCovered, l.Value.BranchesValid)));
        Assert.Equal((15, 18), (coverlet.CoveredBranches, coverlet.ValidBranches));

        // coverlet counts the compiler's "is the awaited task already complete?" test of `await Task.Yield()` (46) as
        // a branch; Microsoft.CodeCoverage leaves compiler-generated branches out. Every other branch line agrees.
        Assert.Equal((2, 2), (coverlet.Lines[46].BranchesCovered, coverlet.Lines[46].BranchesValid));
        Assert.Equal((0, 0), (microsoft.Lines[46].BranchesCovered, microsoft.Lines[46].BranchesValid));
        Assert.Equal((13, 16), (microsoft.CoveredBranches, microsoft.ValidBranches));
        Assert.Equal(
            coverlet.Lines.Where(l => l.Key != 46).Select(l => (l.Key, l.Value.BranchesCovered, l.Value.BranchesValid)).OrderBy(l => l.Key),
            microsoft.Lines.Where(l => l.Key != 46).Select(l => (l.Key, l.Value.BranchesCovered, l.Value.BranchesValid)).OrderBy(l => l.Key));
    }

    [Fact]
    public void A_deterministic_build_report_maps_its_slash_underscore_paths_into_the_repository()
    {
        using var repo = new TempFolder();
        foreach (var path in SampleFiles)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(repo.Path, path))!);
            File.WriteAllText(Path.Combine(repo.Path, path), "");
        }

        var data = CoverageReader.Read(DataFile("coverlet-msbuild.deterministic.cobertura.xml"), new PathMapper(repo.Path));

        Assert.Equal(SampleFiles.OrderBy(p => p), data.Files.Keys.OrderBy(p => p));
        Assert.Equal(Read("coverlet-msbuild.cobertura.xml").LineTotals(), data.LineTotals());
    }

    [Fact]
    public void A_report_reader_records_the_report_it_came_from()
    {
        var data = Read("coverlet-collector.cobertura.xml");

        Assert.Equal(new[] { Path.GetFullPath(DataFile("coverlet-collector.cobertura.xml")) }, data.Sources);
    }

    [Theory]
    [InlineData("coverlet-collector.cobertura.xml", CoverageFormat.Cobertura)]
    [InlineData("mscodecoverage.cobertura.xml", CoverageFormat.Cobertura)]
    [InlineData("reportgenerator.cobertura.xml", CoverageFormat.Cobertura)]
    [InlineData("coverlet-msbuild.opencover.xml", CoverageFormat.OpenCover)]
    public void The_format_is_told_by_the_root_element(string report, object format)
    {
        Assert.Equal((CoverageFormat)format, CoverageReader.DetectFormat(DataFile(report)));
    }
}
