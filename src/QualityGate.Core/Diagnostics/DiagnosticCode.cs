namespace QualityGate.Diagnostics;

/// <summary>
/// Every diagnostic QualityGate reports has one of these codes; docs/diagnostics.md explains each and what fixes it.
/// QG1xxx: configuration. QG2xxx: the logger and results files. QG3xxx: coverage input. QG4xxx: policy verdicts.
/// QG5xxx: the baseline ratchet.
/// </summary>
internal static class DiagnosticCode
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

    /// <summary>A source layer's globs match no file of the coverage report.</summary>
    public const string ConfigLayerMatchesNothing = "QG1006";

    /// <summary>A results file is not valid JSON (truncated or corrupt).</summary>
    public const string ResultsUnreadable = "QG2006";

    /// <summary>A file given as results is not a QualityGate results file, or has a newer schema.</summary>
    public const string ResultsForeign = "QG2007";

    /// <summary>No results file was found where the gate expected one.</summary>
    public const string ResultsMissing = "QG2008";

    /// <summary>The logger failed unexpectedly; it wrote no results file rather than an incomplete one.</summary>
    public const string LoggerFailed = "QG2009";

    /// <summary>A report (qualitygate-report.json, the Markdown summary) cannot be written.</summary>
    public const string ReportUnwritable = "QG2010";

    /// <summary>An expected CI shard has no results (or a results file names no shard).</summary>
    public const string ShardMissing = "QG2011";

    /// <summary>A CI shard (or the very same run) appears twice among the results.</summary>
    public const string ShardDuplicated = "QG2012";

    /// <summary>The history file (qualitygate.history/1) is truncated, foreign or has merge conflict markers.</summary>
    public const string HistoryUnreadable = "QG2013";

    /// <summary>A coverage report the policy needs was not found.</summary>
    public const string CoverageMissing = "QG3001";

    /// <summary>A coverage report is an empty file.</summary>
    public const string CoverageEmpty = "QG3002";

    /// <summary>A coverage report is not well-formed XML (truncated or corrupt).</summary>
    public const string CoverageUnreadable = "QG3003";

    /// <summary>A file given as coverage is neither Cobertura nor OpenCover.</summary>
    public const string CoverageForeignFormat = "QG3004";

    /// <summary>The diff for patch coverage could not be produced (not a git checkout, an unknown base revision).</summary>
    public const string DiffUnavailable = "QG3006";

    /// <summary>A coverage report has no coverable lines: it measured nothing.</summary>
    public const string CoverageNoLines = "QG3005";

    /// <summary>Coverage of the lines a change touched (patch coverage) below the phase's target.</summary>
    public const string PatchCoverageBelowTarget = "QG4010";

    /// <summary>Line coverage below the phase's target (a source layer, the total, or a test layer's coverage).</summary>
    public const string LineCoverageBelowTarget = "QG4001";

    /// <summary>Branch coverage below the phase's target.</summary>
    public const string BranchCoverageBelowTarget = "QG4002";

    /// <summary>A file of a layer is below the layer's per-file minimum.</summary>
    public const string FileBelowMinimum = "QG4003";

    /// <summary>A layer has more uncovered lines than allowed.</summary>
    public const string TooManyUncoveredLines = "QG4004";

    /// <summary>The pass rate (overall or of a test layer) is below the phase's target.</summary>
    public const string PassRateBelowTarget = "QG4005";

    /// <summary>More failures in a category than its budget allows.</summary>
    public const string CategoryOverBudget = "QG4006";

    /// <summary>Failing tests in a category that has no budget.</summary>
    public const string FailuresNotAllowed = "QG4007";

    /// <summary>The suite took longer than the phase allows.</summary>
    public const string SuiteTooSlow = "QG4008";

    /// <summary>A results file records an aborted run or a configuration error: its figures cannot be trusted.</summary>
    public const string RunNotTrustworthy = "QG4009";

    /// <summary>A layer's (or the total's) coverage fell below the baseline by more than the tolerance.</summary>
    public const string CoverageFell = "QG5001";

    /// <summary>A file's coverage fell below the baseline (its coverable lines unchanged).</summary>
    public const string FileCoverageFell = "QG5002";

    /// <summary>A failing test that is not a known failure of the baseline.</summary>
    public const string NewFailure = "QG5003";

    /// <summary>A pass rate fell below the baseline's.</summary>
    public const string PassRateFell = "QG5004";

    /// <summary>The configuration requires a baseline and there is none.</summary>
    public const string BaselineMissing = "QG5005";

    /// <summary>The baseline file is not valid (truncated, hand-broken, merge conflict markers).</summary>
    public const string BaselineUnreadable = "QG5006";

    /// <summary>The baseline file has another schema (newer, or not a baseline at all).</summary>
    public const string BaselineForeign = "QG5007";

    /// <summary>A baseline update would loosen it and no reason was given.</summary>
    public const string LooseningRefused = "QG5008";

    /// <summary>--promote was asked for but the next phase's targets are not all met (or there is no next phase).</summary>
    public const string PromotionRefused = "QG5009";

    /// <summary>The baseline was recorded for other test assemblies than this run's.</summary>
    public const string BaselineScopeMismatch = "QG5010";

    // The hand-off from test run to gate, and evidence (issue 9).

    /// <summary>The .NET SDK lacks the test targets QualityGate hooks (it needs the .NET 8 SDK or later).</summary>
    public const string SdkUnsupported = "QG1010";

    /// <summary>The test run of this build recorded no results file where the build told the logger to write it.</summary>
    public const string ResultsNotRecorded = "QG2014";

    /// <summary>The results file at the decided path was written by another run than this build's.</summary>
    public const string ResultsFromAnotherRun = "QG2015";

    /// <summary>Two results files record the same assembly and framework without being declared shards of one run.</summary>
    public const string RunsNotShards = "QG2016";

    /// <summary>The runsettings file that decides where results go cannot be read.</summary>
    public const string RunSettingsUnreadable = "QG2017";

    /// <summary>'dotnet gate init' found a plan (qualitygate.json or its baseline) where it would write one.</summary>
    public const string PlanExists = "QG1011";

    /// <summary>The run executed no test (a filter matched nothing, all skipped): it is no evidence for any target.</summary>
    public const string NoTestsExecuted = "QG4011";

    /// <summary>A target's measure is absent from the run (no branch data, no tests in a test layer, no duration).</summary>
    public const string MeasureMissing = "QG4012";

    /// <summary>A baseline cannot be recorded from a run that cannot be trusted (aborted, no tests, broken configuration).</summary>
    public const string BaselineFromUntrustedRun = "QG5011";

    // Hostile and malformed input (issue 10): strict configuration, bounded and plausible coverage.

    /// <summary>qualitygate.json repeats a key in one object, or a name (phase, rule) that must be unique.</summary>
    public const string ConfigDuplicate = "QG1007";

    /// <summary>A later phase of qualitygate.json asks less than an earlier one of some target.</summary>
    public const string ConfigPhaseLoosens = "QG1008";

    /// <summary>A coverage report has an impossible line, range or count (beyond any real source file).</summary>
    public const string CoverageImplausible = "QG3007";

    /// <summary>A coverage report names lines beyond the end of the repository's source file: it describes another file.</summary>
    public const string CoverageBeyondSource = "QG3008";

    /// <summary>None of a coverage report's files belongs to this repository.</summary>
    public const string CoverageForeignRepository = "QG3009";

    // Failure triage (issue 12).

    /// <summary>The blame collector's sequence file of an aborted run could not be read: the crashing test is not named.</summary>
    public const string BlameSequenceUnreadable = "QG2040";
    // Microsoft.Testing.Platform front end (issue 11): QG1020–QG1024, QG2030–QG2039.

    /// <summary>A --gate-* option is unknown here, has a bad value, or was given without --gate.</summary>
    public const string GateOptionInvalid = "QG1020";

    /// <summary>'--logger gate' (VSTest) on a Microsoft.Testing.Platform app: '--gate' is the MTP switch.</summary>
    public const string WrongRunnerSwitch = "QG1021";

    /// <summary>The test app's Microsoft.Testing.Platform is older than the front end needs.</summary>
    public const string PlatformTooOld = "QG1022";

    /// <summary>--ignore-exit-code (or TESTINGPLATFORM_EXITCODE_IGNORE) would wave failing tests or a failed gate through.</summary>
    public const string IgnoredExitCodeConflict = "QG1023";

    /// <summary>The test host exited without completing the results file (a crash): the run is recorded as aborted.</summary>
    public const string HostCrashed = "QG2030";

    /// <summary>The results file the run was to write is missing or belongs to another run (another run id).</summary>
    public const string ResultsOfAnotherRun = "QG2031";

    /// <summary>The gate could not be run after an MTP run (the packaged 'dotnet gate' is missing or did not start).</summary>
    public const string GateUnavailable = "QG2032";

    /// <summary>Several coverage reports appeared in the results folder during an MTP run; none can be told to be this run's.</summary>
    public const string CoverageAmbiguous = "QG2033";
    // Hostile edges (issue 10): unexpected failures, outputs, git.

    /// <summary>QualityGate failed in a way it did not foresee: a bug to report, never a verdict.</summary>
    public const string InternalError = "QG0000";

    /// <summary>An output path is a folder, named pipe, socket, block device or a link to one: never replaced.</summary>
    public const string OutputNotRegularFile = "QG2025";

    /// <summary>An output path is one of the run's inputs (results, qualitygate.json, coverage, baseline): writing would destroy it.</summary>
    public const string OutputIsInput = "QG2026";

    /// <summary>The --diff-base value is not a revision git can be given safely (it starts with '-' or has control characters).</summary>
    public const string DiffBaseRefused = "QG3013";

    /// <summary>git's diff names a file QualityGate cannot decode, so the patch cannot be measured.</summary>
    public const string DiffUnreadable = "QG3014";
}
