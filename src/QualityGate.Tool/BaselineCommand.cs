using System.CommandLine;
using System.IO;
using QualityGate.Baseline;
using QualityGate.Diagnostics;
using QualityGate.Reports;

namespace QualityGate.Tool;

/// <summary>
/// 'dotnet gate baseline': judges the run like 'check', then writes qualitygate.baseline.json from it. Tightening is
/// always written; loosening only with --allow-loosening and a --reason, which the baseline keeps.
/// </summary>
internal sealed class BaselineCommand
{
    private readonly Option<bool> allowLoosening = new("--allow-loosening")
    {
        Description = "Accept changes that make the baseline weaker (coverage down, new known failures). Needs --reason.",
    };

    private readonly Option<string?> reason = new("--reason")
    {
        Description = "Why the baseline may loosen; recorded in the baseline for review.",
        HelpName = "text",
    };

    private readonly Option<bool> promote = new("--promote")
    {
        Description = "Record the next phase as reached. Refused unless every target of the next phase is met.",
    };

    private readonly GateOptions gate;
    private readonly TextWriter output;
    private readonly TextWriter error;

    private BaselineCommand(TextWriter output, TextWriter error, string currentDirectory)
    {
        gate = new GateOptions(currentDirectory);
        this.output = output;
        this.error = error;
    }

    public static Command Create(TextWriter output, TextWriter error, string currentDirectory)
    {
        var baseline = new BaselineCommand(output, error, currentDirectory);
        var command = new Command("baseline", "Write qualitygate.baseline.json from the current run: the measures later runs may only improve on.")
        {
            baseline.allowLoosening, baseline.reason, baseline.promote,
        };
        baseline.gate.AddTo(command);
        command.SetAction(baseline.Execute);
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var allow = parse.GetValue(allowLoosening);
        var why = parse.GetValue(reason);
        if (allow && string.IsNullOrWhiteSpace(why))
        {
            error.WriteLine("error: --allow-loosening needs --reason \"why\": the reason is kept in the baseline for review.");
            return ExitCodes.UsageOrConfiguration;
        }

        BaselineUpdate update;
        try
        {
            update = Policy.GateRunner.UpdateBaseline(gate.ToRunOptions(parse), new BaselineUpdateOptions { AllowLoosening = allow, Reason = why, Promote = parse.GetValue(promote) });
        }
        catch (QualityGateException e)
        {
            error.WriteLine(e.ToString());
            return ExitCodes.For(e);
        }

        var baseline = update.Baseline;
        output.WriteLine($"QualityGate baseline written: {update.Path}");
        output.WriteLine($"  phase reached: {baseline.Phase ?? "(none yet)"}; {baseline.Layers.Count} layers, {baseline.Files.Count} files, {baseline.KnownFailures.Count} known failures");
        if (baseline.Total is { } total)
        {
            output.WriteLine($"  total line coverage {RateText.Percent(total.Lines.Rate)}, branch coverage {RateText.Percent(total.Branches.Rate)}");
        }

        foreach (var change in update.Loosened)
        {
            output.WriteLine($"  loosened (reason recorded): {change}");
        }

        output.WriteLine("  Commit it: later runs fail if coverage falls, a pass rate falls, or a test that is not a known failure fails.");
        return ExitCodes.Passed;
    }

}
