using System;
using System.Collections.Generic;
using QualityGate.Reports;

namespace QualityGate.Baseline;

/// <summary>Covered and valid lines and branches: counts, never rates, so the file never changes without cause.</summary>
internal sealed class Measured
{
    public Measured(Ratio lines, Ratio branches)
    {
        Lines = lines;
        Branches = branches;
    }

    public Ratio Lines { get; }

    public Ratio Branches { get; }
}

/// <summary>A test that was failing when the baseline was recorded.</summary>
internal sealed class KnownFailure
{
    public KnownFailure(string test, string category, string since)
    {
        Test = test;
        Category = category;
        Since = since;
    }

    /// <summary>The test's identity: fully qualified name and data row arguments (<see cref="Results.TestIdentity"/>).</summary>
    public string Test { get; }

    public string Category { get; }

    /// <summary>The test assembly it belongs to, so a project's gate can take its own slice of a solution's baseline; null in files of 0.1.</summary>
    public string? Assembly { get; set; }

    /// <summary>The date (yyyy-MM-dd) it was first recorded as failing.</summary>
    public string Since { get; }
}

/// <summary>An explicit loosening, with the reason given, kept in the file for review.</summary>
internal sealed class Loosening
{
    public Loosening(string date, string reason, IReadOnlyList<string> changes)
    {
        Date = date;
        Reason = reason;
        Changes = changes;
    }

    public string Date { get; }

    public string Reason { get; }

    public IReadOnlyList<string> Changes { get; }
}

/// <summary>The committed baseline (schema qualitygate.baseline/2): what the run may not get worse than.</summary>
internal sealed class BaselineData
{
    public const string Schema = "qualitygate.baseline/2";

    /// <summary>QualityGate 0.1's schema: the same, but known failures named by display name.</summary>
    public const string SchemaByDisplayName = "qualitygate.baseline/1";

    /// <summary>Read from a 0.1 file whose known failures are display names; see <see cref="BaselineMigration"/>.</summary>
    public bool KnownFailuresByDisplayName { get; set; }

    /// <summary>What reading or migrating the file found that the reader should know.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>The highest phase reached; its targets hold even if the configuration names a lower one.</summary>
    public string? Phase { get; set; }

    /// <summary>The test assemblies the baseline was recorded from.</summary>
    public SortedSet<string> Assemblies { get; } = new(StringComparer.Ordinal);

    public Measured? Total { get; set; }

    public SortedDictionary<string, Measured> Layers { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, Measured> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>Passed and failed per test layer ("" for all tests).</summary>
    public SortedDictionary<string, (int Passed, int Failed)> Tests { get; } = new(StringComparer.Ordinal);

    /// <summary>Known failures by test identity.</summary>
    public SortedDictionary<string, KnownFailure> KnownFailures { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Distinct root causes of the failures per category when recorded; null for a baseline recorded before root
    /// causes were. Reported (before → after), not ratcheted: the known failures already are.
    /// </summary>
    public SortedDictionary<string, int>? RootCauses { get; set; }

    public List<Loosening> Loosenings { get; } = [];

    public static double? PassRate((int Passed, int Failed) counts) =>
        counts.Passed + counts.Failed == 0 ? null : counts.Passed * 100.0 / (counts.Passed + counts.Failed);
}
