using System;
using System.Collections.Generic;
using System.Linq;

namespace QualityGate.Configuration;

/// <summary>
/// What the gate accepts as evidence ("evidence" in qualitygate.json). By default it accepts none that is absent: a
/// run that executed no test fails (QG4011), and so does a target whose measure the run does not have (QG4012), because
/// a target cannot be met by nothing. Suites that legitimately run nothing, or reports without branch data, opt out here.
/// </summary>
internal sealed class EvidenceSettings
{
    /// <summary>A target on branch coverage where the coverage has no branches.</summary>
    public const string Branch = "branch";

    /// <summary>A target on line coverage where the layer has no coverable line.</summary>
    public const string Line = "line";

    /// <summary>A test layer's pass rate where the layer ran no test.</summary>
    public const string TestLayer = "testLayer";

    /// <summary>A duration limit where the results record no duration.</summary>
    public const string Duration = "duration";

    private static readonly string[] Measures = [Branch, Line, TestLayer, Duration];

    private EvidenceSettings(bool allowNoTests, IReadOnlyCollection<string> allowMissing)
    {
        AllowNoTests = allowNoTests;
        AllowMissing = allowMissing;
    }

    public static EvidenceSettings Strict { get; } = new(false, []);

    /// <summary>"allowNoTests": true lets a run that executed no test pass.</summary>
    public bool AllowNoTests { get; }

    /// <summary>"allowMissing": measures whose absence leaves their targets unjudged instead of failing them.</summary>
    public IReadOnlyCollection<string> AllowMissing { get; }

    public bool MayMiss(string measure) => AllowMissing.Contains(measure, StringComparer.Ordinal);

    internal static EvidenceSettings Read(ConfigNode? node)
    {
        if (node is not { } evidence)
        {
            return Strict;
        }

        evidence.ExpectObject("allowNoTests", "allowMissing");
        var missing = evidence.Strings("allowMissing") ?? [];
        foreach (var measure in missing)
        {
            if (!Measures.Contains(measure, StringComparer.Ordinal))
            {
                throw evidence.Child("allowMissing")!.Value.Invalid($"names '{measure}'; the measures that may be missing are: {string.Join(", ", Measures)}.");
            }
        }

        return new EvidenceSettings(evidence.Boolean("allowNoTests") ?? false, missing.Distinct(StringComparer.Ordinal).ToList());
    }
}
