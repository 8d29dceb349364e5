using System.Linq;
using QualityGate.Coverage;
using QualityGate.Diagnostics;
using QualityGate.Patch;
using Xunit;

namespace QualityGate.Tests.Patch;

/// <summary>Diffs as git writes them for unusual names and settings: decoded or refused, never a changed file left out.</summary>
public class HostileDiffTests
{
    [Fact]
    public void An_octal_quoted_non_ASCII_name_with_a_space_is_decoded()
    {
        const string diff = "diff --git \"a/src/na\\303\\257ve file.cs\" \"b/src/na\\303\\257ve file.cs\"\n" +
                            "--- \"a/src/na\\303\\257ve file.cs\"\t\n+++ \"b/src/na\\303\\257ve file.cs\"\t\n@@ -1,0 +2 @@ x\n+y\n";

        var change = Assert.Single(UnifiedDiff.Parse(diff));

        Assert.Equal("src/naïve file.cs", change.Path);
        Assert.Equal([2], change.Lines);
    }

    [Fact]
    public void A_plain_name_with_a_space_loses_the_tab_git_ends_it_with()
    {
        const string diff = "diff --git a/src/my file.cs b/src/my file.cs\n--- a/src/my file.cs\t\n+++ b/src/my file.cs\t\n@@ -3 +3 @@\n-a\n+b\n";

        Assert.Equal("src/my file.cs", Assert.Single(UnifiedDiff.Parse(diff)).Path);
    }

    [Theory]
    [InlineData("\"b/a\\\"quote\\\\back\\tslash.cs\"", "a\"quote\\back\tslash.cs")]
    [InlineData("\"b/\\346\\227\\245\\346\\234\\254.cs\"", "日本.cs")]
    [InlineData("b/plain.cs", "plain.cs")]
    public void Quoted_names_decode_every_escape_git_writes(string header, string path) =>
        Assert.Equal(path, Assert.Single(UnifiedDiff.Parse($"diff --git x y\n+++ {header}\n@@ -1 +1 @@\n")).Path);

    [Theory]
    [InlineData("+++ w/src/x.cs")] // diff.mnemonicPrefix
    [InlineData("+++ src/x.cs")] // diff.noprefix
    [InlineData("+++ \"b/bad\\q.cs\"")] // an escape git never writes
    [InlineData("+++ \"b/\\377\\376.cs\"")] // not UTF-8
    public void A_header_the_parser_does_not_understand_is_QG3014_not_a_file_left_out(string header)
    {
        var error = Assert.Throws<QualityGateException>(() => UnifiedDiff.Parse($"diff --git a/x b/x\n{header}\n@@ -1 +1 @@\n"));

        Assert.Equal(DiagnosticCode.DiffUnreadable, error.Code);
    }

    [Fact]
    public void A_source_file_marked_binary_by_gitattributes_counts_with_all_its_coverable_lines()
    {
        const string diff = "diff --git a/src/A.cs b/src/A.cs\nindex 1..2 100644\nBinary files a/src/A.cs and b/src/A.cs differ\n" +
                            "diff --git \"a/src/na\\303\\257ve file.cs\" \"b/src/na\\303\\257ve file.cs\"\nBinary files \"a/src/na\\303\\257ve file.cs\" and \"b/src/na\\303\\257ve file.cs\" differ\n" +
                            "diff --git a/logo.png b/logo.png\nBinary files /dev/null and b/logo.png differ\n";
        var coverage = new CoverageData();
        var a = coverage.GetOrAddFile("src/A.cs");
        a.Add(1, new LineHits(1, 0, 0));
        a.Add(2, new LineHits(0, 0, 0));
        coverage.GetOrAddFile("src/naïve file.cs").Add(4, new LineHits(0, 0, 0));

        var changes = UnifiedDiff.Parse(diff);
        var result = PatchCoverage.Compute(changes, coverage, p => p);

        Assert.Equal(["src/A.cs", "src/naïve file.cs", "logo.png"], changes.Select(c => c.Path));
        Assert.All(changes, c => Assert.True(c.WholeFile));
        Assert.Equal((1, 3), (result.Lines.Covered, result.Lines.Valid));
        Assert.Equal(["src/A.cs:2", "src/naïve file.cs:4"], result.Uncovered.Select(r => r.ToString()));
    }
}
