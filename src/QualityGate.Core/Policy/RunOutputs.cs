using System.Collections.Generic;
using QualityGate.Configuration;
using QualityGate.Files;

namespace QualityGate.Policy;

/// <summary>
/// What a gate run writes, checked against what it read before anything is written: a report over qualitygate.json or
/// a results file would destroy the input (QG2026). The reports claim their files, and check each file they publish, against the same list.
/// </summary>
internal static class RunOutputs
{
    /// <summary>The run's inputs, and its reports checked against them before anything is written (QG2026).</summary>
    public static OutputPaths Check(GateRunOptions options, GateConfig config, IEnumerable<string> coverage)
    {
        var outputs = new OutputPaths();
        outputs.Input(config.Path, "the configuration");
        foreach (var results in options.ResultsFiles)
        {
            outputs.Input(results, "a results file");
        }

        foreach (var report in coverage)
        {
            outputs.Input(report, "a coverage report");
        }

        outputs.Input(config.Baseline?.Path, "the baseline");
        options.Reports?.Claim(outputs);
        return outputs;
    }
}
