using System;
using System.Collections.Generic;
using System.Linq;
using QualityGate.Diagnostics;
using QualityGate.Results;

namespace QualityGate.Shards;

/// <summary>
/// Results from a CI run split into shards: refuses an incomplete or duplicated set (a gate must never post a verdict
/// from partial uploads), and merges the runs of one assembly so a test run in two shards counts once.
/// </summary>
internal static class ShardSet
{
    public static void Check(IReadOnlyList<RecordedRun> runs, ExpectedShards? expected)
    {
        foreach (var group in runs.Where(r => r.RunId is not null).GroupBy(r => (r.RunId, r.Assembly, r.TargetFramework)).Where(g => g.Count() > 1))
        {
            throw new QualityGateException(
                DiagnosticCode.ShardDuplicated,
                $"the same test run appears {group.Count()} times ({string.Join(", ", group.Select(r => r.Path))}): an artifact was downloaded twice. Pass each shard's results once.",
                group.First().Path);
        }

        // One run per assembly and framework, unless the runs are declared shards of one run: an earlier run left in
        // TestResults must never be merged with today's (a union of coverage would pass what today's run alone fails).
        foreach (var group in runs.GroupBy(r => (r.Assembly, r.TargetFramework)).Where(g => g.Count() > 1))
        {
            var files = string.Join(", ", group.Select(r => r.Path));
            if (group.Any(r => r.Shard is null))
            {
                throw new QualityGateException(
                    DiagnosticCode.RunsNotShards,
                    $"{group.Key.Assembly} ({group.Key.TargetFramework}) was recorded {group.Count()} times ({files}), and the runs are not declared shards of one run: " +
                    "an earlier run's results are probably still there. Delete the old TestResults folders or pass only this run's files with --results; " +
                    "for a CI run split into shards, run each with QUALITYGATE_SHARD=<name> and pass --expected-shards.",
                    group.First().Path);
            }

            if (group.GroupBy(r => r.Shard, StringComparer.Ordinal).FirstOrDefault(s => s.Count() > 1) is { } twice)
            {
                throw new QualityGateException(
                    DiagnosticCode.ShardDuplicated,
                    $"shard '{twice.Key}' ran {group.Key.Assembly} ({group.Key.TargetFramework}) {twice.Count()} times ({string.Join(", ", twice.Select(r => r.Path))}): " +
                    "two jobs used the same shard name, or an earlier run's results are still there. Give each job its own shard name and pass only this run's files.",
                    twice.First().Path);
            }
        }

        if (expected is null)
        {
            return;
        }

        if (runs.FirstOrDefault(r => r.Shard is null) is { } unnamed)
        {
            throw new QualityGateException(
                DiagnosticCode.ShardMissing,
                $"{expected.Count} shards are expected, but this results file names no shard. Run each shard with QUALITYGATE_SHARD=<name> (or --logger \"gate;Shard=<name>\").",
                unnamed.Path);
        }

        var found = runs.Select(r => r.Shard!).Distinct(StringComparer.Ordinal).OrderBy(s => s, StringComparer.Ordinal).ToList();
        if (expected.Names is { } names)
        {
            var missing = names.Except(found, StringComparer.Ordinal).ToList();
            var unexpected = found.Except(names, StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                throw new QualityGateException(
                    DiagnosticCode.ShardMissing,
                    $"shard{(missing.Count == 1 ? string.Empty : "s")} {string.Join(", ", missing)} delivered no results (found: {string.Join(", ", found)}). A shard job failed or did not upload its artifact; no verdict from a partial set.");
            }

            if (unexpected.Count > 0)
            {
                throw new QualityGateException(
                    DiagnosticCode.ShardDuplicated,
                    $"results came from shard{(unexpected.Count == 1 ? string.Empty : "s")} {string.Join(", ", unexpected)}, which {(unexpected.Count == 1 ? "is" : "are")} not among the expected {string.Join(", ", names)}.");
            }
        }
        else if (found.Count != expected.Count)
        {
            throw new QualityGateException(
                found.Count < expected.Count ? DiagnosticCode.ShardMissing : DiagnosticCode.ShardDuplicated,
                $"{expected.Count} shards are expected, and results came from {found.Count}: {string.Join(", ", found)}." +
                (found.Count < expected.Count ? " A shard job failed or did not upload its artifact; no verdict from a partial set." : " Check the expected count and the shard names."));
        }
    }

    /// <summary>One run per assembly and framework: tests deduplicated (a failure anywhere wins), aborts and errors kept.</summary>
    public static IReadOnlyList<RecordedRun> Merge(IReadOnlyList<RecordedRun> runs)
    {
        var merged = new List<RecordedRun>();
        foreach (var group in runs.GroupBy(r => (r.Assembly, r.TargetFramework)))
        {
            var parts = group.ToList();
            if (parts.Count == 1)
            {
                merged.Add(parts[0]);
                continue;
            }

            var tests = new Dictionary<(string, string), RecordedTest>();
            foreach (var test in parts.SelectMany(p => p.Tests))
            {
                var key = (test.Name, test.DisplayName);
                if (!tests.TryGetValue(key, out var seen) || Rank(test.Outcome) > Rank(seen.Outcome))
                {
                    tests[key] = test;
                }
            }

            var first = parts.Find(p => p.Aborted) ?? parts[0];
            merged.Add(new RecordedRun(string.Join(", ", parts.Select(p => p.Path)), group.Key.Assembly, group.Key.TargetFramework)
            {
                Shard = string.Join(",", parts.Select(p => p.Shard).Where(s => s is not null)),
                Aborted = parts.Any(p => p.Aborted),
                AbortReason = first.AbortReason,
                // Shards run side by side: the suite takes as long as its slowest shard.
                DurationMs = parts.Max(p => p.DurationMs),
                Errors = parts.SelectMany(p => p.Errors).Distinct(StringComparer.Ordinal).ToList(),
                Attachments = parts.SelectMany(p => p.Attachments).GroupBy(a => a.Path, StringComparer.Ordinal).Select(g => g.First()).ToList(),
                Tests = tests.Values.ToList(),
            });
        }

        return merged;
    }

    private static int Rank(TestOutcome outcome) => outcome switch
    {
        TestOutcome.Failed => 3,
        TestOutcome.Passed => 2,
        TestOutcome.Skipped => 1,
        _ => 0,
    };
}
