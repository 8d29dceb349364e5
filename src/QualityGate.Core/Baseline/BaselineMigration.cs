using System;
using System.Collections.Generic;
using System.Linq;
using QualityGate.Results;

namespace QualityGate.Baseline;

/// <summary>
/// Reads QualityGate 0.1's known failures, named by display name, as test identities. A display name that names one
/// test of this run becomes that test's identity. One that names several (NUnit and MSTest show bare method names, so
/// Shop.InvoiceTests.Total and Other.InvoiceTests.Total are both "Total") is dropped: which of them the baseline meant
/// cannot be known, and treating all as known would pass a new failure. They fail as new until the next update.
/// </summary>
internal static class BaselineMigration
{
    public static void ToTestIdentities(BaselineData baseline, IReadOnlyList<RecordedRun> runs)
    {
        if (!baseline.KnownFailuresByDisplayName)
        {
            return;
        }

        var byDisplayName = runs.SelectMany(r => r.Tests.Select(t => (Test: t, r.Assembly)))
            .GroupBy(t => t.Test.DisplayName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.GroupBy(t => t.Test.Key, StringComparer.Ordinal).Select(k => (Key: k.Key, k.First().Assembly)).ToList(), StringComparer.Ordinal);
        var old = baseline.KnownFailures.Values.ToList();
        baseline.KnownFailures.Clear();
        var ambiguous = new List<string>();
        foreach (var known in old)
        {
            if (!byDisplayName.TryGetValue(known.Test, out var keys))
            {
                // Not in this run: it stays as it was, reported as gone, and is dropped at the next update.
                baseline.KnownFailures[known.Test] = known;
            }
            else if (keys.Count == 1)
            {
                baseline.KnownFailures[keys[0].Key] = new KnownFailure(keys[0].Key, known.Category, known.Since) { Assembly = keys[0].Assembly };
            }
            else
            {
                ambiguous.Add($"'{known.Test}' ({string.Join(", ", keys.Select(k => k.Key))})");
            }
        }

        baseline.KnownFailuresByDisplayName = false;
        baseline.Notes.Add("The baseline was written by QualityGate 0.1, which named known failures by display name; they are read by full name now, and the next update rewrites the file that way.");
        if (ambiguous.Count > 0)
        {
            baseline.Notes.Add(
                $"{ambiguous.Count} known failure{(ambiguous.Count == 1 ? string.Empty : "s")} of the 0.1 baseline name{(ambiguous.Count == 1 ? "s" : string.Empty)} several tests of this run: {string.Join("; ", ambiguous)}. " +
                "Which one the baseline meant cannot be told, so none of them counts as known: fix them, or record the baseline again ('dotnet gate baseline --allow-loosening --reason ...').");
        }
    }
}
