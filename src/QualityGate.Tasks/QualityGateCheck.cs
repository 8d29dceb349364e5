using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using QualityGate.Baseline;
using QualityGate.Diagnostics;
using QualityGate.Output;
using QualityGate.Policy;
using QualityGate.Results;
using QualityGate.Reports;

namespace QualityGate.Tasks;

/// <summary>
/// Judges one test project's run against the current phase of qualitygate.json. Every violation is an error (or a
/// warning in warn-only mode) with its QG code; the verdict decides the build.
/// </summary>
public sealed class QualityGateCheck : Task
{
    private const string Subcategory = "QualityGate";

    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    [Required]
    public string AssemblyName { get; set; } = string.Empty;

    /// <summary>E.g. ".NETCoreApp,Version=v10.0".</summary>
    [Required]
    public string TargetFrameworkMoniker { get; set; } = string.Empty;

    /// <summary>The results file this run's logger was told to write (decided by QualityGateBeginRun).</summary>
    [Required]
    public string ResultsFile { get; set; } = string.Empty;

    /// <summary>This run's identity: the results file must carry it, or it is another run's.</summary>
    [Required]
    public string RunId { get; set; } = string.Empty;

    /// <summary>Whether the test task itself succeeded; a failed task is explained when it left no results.</summary>
    public bool TestRunSucceeded { get; set; } = true;

    /// <summary>The terminal logger is on: the gate's table goes where it shows test output.</summary>
    public bool TerminalLogger { get; set; }

    /// <summary>Coverage reports besides those the results files list (coverlet.msbuild's output).</summary>
    public ITaskItem[] CoverageFiles { get; set; } = [];

    public string? ConfigPath { get; set; }

    public string? Phase { get; set; }

    /// <summary>Report violations as warnings: the build passes while a team rolls the gate out.</summary>
    public bool WarnOnly { get; set; }

    /// <summary>A baseline file instead of the configuration's (QualityGateBaselineFile).</summary>
    public string? BaselineFile { get; set; }

    /// <summary>Write the baseline from this run instead of only judging it (QualityGateUpdateBaseline).</summary>
    public bool UpdateBaseline { get; set; }

    public bool AllowLoosening { get; set; }

    public string? BaselineReason { get; set; }

    public bool Promote { get; set; }

    /// <summary>auto (default: detect GitHub Actions or Azure Pipelines), github, azure or none.</summary>
    public string? Ci { get; set; }

    /// <summary>
    /// What the reports read of the environment (the CI system, its step summary, source links, the commit); null reads
    /// the build's. Not a build parameter: a test host on a CI runner gives its own, so its runs stay off the runner's log.
    /// </summary>
    internal IReadOnlyDictionary<string, string?>? ReportEnvironment { get; set; }

    /// <summary>The folder for the HTML report, badges and JUnit XML.</summary>
    public string? ReportsDirectory { get; set; }

    /// <summary>A history file to append this run to, for the trend charts; none when empty.</summary>
    public string? HistoryFile { get; set; }

    public bool Html { get; set; } = true;

    public bool Badges { get; set; } = true;

    public bool JUnit { get; set; }

    public string? JsonReportPath { get; set; }

    public string? MarkdownReportPath { get; set; }

    public override bool Execute()
    {
        try
        {
            return Judge();
        }
        catch (Exception e) when (e is not QualityGateException)
        {
            return TaskFailure.Log(Log, e, nameof(QualityGateCheck), ProjectDirectory);
        }
    }

