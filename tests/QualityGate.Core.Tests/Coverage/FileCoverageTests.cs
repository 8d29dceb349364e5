using System;
using System.Linq;
using QualityGate.Coverage;
using Xunit;

namespace QualityGate.Tests.Coverage;

public class FileCoverageTests
{
    [Fact]
    public void Lines_enumerate_in_line_order_whatever_order_they_were_added_in()
    {
        var file = new FileCoverage("a.cs");
        foreach (var line in new[] { 30, 2, 17, 5000, 1 })
        {
            file.Add(line, new LineHits(line % 2, 0, 0));
        }

        Assert.Equal(new[] { 1, 2, 17, 30, 5000 }, file.Lines.Keys);
        Assert.Equal((5, 2), (file.ValidLines, file.CoveredLines));
        Assert.False(file.Lines.ContainsKey(3));
        Assert.Throws<System.Collections.Generic.KeyNotFoundException>(() => file.Lines[3]);
    }

    [Fact]
    public void A_far_away_line_number_is_kept_without_allocating_the_gap()
    {
        var file = new FileCoverage("a.cs");
        file.Add(3, new LineHits(1, 0, 0));
        file.Add(2_000_000_000, new LineHits(0, 1, 2));
        file.Add(4, new LineHits(1, 0, 0));
        file.Add(3, new LineHits(2, 0, 0));

        Assert.Equal(new[] { 3, 4, 2_000_000_000 }, file.Lines.Keys);
        Assert.Equal(new LineHits(3, 0, 0), file.Lines[3]);
        Assert.Equal((3, 2, 1, 2), (file.ValidLines, file.CoveredLines, file.CoveredBranches, file.ValidBranches));
    }

    [Fact]
    public void A_line_that_gets_covered_later_moves_from_uncovered_to_covered()
    {
        var file = new FileCoverage("a.cs");
        file.Add(1, new LineHits(0, 0, 2));
        Assert.Equal((1, 0), (file.ValidLines, file.CoveredLines));

        file.Add(1, new LineHits(4, 1, 2));

        Assert.Equal((1, 1, 1, 2), (file.ValidLines, file.CoveredLines, file.CoveredBranches, file.ValidBranches));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Line_numbers_start_at_one(int line)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FileCoverage("a.cs").Add(line, new LineHits(1, 0, 0)));
    }

    [Fact]
    public void Values_follow_the_keys()
    {
        var file = new FileCoverage("a.cs");
        file.Add(2, new LineHits(5, 0, 0));
        file.Add(1, new LineHits(7, 0, 0));

        Assert.Equal(new long[] { 7, 5 }, file.Lines.Values.Select(v => v.Hits));
    }
}
