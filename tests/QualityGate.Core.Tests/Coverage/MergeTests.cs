using System.Linq;
using QualityGate.Coverage;
using Xunit;
using static QualityGate.Tests.Coverage.CoverageTestData;

namespace QualityGate.Tests.Coverage;

public class MergeTests
{
    [Fact]
    public void Two_partial_runs_merge_to_the_coverage_of_the_full_run()
    {
        // The same tests split in two runs (--filter ShapeTests, --filter OrderServiceTests), captured separately.
        var shapes = Read("coverlet-collector.shapes.cobertura.xml");
        var orders = Read("coverlet-collector.orders.cobertura.xml");
        var full = Read("coverlet-collector.cobertura.xml");

        shapes.Merge(orders);

        Assert.Equal(full.LineTotals(), shapes.LineTotals());
        foreach (var path in SampleFiles)
        {
            Assert.Equal(
                full.Files[path].Lines.Select(l => (l.Key, l.Value.IsCovered)).OrderBy(l => l.Key),
                shapes.Files[path].Lines.Select(l => (l.Key, l.Value.IsCovered)).OrderBy(l => l.Key));
        }

        Assert.Equal(2, shapes.Sources.Count);
    }

    [Fact]
    public void Merged_totals_are_counted_from_the_lines_not_averaged_from_the_rates()
    {
        var shapes = Read("coverlet-collector.shapes.cobertura.xml");
        var orders = Read("coverlet-collector.orders.cobertura.xml");
        Assert.Equal((12, 70), shapes.LineTotals()); // 17%
        Assert.Equal((39, 70), orders.LineTotals()); // 56%

        shapes.Merge(orders);

        Assert.Equal((51, 70), shapes.LineTotals()); // 73%, not the 36% an average of the two rates would give
    }

    [Fact]
    public void A_line_covered_in_only_one_report_is_covered_and_its_hits_add_up()
    {
        var first = Data("a.cs", (1, new LineHits(0, 0, 0)), (2, new LineHits(3, 0, 0)));
        var second = Data("a.cs", (1, new LineHits(2, 0, 0)), (3, new LineHits(0, 0, 0)));

        first.Merge(second);

        var file = first.Files["a.cs"];
        Assert.Equal((2, 3), (file.CoveredLines, file.ValidLines));
        Assert.Equal(new long[] { 2, 3, 0 }, new[] { 1, 2, 3 }.Select(l => file.Lines[l].Hits));
    }

    [Fact]
    public void Branches_of_a_line_merge_to_the_most_any_report_saw_because_cobertura_does_not_name_them()
    {
        var first = Data("a.cs", (1, new LineHits(1, 1, 2)));
        var second = Data("a.cs", (1, new LineHits(1, 1, 2)), (2, new LineHits(1, 3, 4)));

        first.Merge(second);

        Assert.Equal((4, 6), first.BranchTotals());
        Assert.Equal(new LineHits(2, 1, 2), first.Files["a.cs"].Lines[1]);
    }

    [Fact]
    public void Files_only_in_the_other_report_are_added()
    {
        var first = Data("a.cs", (1, new LineHits(1, 0, 0)));
        var second = Data("b.cs", (1, new LineHits(0, 0, 0)));

        first.Merge(second);

        Assert.Equal(new[] { "a.cs", "b.cs" }, first.Files.Keys.OrderBy(k => k));
        Assert.Equal((1, 2), first.LineTotals());
    }

    [Fact]
    public void Merging_a_report_into_itself_keeps_its_lines_and_coverage()
    {
        var data = Read("coverlet-collector.cobertura.xml");
        var before = data.LineTotals();

        data.Merge(data);

        Assert.Equal(before, data.LineTotals());
        Assert.Single(data.Sources);
    }

    [Fact]
    public void An_opencover_and_a_cobertura_report_of_one_run_merge_without_new_lines()
    {
        var data = Read("coverlet-msbuild.opencover.xml");
        var microsoft = Read("mscodecoverage.cobertura.xml");
        var testLines = microsoft.Files["tests/fixtures/Coverage.Sample.Tests/OrderServiceTests.cs"].ValidLines;

        data.Merge(microsoft);

        Assert.Equal((51 + testLines, 70 + testLines), data.LineTotals()); // only the test assembly's lines are new
    }

    private static CoverageData Data(string path, params (int Line, LineHits Hits)[] lines)
    {
        var data = new CoverageData();
        var file = data.GetOrAddFile(path);
        foreach (var (line, hits) in lines)
        {
            file.Add(line, hits);
        }

        return data;
    }
}
