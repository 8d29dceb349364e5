using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using QualityGate.Coverage;

namespace QualityGate.Tests.Coverage;

/// <summary>
/// The reports tests/fixtures/capture-coverage.sh captured from Coverage.Sample.Tests, and a second, deliberately
/// simple way to count them (LINQ to XML over the whole document, class and method lines alike) to check the
/// streaming reader against.
/// </summary>
internal static class CoverageTestData
{
    public const string OrderService = "tests/fixtures/Coverage.Sample/OrderService.cs";
    public const string Shapes = "tests/fixtures/Coverage.Sample/Shapes.cs";
    public const string Untested = "tests/fixtures/Coverage.Sample/Untested.cs";

    public static readonly string[] SampleFiles = [OrderService, Shapes, Untested];

    public static string DataFile(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Coverage", "Data", name);

    /// <summary>The repository root the captured reports' absolute paths start with.</summary>
    public static string CaptureRoot { get; } = File.ReadAllText(DataFile("capture-root.txt")).Trim();

    public static CoverageData Read(string name) => CoverageReader.Read(DataFile(name), new PathMapper(CaptureRoot));

    /// <summary>Per repository-relative file: distinct lines, covered lines, and branches (max per line).</summary>
    public static Dictionary<string, Counts> CountCobertura(string name, Func<string, string> toRepoPath)
    {
        var root = XDocument.Load(DataFile(name)).Root!;
        var source = root.Descendants("source").Select(s => s.Value.Trim()).FirstOrDefault(s => s.Length > 0);
        var lines = new Dictionary<string, Dictionary<int, (bool Covered, int BranchCovered, int BranchValid)>>();
        foreach (var cls in root.Descendants("class"))
        {
            var filename = (string)cls.Attribute("filename")!;
            var file = toRepoPath(source is null || filename.StartsWith('/') ? filename : source.TrimEnd('/') + "/" + filename);
            var perLine = lines.TryGetValue(file, out var known) ? known : lines[file] = new();
            foreach (var line in cls.Descendants("line"))
            {
                var number = (int)line.Attribute("number")!;
                var covered = (long)line.Attribute("hits")! > 0;
                var (bc, bv) = Branches((string?)line.Attribute("condition-coverage"));
                var old = perLine.TryGetValue(number, out var o) ? o : (false, 0, 0);
                perLine[number] = (old.Item1 || covered, Math.Max(old.Item2, bc), Math.Max(old.Item3, bv));
            }
        }

        return lines.ToDictionary(
            f => f.Key,
            f => new Counts(f.Value.Count, f.Value.Values.Count(v => v.Covered), f.Value.Values.Sum(v => v.BranchCovered), f.Value.Values.Sum(v => v.BranchValid)));
    }

    public static Dictionary<string, Counts> CountOpenCover(string name, Func<string, string> toRepoPath)
    {
        var root = XDocument.Load(DataFile(name)).Root!;
        var result = new Dictionary<string, Counts>();
        foreach (var module in root.Descendants("Module").Where(m => m.Attribute("skippedDueTo") is null))
        {
            var files = module.Descendants("File").ToDictionary(f => (string)f.Attribute("uid")!, f => toRepoPath((string)f.Attribute("fullPath")!));
            foreach (var group in module.Descendants("SequencePoint").GroupBy(p => files[(string)p.Attribute("fileid")!]))
            {
                var lines = group
                    .SelectMany(p => Enumerable.Range((int)p.Attribute("sl")!, (int)p.Attribute("el")! - (int)p.Attribute("sl")! + 1)
                        .Select(l => (Line: l, Covered: (long)p.Attribute("vc")! > 0)))
                    .GroupBy(x => x.Line)
                    .ToDictionary(g => g.Key, g => g.Any(x => x.Covered));
                var branches = module.Descendants("BranchPoint")
                    .Where(b => files[(string)b.Attribute("fileid")!] == group.Key)
                    .GroupBy(b => ((string)b.Attribute("sl")!, (string)b.Attribute("offset")!, (string)b.Attribute("path")!))
                    .Select(g => g.Any(b => (long)b.Attribute("vc")! > 0))
                    .ToList();
                result[group.Key] = new Counts(lines.Count, lines.Values.Count(c => c), branches.Count(c => c), branches.Count);
            }
        }

        return result;
    }

    public static Dictionary<string, Counts> CountsOf(CoverageData data) =>
        data.Files.ToDictionary(f => f.Key, f => new Counts(f.Value.ValidLines, f.Value.CoveredLines, f.Value.CoveredBranches, f.Value.ValidBranches));

    /// <summary>An absolute path of the capture machine, relative to the repository.</summary>
    public static string FromCaptureRoot(string absolute) =>
        absolute.StartsWith(CaptureRoot + "/", StringComparison.Ordinal) ? absolute.Substring(CaptureRoot.Length + 1) : absolute;

    private static (int Covered, int Valid) Branches(string? conditionCoverage)
    {
        if (conditionCoverage is null)
        {
            return (0, 0);
        }

        var inner = conditionCoverage.Split('(', ')')[1].Split('/');
        return (int.Parse(inner[0]), int.Parse(inner[1]));
    }

    internal sealed record Counts(int ValidLines, int CoveredLines, int CoveredBranches, int ValidBranches);
}
