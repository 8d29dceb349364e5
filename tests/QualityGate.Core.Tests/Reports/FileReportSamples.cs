using System.Collections.Generic;
using System.Linq;
using QualityGate.Baseline;
using QualityGate.Coverage;
using QualityGate.Patch;
using QualityGate.Policy;
using QualityGate.Reports;
using QualityGate.Results;
using static QualityGate.Tests.Policy.GateFixture;

namespace QualityGate.Tests.Reports;

/// <summary>
/// A shop's coverage as it looks half-way through a plan: services close to their target, a worker far from it, a
/// legacy file nobody tests, a baseline from last month, a pull request that changed a few lines. Its phase misses a
/// target of every kind that has a plan: a layer's lines and branches, the total, a test layer, the per-file minimum,
/// the uncovered-lines cap and the patch.
/// </summary>
internal static class FileReportSamples
{
    public const string Config = """
        {
          "layers": {
            "services": { "include": ["src/Shop/Services/**/*.cs"] },
            "workers": { "include": ["src/Shop/Workers/**/*.cs"] },
            "legacy": { "include": ["src/Shop/Legacy/**/*.cs"] }
          },
          "testLayers": { "unit": { "projects": ["*.UnitTests"] } },
          "phases": [
            { "name": "3", "total": { "line": 75 }, "patch": { "line": 80 },
              "layers": { "services": { "line": 90, "fileMinimum": 60 }, "workers": { "line": 50, "branch": 60, "maxUncoveredLines": 25 } },
              "testLayers": { "unit": { "line": 70 } } }
          ]
        }
        """;

    /// <summary>Path, last line, uncovered lines, partly covered lines, lines that are not coverable (blank, braces).</summary>
    private static readonly (string Path, int Last, string Uncovered, string Partial, string Blank)[] Files =
    [
        ("src/Shop/Services/PriceService.cs", 80, "40-59,73", "12,30", "4,5,45,52,66"),
        ("src/Shop/Services/OrderService.cs", 60, "20-31", "8", "1,2,3,25"),
        ("src/Shop/Services/TaxTable.cs", 30, "", "", "1,2"),
        ("src/Shop/Services/Discounts.cs", 24, "5-9", "", "1"),
        ("src/Shop/Services/CartService.cs", 30, "3-20", "24", ""),
        ("src/Shop/Workers/InvoiceWorker.cs", 50, "10-35,44", "5,40", "12,20"),
        ("src/Shop/Workers/EmailWorker.cs", 20, "15-19", "3", ""),
        ("src/Shop/Legacy/CsvExporter.cs", 100, "7-100", "", ""),
        ("src/Shop/Program.cs", 12, "10-12", "", "1"),
    ];

    /// <summary>The baseline's covered lines per file (valid lines as now); Discounts.cs is new since.</summary>
    private static readonly Dictionary<string, int> CoveredBefore = new()
    {
        ["src/Shop/Services/PriceService.cs"] = 40,
        ["src/Shop/Services/OrderService.cs"] = 44,
        ["src/Shop/Services/TaxTable.cs"] = 28,
        ["src/Shop/Services/CartService.cs"] = 12,
        ["src/Shop/Workers/InvoiceWorker.cs"] = 16,
        ["src/Shop/Workers/EmailWorker.cs"] = 16,
        ["src/Shop/Legacy/CsvExporter.cs"] = 6,
        ["src/Shop/Program.cs"] = 8,
    };

    public const string Diff = """
        diff --git a/src/Shop/Services/PriceService.cs b/src/Shop/Services/PriceService.cs
        --- a/src/Shop/Services/PriceService.cs
        +++ b/src/Shop/Services/PriceService.cs
        @@ -38,0 +38,6 @@
        +a
        +b
        +c
        +d
        +e
        +f
        diff --git a/src/Shop/Workers/EmailWorker.cs b/src/Shop/Workers/EmailWorker.cs
        --- a/src/Shop/Workers/EmailWorker.cs
        +++ b/src/Shop/Workers/EmailWorker.cs
        @@ -14,0 +14,3 @@
        +x
        +y
        +z

        """;

    public static CoverageData Coverage()
    {
        var data = new CoverageData();
        foreach (var (path, last, uncovered, partial, blank) in Files)
        {
            var file = data.GetOrAddFile(path);
            var (off, half, none) = (Lines(uncovered), Lines(partial), Lines(blank));
            for (var line = 1; line <= last; line++)
            {
                if (none.Contains(line))
                {
                    continue;
                }

                file.Add(line, off.Contains(line) ? new LineHits(0, 0, line % 3 == 0 ? 2 : 0)
                    : half.Contains(line) ? new LineHits(4, 1, 2)
                    : new LineHits(4, line % 3 == 0 ? 2 : 0, line % 3 == 0 ? 2 : 0));
            }
        }

        return data;
    }

    /// <summary>The unit tests alone cover the services, not the workers or the legacy code.</summary>
    public static CoverageData UnitCoverage()
    {
        var all = Coverage();
        var unit = new CoverageData();
        foreach (var file in all.Files.Values.Where(f => f.Path.Contains("/Services/", System.StringComparison.Ordinal)))
        {
            var copy = unit.GetOrAddFile(file.Path);
            foreach (var line in file.Lines)
            {
                copy.Add(line.Key, line.Value);
            }
        }

        foreach (var file in all.Files.Values.Where(f => !f.Path.Contains("/Services/", System.StringComparison.Ordinal)))
        {
            var copy = unit.GetOrAddFile(file.Path);
            foreach (var line in file.Lines)
            {
                copy.Add(line.Key, new LineHits(0, 0, line.Value.BranchesValid));
            }
        }

        return unit;
    }

    public static BaselineData Baseline(params string[] assemblies)
    {
        var current = Coverage();
        var baseline = new BaselineData();
        baseline.Assemblies.UnionWith(assemblies);
        foreach (var pair in CoveredBefore)
        {
            var file = current.Files[pair.Key];
            baseline.Files[pair.Key] = new Measured(new Ratio(pair.Value, file.ValidLines), new Ratio(file.CoveredBranches, file.ValidBranches));
        }

        return baseline;
    }

    /// <param name="baselineAssemblies">The test assemblies the baseline was recorded from; more than this run's makes it a project's slice.</param>
    public static GateReport Report(bool withBaseline = true, params string[] baselineAssemblies)
    {
        var config = MakeConfig(Config);
        var coverage = Coverage();
        RecordedRun[] runs = [MakeRun("Shop.UnitTests", 40)];
        return GateEvaluator.Evaluate(new GateInput(config, runs)
        {
            Coverage = coverage,
            CoverageByTestLayer = new Dictionary<string, CoverageData> { ["unit"] = UnitCoverage() },
            Baseline = withBaseline ? Baseline(baselineAssemblies) : null,
            Patch = PatchCoverage.Compute(UnifiedDiff.Parse(Diff), coverage, p => p),
        });
    }

    private static HashSet<int> Lines(string spec) => spec.Length == 0
        ? []
        : spec.Split(',').SelectMany(part => part.Split('-') is [var from, var to]
            ? Enumerable.Range(int.Parse(from), int.Parse(to) - int.Parse(from) + 1)
            : [int.Parse(part)]).ToHashSet();
}
