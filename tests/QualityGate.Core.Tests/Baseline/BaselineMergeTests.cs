using System.Diagnostics;
using System.IO;
using QualityGate.Baseline;
using QualityGate.Diagnostics;
using QualityGate.Reports;
using Xunit;

namespace QualityGate.Tests.Baseline;

/// <summary>
/// Two branches that both updated the baseline: git's three-way merge (git merge-file, what 'git merge' does per
/// file) gives a valid baseline when they touched different entries, and a clear conflict when they touched the same.
/// </summary>
public class BaselineMergeTests
{
    private static BaselineData Make(int aCovered, int zCovered, params string[] failing)
    {
        var baseline = new BaselineData { Phase = "2A" };
        baseline.Assemblies.Add("App.Tests");
        foreach (var (file, covered) in new[] { ("src/a.cs", aCovered), ("src/m.cs", 5), ("src/q.cs", 6), ("src/z.cs", zCovered) })
        {
            baseline.Files[file] = new Measured(new Ratio(covered, 10), new Ratio(0, 0));
        }

        foreach (var test in failing)
        {
            baseline.KnownFailures[test] = new KnownFailure(test, "binding", "2026-11-01");
        }

        return baseline;
    }

    [Fact]
    public void Updates_of_different_entries_merge_into_a_valid_baseline()
    {
        var merged = Merge(
            Make(5, 5, "T.A", "T.M", "T.Z"),
            ours: Make(8, 5, "T.M", "T.Z"),    // a.cs covered better, T.A fixed
            theirs: Make(5, 9, "T.A", "T.M")); // z.cs covered better, T.Z fixed

        var baseline = merged.Read();

        Assert.Equal((8, 9), (baseline.Files["src/a.cs"].Lines.Covered, baseline.Files["src/z.cs"].Lines.Covered));
        Assert.Equal(["T.M"], baseline.KnownFailures.Keys);
    }

    [Fact]
    public void Updates_of_the_same_entry_give_a_clear_conflict_that_the_gate_refuses()
    {
        var merged = Merge(Make(5, 5), ours: Make(7, 5), theirs: Make(8, 5));

        Assert.NotEqual(0, merged.ExitCode);
        var error = Assert.Throws<QualityGateException>(merged.Read);
        Assert.Equal(DiagnosticCode.BaselineUnreadable, error.Code);
        Assert.Contains("merge conflict markers", error.Message);
    }

    private static MergeResult Merge(BaselineData based, BaselineData ours, BaselineData theirs)
    {
        var temp = new TempFolder();
        string Write(string name, BaselineData data)
        {
            var path = Path.Combine(temp.Path, name);
            File.WriteAllText(path, BaselineFile.Format(data));
            return path;
        }

        var mine = Write("ours.json", ours);
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "merge-file", mine, Write("base.json", based), Write("theirs.json", theirs) })
        {
            start.ArgumentList.Add(argument);
        }

        using var git = Process.Start(start)!;
        git.WaitForExit();
        return new MergeResult(mine, git.ExitCode);
    }

    private sealed record MergeResult(string Path, int ExitCode)
    {
        public BaselineData Read() => BaselineFile.Read(Path);
    }
}
