using System;
using System.CommandLine;
using System.IO;
using QualityGate.Diagnostics;
using QualityGate.Policy;
using QualityGate.Reports;

namespace QualityGate.Tool;

/// <summary>
/// 'dotnet gate check': the same GateRunner the MSBuild task calls, over the results and coverage of a whole solution.
/// Only translation lives here: options to <see cref="GateRunOptions"/>, the report to lines and an exit code.
/// </summary>
internal sealed class CheckCommand
{
    private readonly Option<string[]> results = new("--results")
    {
        Description = "Results files (*.qualitygate.json from 'dotnet test --logger gate'): paths or globs, relative to the current folder. A glob that matches nothing is an error.",
        HelpName = "paths-or-globs",
        AllowMultipleArgumentsPerToken = true,
        DefaultValueFactory = _ => [InputPaths.DefaultResults],
    };

    private readonly Option<string[]> coverage = new("--coverage")
    {
        Description = "Cobertura or OpenCover reports, in addition to those the results files list as attachments: paths or globs. Several are merged (union).",
        HelpName = "paths-or-globs",
        AllowMultipleArgumentsPerToken = true,
    };

    private readonly Option<string?> config = new("--config")
    {
        Description = "The qualitygate.json to judge against. Default: the nearest qualitygate.json in the current folder or above.",
        HelpName = "path",
    };

    private readonly Option<string?> phase = new("--phase")
    {
        Description = "The phase to judge against instead of the configuration's current \"phase\".",
        HelpName = "name",
    };

    private readonly Option<string?> repoRoot = new("--repo-root")
    {
        Description = "The folder coverage paths are made relative to, for the layers' globs. Default: the folder of qualitygate.json.",
        HelpName = "dir",
    };

    private readonly Option<string> report = new("--report")
    {
        Description = "Where to write the JSON report (schema qualitygate.report/1).",
        HelpName = "path",
        DefaultValueFactory = _ => "qualitygate-report.json",
    };

    private readonly Option<string> markdown = new("--markdown")
    {
        Description = "Where to write the Markdown summary (for a pull request comment or a job summary).",
        HelpName = "path",
        DefaultValueFactory = _ => "qualitygate-report.md",
    };

    private readonly Option<bool> warnOnly = new("--warn-only")
    {
        Description = "Print violations as warnings and exit 0. Missing or broken input still fails.",
    };

    private readonly TextWriter output;
    private readonly TextWriter error;
    private readonly string currentDirectory;

    private CheckCommand(TextWriter output, TextWriter error, string currentDirectory)
    {
        this.output = output;
        this.error = error;
        this.currentDirectory = currentDirectory;
        repoRoot.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } dir && !Directory.Exists(Path.GetFullPath(dir, currentDirectory)))
            {
                result.AddError($"--repo-root: the folder '{dir}' does not exist.");
            }
        });
    }

    public static Command Create(TextWriter output, TextWriter error, string currentDirectory)
    {
        var check = new CheckCommand(output, error, currentDirectory);
        var command = new Command("check", "Judge test results and coverage against the current phase of qualitygate.json; write qualitygate-report.json and a Markdown summary.")
        {
            check.results, check.coverage, check.config, check.phase, check.repoRoot, check.report, check.markdown, check.warnOnly,
        };
        command.SetAction(check.Execute);
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var jsonReport = FullPath(parse.GetValue(report)!);
        var markdownReport = FullPath(parse.GetValue(markdown)!);
        var warn = parse.GetValue(warnOnly);
        GateReport verdict;
        try
        {
            verdict = GateRunner.Run(new GateRunOptions(currentDirectory)
            {
                ConfigPath = parse.GetValue(config) is { } path ? FullPath(path) : null,
                Phase = parse.GetValue(phase),
                ResultsFiles = InputPaths.Results(parse.GetValue(results) ?? [], currentDirectory),
                CoverageFiles = InputPaths.Coverage(parse.GetValue(coverage) ?? [], currentDirectory),
                RepoRoot = parse.GetValue(repoRoot) is { } root ? FullPath(root) : null,
                JsonReportPath = jsonReport,
                MarkdownReportPath = markdownReport,
            });
        }
        catch (QualityGateException e)
        {
            // Broken input never passes, not even with --warn-only.
            error.WriteLine(e.ToString());
            return ExitCodes.For(e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error QG0000: cannot write the reports ({jsonReport}, {markdownReport}): {e.Message}");
            return ExitCodes.InternalError;
        }

        foreach (var line in ConsoleTable.Lines(verdict))
        {
            output.WriteLine(line);
        }

        foreach (var violation in verdict.Violations)
        {
            var place = violation.File is null ? string.Empty : violation.Line is { } line ? $"{violation.File}({line}): " : $"{violation.File}: ";
            output.WriteLine($"{place}{(warn ? "warning" : "error")} {violation.Code}: {violation.Message}");
        }

        output.WriteLine($"  report: {Path.GetRelativePath(currentDirectory, jsonReport)}");
        output.WriteLine($"  summary: {Path.GetRelativePath(currentDirectory, markdownReport)}");
        return verdict.Passed || warn ? ExitCodes.Passed : ExitCodes.Violations;
    }

    private string FullPath(string path) => Path.GetFullPath(path, currentDirectory);
}
