using System;
using System.Linq;
using QualityGate.Baseline;
using QualityGate.Coverage;
using QualityGate.Policy;
using QualityGate.Reports;
using static QualityGate.Tests.Policy.GateFixture;

namespace QualityGate.Tests.Reports;

/// <summary>A large repository's report: files spread over six layers, each with runs of uncovered lines, and a baseline.</summary>
internal static class Large
{
    private static readonly string[] Layers = ["api", "services", "domain", "data", "workers", "web"];

    public static GateReport Report(int files, int seed = 7)
    {
        var random = new Random(seed);
        var coverage = new CoverageData();
        var baseline = new BaselineData();
        for (var i = 0; i < files; i++)
        {
            var file = coverage.GetOrAddFile($"src/{Layers[i % Layers.Length]}/Module{i / 50:D3}/File{i:D4}.cs");
            var last = random.Next(40, 240);
            var uncoveredFrom = random.Next(1, last);
            var uncoveredTo = Math.Min(last, uncoveredFrom + random.Next(0, 60));
            for (var line = 1; line <= last; line++)
            {
                if (line % 7 == 0)
                {
                    continue; // blank lines and braces
                }

                var off = line >= uncoveredFrom && line <= uncoveredTo;
                file.Add(line, new LineHits(off ? 0 : 1, off || line % 5 != 0 ? 0 : 1, line % 5 == 0 ? 2 : 0));
            }

            baseline.Files[file.Path] = new Measured(new Ratio(Math.Max(0, file.CoveredLines - random.Next(0, 10)), file.ValidLines), new Ratio(0, 0));
        }

        var config = MakeConfig("{ \"layers\": { " + string.Join(", ", Layers.Select(l => $"\"{l}\": {{ \"include\": [\"src/{l}/**/*.cs\"] }}")) + " }, " +
                                "\"phases\": [ { \"name\": \"1\", \"total\": { \"line\": 90 }, \"layers\": { \"services\": { \"line\": 95 } } } ] }");
        return GateEvaluator.Evaluate(new GateInput(config, [MakeRun("Big.UnitTests", 10)]) { Coverage = coverage, Baseline = baseline });
    }
}