    private bool Judge()
    {
        GateReport report;
        var published = new StringWriter();
        try
        {
            var options = new GateRunOptions(ProjectDirectory)
            {
                ConfigPath = string.IsNullOrWhiteSpace(ConfigPath) ? null : ConfigPath,
                Phase = string.IsNullOrWhiteSpace(Phase) ? null : Phase,
                ResultsFiles = [ResultsFile],
                ExpectedRunId = RunId,
                CoverageFiles = CoverageFiles.Select(i => i.GetMetadata("FullPath")).Where(File.Exists).ToList(),
                BaselinePath = string.IsNullOrWhiteSpace(BaselineFile) ? null : BaselineFile,
            };
            var reports = new GateReports { JsonPath = JsonReportPath, MarkdownPath = MarkdownReportPath, Console = published };
            options.Reports = reports;
            if (!string.IsNullOrWhiteSpace(ReportsDirectory))
            {
                var publish = PublishOptions.For(ReportsDirectory!, ReportEnvironment ?? PublishOptions.ProcessEnvironment(), Ci, "QualityGateCi");
                publish.HistoryPath = string.IsNullOrWhiteSpace(HistoryFile) ? null : HistoryFile;
                publish.Html = Html;
                publish.Badges = Badges;
                publish.JUnit = JUnit;
                publish.Title = $"{AssemblyName} ({FrameworkMoniker.ToShortName(TargetFrameworkMoniker)})";
                reports.Publish = publish;
            }

            if (UpdateBaseline)
            {
                var update = GateRunner.UpdateBaseline(options, new BaselineUpdateOptions { AllowLoosening = AllowLoosening, Reason = BaselineReason, Promote = Promote });
                Log.LogMessage(MessageImportance.High, OutputGuard.Line($"QualityGate baseline written: {update.Path} (phase reached: {update.Baseline.Phase ?? "none yet"}, {update.Baseline.KnownFailures.Count} known failures)"));
                foreach (var change in update.Loosened)
                {
                    Log.LogWarning(Subcategory, DiagnosticCode.LooseningRefused, null, OutputGuard.Line(update.Path), 0, 0, 0, 0, OutputGuard.Line($"baseline loosened (reason recorded): {change}"));
                }

                // Recording is the point of this run: the verdict is shown, as warnings.
                report = update.Report!;
                WarnOnly = true;
            }
            else
            {
                report = GateRunner.Run(options);
            }
        }
        catch (QualityGateException e)
        {
            // Broken input never passes, not even in warn-only mode.
            var message = e.Message;
            if (!TestRunSucceeded && e.Code is DiagnosticCode.ResultsNotRecorded or DiagnosticCode.ResultsFromAnotherRun)
            {
                message += " The test run itself failed before it finished.";
            }

            Log.LogError(Subcategory, e.Code, null, OutputGuard.Line(e.File ?? ProjectDirectory), 0, 0, 0, 0, OutputGuard.Line(message));
            return false;
        }

        // The table, then where the reports are: one message, so the terminal logger shows it as the project's output.
        Show(ConsoleTable.Lines(report).Append("  " + ReportPaths.Line(report, [JsonReportPath, MarkdownReportPath], ProjectDirectory)).Select(OutputGuard.Line));

        // CI commands (annotations, Azure's logissue) and the reports written: each its own line, as the runners read them.
        // The publisher wrote them through the output guard, so they are logged as they are.
        foreach (var line in published.ToString().Split('\n'))
        {
            if (line.Trim().Length > 0)
            {
                Log.LogMessage(MessageImportance.High, line.TrimEnd('\r'));
            }
        }

        foreach (var violation in report.Violations)
        {
            var file = OutputGuard.Line(violation.File ?? report.ConfigPath ?? ProjectDirectory);
            var message = OutputGuard.Line(ReportPaths.ErrorText(violation, report, ProjectDirectory));
            if (WarnOnly && !violation.Untrusted)
            {
                Log.LogWarning(Subcategory, violation.Code, null, file, violation.Line ?? 0, 0, 0, 0, message);
            }
            else
            {
                Log.LogError(Subcategory, violation.Code, null, file, violation.Line ?? 0, 0, 0, 0, message);
            }
        }

        return !Log.HasLoggedErrors;
    }

    /// <summary>
    /// The terminal logger shows a test project's output only from messages marked as test output; elsewhere a
    /// high-importance message is shown at normal verbosity.
    /// </summary>
    private void Show(IEnumerable<string> lines)
    {
        if (!TerminalLogger)
        {
            foreach (var line in lines)
            {
                Log.LogMessage(MessageImportance.High, line);
            }

            return;
        }

        BuildEngine.LogMessageEvent(new ExtendedBuildMessageEventArgs("TLTESTOUTPUT", string.Join(Environment.NewLine, lines), null, "QualityGate", MessageImportance.High));
    }
}
