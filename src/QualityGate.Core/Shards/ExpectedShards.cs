using System;
using System.Collections.Generic;
using System.Linq;
using QualityGate.Diagnostics;

namespace QualityGate.Shards;

/// <summary>The shards a split CI run must deliver: a count, or the shard names.</summary>
internal sealed class ExpectedShards
{
    private ExpectedShards(int count, IReadOnlyList<string>? names)
    {
        Count = count;
        Names = names;
    }

    public int Count { get; }

    /// <summary>The names, when they were given; otherwise any <see cref="Count"/> distinct names.</summary>
    public IReadOnlyList<string>? Names { get; }

    public static ExpectedShards Of(int count) => count > 0
        ? new ExpectedShards(count, null)
        : throw new QualityGateException(DiagnosticCode.ConfigInvalidValue, $"the expected shard count must be at least 1, not {count}.");

    public static ExpectedShards Of(IReadOnlyList<string> names)
    {
        var distinct = names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0 || distinct.Count != names.Count)
        {
            throw new QualityGateException(DiagnosticCode.ConfigInvalidValue, $"the expected shards '{string.Join(",", names)}' must be distinct, non-empty names.");
        }

        return new ExpectedShards(distinct.Count, distinct);
    }

    /// <summary>"3" (a count) or "unit,integration,e2e" (names), as the command line takes it.</summary>
    public static ExpectedShards Parse(string text) =>
        int.TryParse(text.Trim(), out var count) ? Of(count) : Of(text.Split(','));

    public override string ToString() => Names is null ? Count.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Join(",", Names);
}
