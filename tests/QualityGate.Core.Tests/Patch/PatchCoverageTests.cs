using System.Linq;
using QualityGate.Coverage;
using QualityGate.Diagnostics;
using QualityGate.Patch;
using QualityGate.Policy;
using Xunit;
using static QualityGate.Tests.Policy.GateFixture;

namespace QualityGate.Tests.Patch;

public class PatchCoverageTests
{
    // What 'git diff --unified=0 --find-renames' prints for: an edit and an addition in one file, a renamed file with a
    // change, a new file, a deleted file, a changed file the tests never built, and a change to a non-code file.
    private const string Diff = """
        diff --git a/src/App/Services/PriceService.cs b/src/App/Services/PriceService.cs
        index 1111111..2222222 100644
        --- a/src/App/Services/PriceService.cs
        +++ b/src/App/Services/PriceService.cs
        @@ -3 +3 @@ namespace App.Services;
        -old
        +new
        @@ -20,0 +21,4 @@ public class PriceService
        +a
        +b
        +c
        +d
        diff --git a/src/App/Workers/Old.cs b/src/App/Workers/Report.cs
        similarity index 91%
        rename from src/App/Workers/Old.cs
        rename to src/App/Workers/Report.cs
        --- a/src/App/Workers/Old.cs
        +++ b/src/App/Workers/Report.cs
        @@ -8,2 +8,2 @@ class Report
        -x
        -y
        +x2
        +y2
        diff --git a/src/App/Gone.cs b/src/App/Gone.cs
        deleted file mode 100644
        --- a/src/App/Gone.cs
        +++ /dev/null
        @@ -1,3 +0,0 @@
        -a
        -b
        -c
        diff --git a/src/Tools/NotBuilt.cs b/src/Tools/NotBuilt.cs
        --- a/src/Tools/NotBuilt.cs
        +++ b/src/Tools/NotBuilt.cs
        @@ -1 +1,2 @@
        -a
        +b
        +c
        diff --git a/src/App/Moved.cs b/src/App/Here.cs
        similarity index 100%
        rename from src/App/Moved.cs
        rename to src/App/Here.cs
        diff --git a/README.md b/README.md
        --- a/README.md
        +++ b/README.md
        @@ -1 +1 @@
        -a
        +b
        """;

    [Fact]
    public void The_diff_gives_the_new_line_numbers_of_each_changed_file()
    {
        var changes = UnifiedDiff.Parse(Diff);

        Assert.Equal(["src/App/Services/PriceService.cs", "src/App/Workers/Report.cs", "src/Tools/NotBuilt.cs", "src/App/Here.cs", "README.md"], changes.Select(c => c.Path));
        Assert.Equal([3, 21, 22, 23, 24], changes[0].Lines);
        Assert.Equal("src/App/Workers/Old.cs", changes[1].RenamedFrom);
        Assert.Equal([8, 9], changes[1].Lines);
    }

    [Fact]
    public void Only_coverable_changed_lines_count_and_uncovered_ones_are_listed_as_ranges()
    {
        var coverage = new CoverageData();
        var price = coverage.GetOrAddFile("src/App/Services/PriceService.cs");
        price.Add(3, new LineHits(1, 0, 0));
        foreach (var line in new[] { 21, 22, 24 })
        {
            price.Add(line, new LineHits(0, 0, 0)); // 23 is a blank line: not coverable
        }

        var report = coverage.GetOrAddFile("src/App/Workers/Report.cs");
        report.Add(8, new LineHits(2, 0, 0));
        report.Add(9, new LineHits(0, 0, 0));

        var result = PatchCoverage.Compute(UnifiedDiff.Parse(Diff), coverage, p => p);

        Assert.Equal((2, 6), (result.Lines.Covered, result.Lines.Valid));
        Assert.Equal(["src/App/Services/PriceService.cs:21-22", "src/App/Services/PriceService.cs:24", "src/App/Workers/Report.cs:9"], result.Uncovered.Select(r => r.ToString()));
        Assert.Equal(["src/Tools/NotBuilt.cs"], result.NotInCoverage);
        Assert.Equal(["src/App/Moved.cs → src/App/Here.cs", "src/App/Workers/Old.cs → src/App/Workers/Report.cs"], result.Renamed);
    }

    [Fact]
    public void A_change_without_coverable_lines_passes_and_says_so_never_as_a_silent_full_score()
    {
        var result = PatchCoverage.Compute(UnifiedDiff.Parse(Diff), MakeCoverage(("src/Other.cs", 1, 1)), p => p);
        var report = GateEvaluator.Evaluate(new GateInput(MakeConfig(Json.Replace("\"passRate\": 90,", "\"passRate\": 90, \"patch\": { \"line\": 80 },")), [MakeRun("App.UnitTests", 5)])
        {
            Coverage = MakeCoverage(("src/App/Services/A.cs", 9, 10), ("src/App/Workers/B.cs", 9, 10)),
            Patch = result,
        });

        Assert.True(result.NoCoverableLines);
        Assert.Null(result.Lines.Rate);
        Assert.DoesNotContain(report.Violations, v => v.Code == DiagnosticCode.PatchCoverageBelowTarget);
    }

    [Fact]
    public void Patch_coverage_below_the_phase_target_is_a_violation_naming_the_uncovered_ranges()
    {
        var coverage = MakeCoverage(("src/App/Services/PriceService.cs", 3, 30), ("src/App/Workers/B.cs", 9, 10));
        var report = GateEvaluator.Evaluate(new GateInput(MakeConfig(Json.Replace("\"passRate\": 90,", "\"passRate\": 90, \"patch\": { \"line\": 80 },")), [MakeRun("App.UnitTests", 5)])
        {
            Coverage = coverage,
            Patch = PatchCoverage.Compute(UnifiedDiff.Parse(Diff), coverage, p => p),
        });

        var violation = Assert.Single(report.Violations, v => v.Code == DiagnosticCode.PatchCoverageBelowTarget);
        Assert.Equal("changed lines: 1 of 5 covered (20.0 %) < 80.0 % required by 2A (gap 60.0 pp). Uncovered: src/App/Services/PriceService.cs:21-24. To close it, cover 3 more changed lines: PriceService.cs 21–24 (3).", violation.Message);
        Assert.Equal(("src/App/Services/PriceService.cs", 21), (violation.File, violation.Line));
    }
}
