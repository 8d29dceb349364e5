using System.Collections.Generic;
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
    private readonly Option<string> report = new("--report")
    {
        Description = "Where to write the JSON report (schema qualitygate.report/2).",
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
        Description = "Print violations as warnings and exit 0. Missing or broken input, an aborted run or one that executed no test still fails.",
    };

    private readonly Option<string?> diffBase = new("--diff-base")
    {
        Description = "Measure the coverage of the lines changed since the merge base with this git revision (e.g. origin/main): patch coverage, with the phase's \"patch\" target.",
        HelpName = "revision",
    };

    private readonly Option<string> outputDir = new("--output-dir")
    {
        Description = "The folder for the HTML report, the badges and (with --junit) the JUnit XML.",
        HelpName = "dir",
        DefaultValueFactory = _ => "qualitygate",
    };

    private readonly Option<string?> ci = new("--ci")
    {
        Description = "CI integration: auto (detect GitHub Actions or Azure Pipelines), github, azure or none. On CI: the step summary and annotations.",
        HelpName = "auto|github|azure|none",
    };

    private readonly Option<string?> history = new("--history")
    {
        Description = "A history file to append this run to, for the trend charts (kept to the last 200 runs).",
        HelpName = "path",
    };

    private readonly Option<bool> junit = new("--junit")
    {
        Description = "Also write the results as JUnit XML (qualitygate-junit.xml in --output-dir), for CI systems that ingest it.",
    };

    private readonly GateOptions gate;
    private readonly TextWriter output;
    private readonly TextWriter error;
    private readonly string currentDirectory;
    private readonly IReadOnlyDictionary<string, string?>? environment;

    private CheckCommand(TextWriter output, TextWriter error, string currentDirectory, IReadOnlyDictionary<string, string?>? environment)
    {
        gate = new GateOptions(currentDirectory);
        this.output = output;
        this.error = error;
        this.currentDirectory = currentDirectory;
        this.environment = environment;
    }

    public static Command Create(TextWriter output, TextWriter error, string currentDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var check = new CheckCommand(output, error, currentDirectory, environment);
        var command = new Command("check", "Judge test results and coverage against the current phase of qualitygate.json; write qualitygate-report.json and a Markdown summary.")
        {
            check.report, check.markdown, check.warnOnly, check.diffBase, check.outputDir, check.ci, check.history, check.junit,
        };
        check.gate.AddTo(command);
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
            var options = gate.ToRunOptions(parse);
            var publish = PublishOptions.For(FullPath(parse.GetValue(outputDir)!), environment ?? PublishOptions.ProcessEnvironment(), parse.GetValue(ci), "--ci");
            publish.HistoryPath = parse.GetValue(history) is { } historyPath ? FullPath(historyPath) : null;
            publish.JUnit = parse.GetValue(junit);
            options.Reports = new GateReports { JsonPath = jsonReport, MarkdownPath = markdownReport, Console = output, Publish = publish };
            if (parse.GetValue(diffBase) is { } revision)
            {
                (options.Diff, options.DiffRoot) = GitDiff.Since(revision, currentDirectory);
            }

            verdict = GateRunner.Run(options);
        }
        catch (QualityGateException e)
        {
            // Broken input never passes, not even with --warn-only.
            error.WriteLine(e.ToString());
            return ExitCodes.For(e);
        }

        foreach (var line in ConsoleTable.Lines(verdict))
        {
            output.WriteLine(line);
        }

        foreach (var violation in verdict.Violations)
        {
            var place = violation.File is null ? string.Empty : violation.Line is { } line ? $"{violation.File}({line}): " : $"{violation.File}: ";
            output.WriteLine($"{place}{(warn && !violation.Untrusted ? "warning" : "error")} {violation.Code}: {violation.Message}");
        }

        output.WriteLine($"  report: {Path.GetRelativePath(currentDirectory, jsonReport)}");
        output.WriteLine($"  summary: {Path.GetRelativePath(currentDirectory, markdownReport)}");
        foreach (var file in verdict.PublishedFiles)
        {
            output.WriteLine($"  wrote: {Path.GetRelativePath(currentDirectory, file)}");
        }

        // A run that is no evidence (aborted, nothing executed) fails whatever the mode.
        return verdict.Passed || (warn && verdict.Trusted) ? ExitCodes.Passed : ExitCodes.Violations;
    }

    private string FullPath(string path) => gate.FullPath(path);
}
