using System.CommandLine;
using System.IO;
using QualityGate.Policy;

namespace QualityGate.Tool;

/// <summary>The options every gate command shares: what to judge, and against which configuration, phase and baseline.</summary>
internal sealed class GateOptions
{
    private readonly Option<string[]> results = new("--results")
    {
        Description = "Results files (*.qualitygate.json from 'dotnet test --logger gate' or, on Microsoft.Testing.Platform, 'dotnet test --gate'): paths or globs, relative to the current folder. A glob that matches nothing is an error.",
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

    private readonly Option<bool> noAttachments = new("--no-attachments")
    {
        Description = "Judge coverage from --coverage alone, not from the reports the results files list (for example when those were not uploaded with them).",
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

    private readonly Option<string?> baseline = new("--baseline")
    {
        Description = "The baseline file. Default: the configuration's \"baseline\".\"path\", else qualitygate.baseline.json beside it.",
        HelpName = "path",
    };

    private readonly Option<string?> expectedShards = new("--expected-shards")
    {
        Description = "The shards a split CI run must deliver: a count (3) or names (unit,integration,e2e). A missing or duplicated shard is an error (QG2011, QG2012). Default: the configuration's \"shards\".",
        HelpName = "count-or-names",
    };

    private readonly string currentDirectory;

    public GateOptions(string currentDirectory)
    {
        this.currentDirectory = currentDirectory;
        repoRoot.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } dir && !Directory.Exists(Path.GetFullPath(dir, currentDirectory)))
            {
                result.AddError($"--repo-root: the folder '{dir}' does not exist.");
            }
        });
    }

    public void AddTo(Command command)
    {
        command.Options.Add(results);
        command.Options.Add(coverage);
        command.Options.Add(noAttachments);
        command.Options.Add(config);
        command.Options.Add(phase);
        command.Options.Add(repoRoot);
        command.Options.Add(baseline);
        command.Options.Add(expectedShards);
    }

    /// <summary>The run options; expanding the globs may throw the QG2008/QG3001 of a glob that matches nothing.</summary>
    public GateRunOptions ToRunOptions(ParseResult parse) => new(currentDirectory)
    {
        ConfigPath = parse.GetValue(config) is { } path ? FullPath(path) : null,
        Phase = parse.GetValue(phase),
        ResultsFiles = InputPaths.Results(parse.GetValue(results) ?? [], currentDirectory),
        CoverageFiles = InputPaths.Coverage(parse.GetValue(coverage) ?? [], currentDirectory),
        UseAttachments = !parse.GetValue(noAttachments),
        RepoRoot = parse.GetValue(repoRoot) is { } root ? FullPath(root) : null,
        BaselinePath = parse.GetValue(baseline) is { } file ? FullPath(file) : null,
        ExpectedShards = parse.GetValue(expectedShards) is { } shards ? Shards.ExpectedShards.Parse(shards) : null,
    };

    public string FullPath(string path) => Path.GetFullPath(path, currentDirectory);
}
