using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using QualityGate.Baseline;
using QualityGate.Diagnostics;
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

    /// <summary>The test results directory (--results-directory, else the project's TestResults).</summary>
    [Required]
    public string ResultsDirectory { get; set; } = string.Empty;

    [Required]
    public string AssemblyName { get; set; } = string.Empty;

    /// <summary>E.g. ".NETCoreApp,Version=v10.0": the logger names its file from the same value.</summary>
    [Required]
    public string TargetFrameworkMoniker { get; set; } = string.Empty;

    /// <summary>The --logger arguments, to find the gate logger's LogFilePath if one was given.</summary>
    public string? VSTestLogger { get; set; }

    /// <summary>An explicit results file (QualityGateResultsFile), overriding all of the above.</summary>
    public string? ResultsFile { get; set; }

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
        GateReport report;
        var published = new StringWriter();
        try
        {
            var options = new GateRunOptions(ProjectDirectory)
            {
                ConfigPath = string.IsNullOrWhiteSpace(ConfigPath) ? null : ConfigPath,
                Phase = string.IsNullOrWhiteSpace(Phase) ? null : Phase,
                ResultsFiles = [string.IsNullOrWhiteSpace(ResultsFile) ? LoggerArguments.ResultsFile(VSTestLogger, ResultsDirectory, AssemblyName, TargetFrameworkMoniker) : ResultsFile!],
                CoverageFiles = CoverageFiles.Select(i => i.GetMetadata("FullPath")).Where(File.Exists).ToList(),
                BaselinePath = string.IsNullOrWhiteSpace(BaselineFile) ? null : BaselineFile,
                JsonReportPath = JsonReportPath,
                MarkdownReportPath = MarkdownReportPath,
                Console = published,
            };
            if (!string.IsNullOrWhiteSpace(ReportsDirectory))
            {
                var publish = PublishOptions.ForProcess(ReportsDirectory!, Ci, "QualityGateCi");
                publish.HistoryPath = string.IsNullOrWhiteSpace(HistoryFile) ? null : HistoryFile;
                publish.Html = Html;
                publish.Badges = Badges;
                publish.JUnit = JUnit;
                publish.Title = $"{AssemblyName} ({FrameworkMoniker.ToShortName(TargetFrameworkMoniker)})";
                options.Publish = publish;
            }

            if (UpdateBaseline)
            {
                var update = GateRunner.UpdateBaseline(options, new BaselineUpdateOptions { AllowLoosening = AllowLoosening, Reason = BaselineReason, Promote = Promote });
                Log.LogMessage(MessageImportance.High, $"QualityGate baseline written: {update.Path} (phase reached: {update.Baseline.Phase ?? "none yet"}, {update.Baseline.KnownFailures.Count} known failures)");
                foreach (var change in update.Loosened)
                {
                    Log.LogWarning(Subcategory, DiagnosticCode.LooseningRefused, null, update.Path, 0, 0, 0, 0, $"baseline loosened (reason recorded): {change}");
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
            Log.LogError(Subcategory, e.Code, null, e.File ?? ProjectDirectory, 0, 0, 0, 0, e.Message);
            return false;
        }

        foreach (var line in ConsoleTable.Lines(report))
        {
            Log.LogMessage(MessageImportance.High, line);
        }

        // CI commands (annotations, Azure's logissue) and the reports written: each its own line, as the runners read them.
        foreach (var line in published.ToString().Split('\n'))
        {
            if (line.Trim().Length > 0)
            {
                Log.LogMessage(MessageImportance.High, line.TrimEnd('\r'));
            }
        }

        foreach (var file in report.PublishedFiles)
        {
            Log.LogMessage(MessageImportance.Normal, $"QualityGate wrote {file}");
        }

        foreach (var violation in report.Violations)
        {
            var file = violation.File ?? report.ConfigPath ?? ProjectDirectory;
            if (WarnOnly)
            {
                Log.LogWarning(Subcategory, violation.Code, null, file, violation.Line ?? 0, 0, 0, 0, violation.Message);
            }
            else
            {
                Log.LogError(Subcategory, violation.Code, null, file, violation.Line ?? 0, 0, 0, 0, violation.Message);
            }
        }

        return !Log.HasLoggedErrors;
    }
}
