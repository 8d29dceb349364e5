namespace QualityGate.Diagnostics;

/// <summary>
/// Every diagnostic QualityGate reports has one of these codes; docs/diagnostics.md explains each and what fixes it.
/// QG1xxx: configuration. QG2xxx: the logger and results files. QG3xxx: coverage input. QG4xxx: policy verdicts.
/// </summary>
public static class DiagnosticCode
{
    /// <summary>qualitygate.json could not be read or is not valid JSON.</summary>
    public const string ConfigUnreadable = "QG1001";

    /// <summary>qualitygate.json has a key QualityGate does not know.</summary>
    public const string ConfigUnknownKey = "QG1002";

    /// <summary>A qualitygate.json value has the wrong type or an invalid value.</summary>
    public const string ConfigInvalidValue = "QG1003";

    /// <summary>A regular expression or pattern in qualitygate.json does not parse.</summary>
    public const string ConfigInvalidPattern = "QG1004";

    /// <summary>A configuration file named explicitly does not exist.</summary>
    public const string ConfigNotFound = "QG1005";

    /// <summary>The logger was given a parameter it does not know.</summary>
    public const string LoggerUnknownParameter = "QG2001";

    /// <summary>A logger parameter has a value it cannot use.</summary>
    public const string LoggerInvalidParameter = "QG2002";

    /// <summary>The results file or its folder cannot be written.</summary>
    public const string ResultsUnwritable = "QG2003";

    /// <summary>The test run was aborted (for example the test host crashed).</summary>
    public const string RunAborted = "QG2004";

    /// <summary>Two test assemblies of one run would write the same results file.</summary>
    public const string ResultsPathCollision = "QG2005";

    /// <summary>A coverage report the policy needs was not found.</summary>
    public const string CoverageMissing = "QG3001";

    /// <summary>A coverage report is an empty file.</summary>
    public const string CoverageEmpty = "QG3002";

    /// <summary>A coverage report is not well-formed XML (truncated or corrupt).</summary>
    public const string CoverageUnreadable = "QG3003";

    /// <summary>A file given as coverage is neither Cobertura nor OpenCover.</summary>
    public const string CoverageForeignFormat = "QG3004";

    /// <summary>A coverage report has no coverable lines: it measured nothing.</summary>
    public const string CoverageNoLines = "QG3005";
}
