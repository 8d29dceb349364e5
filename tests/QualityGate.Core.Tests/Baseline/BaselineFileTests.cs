using System.IO;
using QualityGate.Baseline;
using QualityGate.Diagnostics;
using Xunit;
using static QualityGate.Tests.Policy.GateFixture;

namespace QualityGate.Tests.Baseline;

public class BaselineFileTests
{
    private static BaselineData Sample() => RatchetTests.Record(
        MakeCoverage(("src/App/Workers/W.cs", 3, 4), ("src/App/Services/S.cs", 9, 10), ("src/App/Services/A.cs", 1, 2)),
        MakeRun("App.UnitTests", 5, ("mocking", 1), ("binding", 2)));

    [Fact]
    public void The_file_is_deterministic_sorted_one_entry_per_line_and_matches_its_snapshot()
    {
        var text = BaselineFile.Format(Sample());

        Assert.Equal(text, BaselineFile.Format(Sample()));
        Assert.DoesNotContain("\r", text);
        Assert.EndsWith("}\n", text);
        Assert.True(text.IndexOf("src/App/Services/A.cs", System.StringComparison.Ordinal) < text.IndexOf("src/App/Services/S.cs", System.StringComparison.Ordinal));
        Snapshot.Match(text, "Baseline.sample", "json");
    }

    [Fact]
    public void Writing_then_reading_gives_the_same_file()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "qualitygate.baseline.json");
        BaselineFile.Write(Sample(), path);

        Assert.Equal(File.ReadAllText(path), BaselineFile.Format(BaselineFile.Read(path)));
    }

    [Theory]
    [InlineData("truncated", DiagnosticCode.BaselineUnreadable, "truncated or was broken by hand")]
    [InlineData("conflict", DiagnosticCode.BaselineUnreadable, "merge conflict markers")]
    [InlineData("newer", DiagnosticCode.BaselineForeign, "newer than this QualityGate reads")]
    [InlineData("foreign", DiagnosticCode.BaselineForeign, "not a QualityGate baseline")]
    [InlineData("shape", DiagnosticCode.BaselineUnreadable, "does not have the shape")]
    public void A_broken_baseline_is_a_coded_error_never_a_silent_pass(string kind, string code, string says)
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "qualitygate.baseline.json");
        var good = BaselineFile.Format(Sample());
        File.WriteAllText(path, kind switch
        {
            "truncated" => good[..(good.Length / 2)],
            "conflict" => good.Replace("  \"files\": {", "<<<<<<< HEAD\n  \"files\": {\n=======\n  \"files\": {\n>>>>>>> other"),
            "newer" => good.Replace("qualitygate.baseline/2", "qualitygate.baseline/3"),
            "foreign" => "{ \"coverage\": 1 }",
            _ => "{ \"schema\": \"qualitygate.baseline/1\", \"phase\": null }",
        });

        var error = Assert.Throws<QualityGateException>(() => BaselineFile.Read(path));

        Assert.Equal((code, path), (error.Code, error.File));
        Assert.Contains(says, error.Message);
    }
}
