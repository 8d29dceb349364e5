using QualityGate.Diagnostics;

namespace QualityGate.Tool;

/// <summary>What 'dotnet gate' exits with; CI scripts branch on these, so they are part of the contract (README).</summary>
internal static class ExitCodes
{
    public const int Passed = 0;

    /// <summary>The gate ran and found violations (and --warn-only was not given), or a baseline update was refused.</summary>
    public const int Violations = 1;

    /// <summary>The command line or qualitygate.json is wrong (QG1xxx): fixing the call or the config fixes it.</summary>
    public const int UsageOrConfiguration = 2;

    /// <summary>A results file or coverage report is missing or unreadable (QG2xxx, QG3xxx): run the tests again.</summary>
    public const int InputMissingOrUnreadable = 3;

    /// <summary>Anything QualityGate did not foresee, or a report it could not write.</summary>
    public const int InternalError = 4;

    public static int For(QualityGateException exception) => exception.Code switch
    {
        ['Q', 'G', '1', ..] => UsageOrConfiguration,
        ['Q', 'G', '2' or '3', ..] => InputMissingOrUnreadable,
        ['Q', 'G', '4', ..] => Violations,
        // The baseline: missing-when-required, unreadable, foreign or for other assemblies is input; refusals are verdicts.
        "QG5005" or "QG5006" or "QG5007" or "QG5010" => InputMissingOrUnreadable,
        ['Q', 'G', '5', ..] => Violations,
        _ => InternalError,
    };
}
