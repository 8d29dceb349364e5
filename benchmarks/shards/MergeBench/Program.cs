using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using QualityGate.Coverage;

// MergeBench <repo-root> <report> [<report> ...]: reads each report and merges it into one CoverageData (a union per
// file, line and branch), exactly as 'dotnet gate check' merges the coverage of CI shards. Prints one JSON line.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: MergeBench <repo-root> <report> [<report> ...]");
    return 2;
}

var clock = Stopwatch.StartNew();
var mapper = new PathMapper(args[0]);
var merged = new CoverageData();
foreach (var report in args.Skip(1))
{
    merged.Merge(CoverageReader.Read(report, mapper));
}

var (covered, valid) = merged.LineTotals();
var (branchesCovered, branchesValid) = merged.BranchTotals();
var megabytes = args.Skip(1).Sum(f => new FileInfo(f).Length) / 1024.0 / 1024.0;
Console.WriteLine(
    $"{{\"reports\":{args.Length - 1},\"inputMB\":{megabytes:0.0},\"files\":{merged.Files.Count},\"lines\":[{covered},{valid}],\"branches\":[{branchesCovered},{branchesValid}],\"seconds\":{clock.Elapsed.TotalSeconds:0.000}}}");
return 0;
