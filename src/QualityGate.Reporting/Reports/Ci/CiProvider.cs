using System;
using System.Collections.Generic;
using QualityGate.Diagnostics;

namespace QualityGate.Reports.Ci;

/// <summary>The CI system whose summary and annotation formats the publisher writes.</summary>
internal enum CiKind
{
    /// <summary>No CI: files only, nothing printed for a CI system.</summary>
    None,

    /// <summary>GitHub Actions: step summary and workflow-command annotations.</summary>
    GitHub,

    /// <summary>Azure Pipelines: task.logissue and task.uploadsummary logging commands.</summary>
    Azure,
}

/// <summary>Detects the CI system from the environment, or takes the one a switch forces.</summary>
internal static class CiProvider
{
    /// <summary>The values the switch accepts.</summary>
    public static readonly IReadOnlyList<string> ForceValues = ["auto", "github", "azure", "none"];

    /// <summary>
    /// <paramref name="force"/> null, empty or "auto" detects (GITHUB_ACTIONS=true, then TF_BUILD=True); "github",
    /// "azure" and "none" force. Anything else is an error that names <paramref name="setting"/> and the valid values.
    /// </summary>
    public static CiKind Detect(IReadOnlyDictionary<string, string?> environment, string? force, string setting = "the CI switch")
    {
        switch (force?.Trim().ToLowerInvariant())
        {
            case null or "" or "auto":
                return IsTrue(environment, "GITHUB_ACTIONS") ? CiKind.GitHub
                    : IsTrue(environment, "TF_BUILD") ? CiKind.Azure
                    : CiKind.None;
            case "github":
                return CiKind.GitHub;
            case "azure":
                return CiKind.Azure;
            case "none":
                return CiKind.None;
            default:
                throw new QualityGateException(
                    DiagnosticCode.ConfigInvalidValue,
                    $"{setting} is '{force}', which is not a CI provider. Use one of: {string.Join(", ", ForceValues)} (auto detects GitHub Actions and Azure Pipelines from the environment).");
        }
    }

    private static bool IsTrue(IReadOnlyDictionary<string, string?> environment, string name) =>
        environment.TryGetValue(name, out var value) && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
