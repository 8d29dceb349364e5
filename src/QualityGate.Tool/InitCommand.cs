using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using QualityGate.Configuration;
using QualityGate.Diagnostics;
using QualityGate.Files;
using QualityGate.Planning;
using QualityGate.Policy;
using QualityGate.Results;
using QualityGate.Reports;

namespace QualityGate.Tool;

/// <summary>
/// 'dotnet gate init': measures a run (its results and coverage, or a test run it starts with --run) and writes a first
/// plan — qualitygate.json whose first phase holds today's values, and the baseline — so the plan passes today and
/// fails on any regression. It never replaces a plan without --force.
/// </summary>
internal sealed class InitCommand
{
    private const string SchemaFile = "qualitygate.schema.json";

    private readonly Option<bool> force = new("--force")
    {
        Description = "Replace an existing qualitygate.json and baseline.",
    };

    private readonly Option<bool> run = new("--run")
    {
        Description = "Run 'dotnet test --logger gate --collect \"XPlat Code Coverage\"' here first and measure that run.",
    };

    private readonly GateOptions gate;
    private readonly TextWriter output;
    private readonly TextWriter error;
    private readonly string currentDirectory;

    private InitCommand(TextWriter output, TextWriter error, string currentDirectory)
    {
        gate = new GateOptions(currentDirectory);
        this.output = output;
        this.error = error;
        this.currentDirectory = currentDirectory;
    }

    public static Command Create(TextWriter output, TextWriter error, string currentDirectory)
    {
        var init = new InitCommand(output, error, currentDirectory);
        var command = new Command("init", "Write a first plan from a measured run: qualitygate.json (layers, test layers, a phase at today's values) and the baseline.")
        {
            init.force, init.run,
        };
        init.gate.AddTo(command);
        command.SetAction(init.Execute);
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var target = gate.FullPath(parse.GetValue<string?>("--config") ?? ConfigLoader.FileName);
        try
        {
            var baselinePath = Path.Combine(Path.GetDirectoryName(target)!, "qualitygate.baseline.json");
            foreach (var existing in new[] { target, baselinePath }.Where(File.Exists))
            {
                if (!parse.GetValue(force))
                {
                    throw new QualityGateException(
                        DiagnosticCode.PlanExists,
                        "a plan is already here; 'dotnet gate init' never replaces one. Edit it, or pass --force to measure again and replace the plan and its baseline.",
                        existing);
                }
            }

            var measuredRun = parse.GetValue(run) ? RunTests() : null;
            var options = gate.ToRunOptions(parse);
            if (measuredRun is not null)
            {
                options.ResultsFiles = InputPaths.Results([Path.Combine(measuredRun, "*.qualitygate.json")], currentDirectory);
            }

            options.ConfigPath = null;
            options.Config = ConfigLoader.Parse("{}", target);
            var measured = GateRunner.Run(options);
            if (measured.Violations.Find(v => v.Untrusted) is { } untrusted)
            {
                throw new QualityGateException(
                    DiagnosticCode.BaselineFromUntrustedRun,
                    $"no plan is proposed from a run that is no evidence: {untrusted.Message}",
                    untrusted.File ?? target);
            }

            var root = options.RepoRoot ?? Path.GetDirectoryName(target)!;
            var proposal = PlanProposal.From(measured, options.ResultsFiles.Select(ResultsFileReader.Read).ToList(), root);
            var plan = PlanText.Write(proposal, "./" + SchemaFile, SystemClock.Now());
            // Read back as the gate will before anything is written: a plan the gate would refuse is never left behind.
            ConfigLoader.Parse(plan, target);
            AtomicFile.WriteText(target, plan, Unwritable);
            WriteSchema(Path.Combine(Path.GetDirectoryName(target)!, SchemaFile));

            options.Config = null;
            options.ConfigPath = target;
            File.Delete(baselinePath); // --force: a fresh baseline for the fresh plan, not an update of the old one
            var recorded = GateRunner.UpdateBaseline(options, new Baseline.BaselineUpdateOptions());
            Print(proposal, target, recorded);
            return recorded.Report!.Passed ? ExitCodes.Passed : ExitCodes.InternalError;
        }
        catch (QualityGateException e)
        {
            error.WriteLine(e.ToString());
            return ExitCodes.For(e);
        }
    }

    private void Print(PlanProposal proposal, string target, Baseline.BaselineUpdate recorded)
    {
        output.WriteLine($"QualityGate plan written: {Path.GetRelativePath(currentDirectory, target)} (baseline: {Path.GetRelativePath(currentDirectory, recorded.Path!)})");
        foreach (var layer in proposal.Layers)
        {
            output.WriteLine($"  layer {layer.Name,-16} {RateText.Percent(layer.Lines.Rate)} lines  ({string.Join(", ", layer.Include)})");
        }

        output.WriteLine($"  total {RateText.Percent(proposal.TotalLines.Rate)} lines, {RateText.Percent(proposal.TotalBranches.Rate)} branches; pass rate {RateText.Percent(proposal.PassRate)}; failing: {(proposal.Failures.Count == 0 ? "none" : string.Join(", ", proposal.Failures.Select(f => $"{f.Key} {f.Value}")))}");
        foreach (var reason in proposal.Reasons)
        {
            output.WriteLine($"  why: {reason}");
        }

        output.WriteLine(recorded.Report!.Passed
            ? $"  Phase \"{PlanText.FirstPhase}\" holds today's values rounded down: it passes now and fails on a regression. Edit the commented next phase, then commit both files."
            : "  The plan does not pass the run it was measured from; please report this with the files written.");
    }

    /// <summary>Runs the suite into a folder of its own, so no earlier run's results are measured with it; returns that folder.</summary>
    private string RunTests()
    {
        var results = Path.Combine(currentDirectory, "TestResults", $"qualitygate-init-{Guid.NewGuid():N}");
        output.WriteLine($"QualityGate: running 'dotnet test --logger gate --collect \"XPlat Code Coverage\" --results-directory {Path.GetRelativePath(currentDirectory, results)}' to measure today's suite...");
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            ArgumentList = { "test", "--logger", "gate", "--collect", "XPlat Code Coverage", "--results-directory", results },
            WorkingDirectory = currentDirectory,
            UseShellExecute = false,
        })!;
        process.WaitForExit();
        // Failing tests are part of what is measured: the exit code does not matter, the results files do.
        return results;
    }

    private static void WriteSchema(string path)
    {
        if (File.Exists(path))
        {
            return;
        }

        using var schema = typeof(InitCommand).Assembly.GetManifestResourceStream(SchemaFile)!;
        AtomicFile.Write(path, schema.CopyTo, Unwritable);
    }

    private static QualityGateException Unwritable(string path, Exception e) =>
        new(DiagnosticCode.ReportUnwritable, $"cannot write the plan: {e.Message} Run 'dotnet gate init' where you can write.", path, e);

}
