using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using QualityGate.Baseline;
using QualityGate.Configuration;
using QualityGate.Coverage;
using QualityGate.Diagnostics;
using QualityGate.Reports;
using QualityGate.Results;
using QualityGate.Shards;

namespace QualityGate.Policy;

/// <summary>What one gate run reads, and where it writes its reports.</summary>
internal sealed class GateRunOptions
{
    public GateRunOptions(string startDirectory)
    {
        StartDirectory = startDirectory;
    }

    /// <summary>Where to look for qualitygate.json (walking up) when <see cref="ConfigPath"/> is not set.</summary>
    public string StartDirectory { get; }

    public string? ConfigPath { get; set; }

    /// <summary>A configuration already loaded (dotnet gate init judges a run against the empty one); wins over <see cref="ConfigPath"/>.</summary>
    public GateConfig? Config { get; set; }

    public string? Phase { get; set; }

    public IReadOnlyList<string> ResultsFiles { get; set; } = [];

    /// <summary>
    /// The identity the build gave this test run: the single results file must carry it (MSBuild's gate after
    /// 'dotnet test'). Null for 'dotnet gate check', which judges files from earlier runs on purpose.
    /// </summary>
    public string? ExpectedRunId { get; set; }

    /// <summary>Coverage reports given explicitly, in addition to those the results files list as attachments.</summary>
    public IReadOnlyList<string> CoverageFiles { get; set; } = [];

    /// <summary>Whether to read the coverage reports the results files list; false judges <see cref="CoverageFiles"/> alone.</summary>
    public bool UseAttachments { get; set; } = true;

    /// <summary>The folder coverage paths are made relative to; defaults to the configuration's folder.</summary>
    public string? RepoRoot { get; set; }

    /// <summary>A baseline file to use instead of the configuration's (MSBuild QualityGateBaselineFile, --baseline).</summary>
    public string? BaselinePath { get; set; }

    /// <summary>The shards a split CI run must deliver, overriding the configuration's "shards".</summary>
    public Shards.ExpectedShards? ExpectedShards { get; set; }

    /// <summary>A unified diff ('git diff --unified=0 --find-renames base') for patch coverage, or null.</summary>
    public string? Diff { get; set; }

    /// <summary>The folder the diff's paths are relative to (the git top folder).</summary>
    public string? DiffRoot { get; set; }

    /// <summary>
    /// What the run writes once judged (the JSON and Markdown reports, HTML, badges, JUnit, history, CI commands), or
    /// null for nothing: QualityGate.Reporting's GateReports, set by the task and the tool.
    /// </summary>
    public IGateReports? Reports { get; set; }
}

/// <summary>
/// The whole gate, from file paths to a verdict: used alike by the MSBuild task and by 'dotnet gate check', so the
/// two cannot disagree.
/// </summary>
internal static class GateRunner
{
    public static GateReport Run(GateRunOptions options) => Judge(options).Report;

    /// <summary>Judges the run, then writes a new baseline from it (refusing to loosen it without a reason).</summary>
    public static BaselineUpdate UpdateBaseline(GateRunOptions options, BaselineUpdateOptions update)
    {
        var judged = Judge(options);
        if (judged.Report.Violations.Find(v => v.Untrusted) is { } untrusted)
        {
            throw new QualityGateException(
                DiagnosticCode.BaselineFromUntrustedRun,
                $"no baseline is recorded from this run, because the run itself is no evidence: {untrusted.Message} " +
                "Run the tests again, completely, then record the baseline.",
                judged.Runs.Count > 0 ? judged.Runs[0].Path : options.StartDirectory);
        }

        if (judged.Report.Baseline?.Slice is { } slice)
        {
            throw new QualityGateException(
                DiagnosticCode.BaselineScopeMismatch,
                $"this baseline is the solution's ({string.Join(", ", judged.Baseline!.Assemblies)}), and this run has only {string.Join(", ", slice)}: " +
                "updating it from one project would drop the others. Record it from the whole solution with 'dotnet gate baseline'.",
                judged.Config.Baseline!.Path);
        }

        var settings = judged.Config.Baseline ?? throw new QualityGateException(
            DiagnosticCode.ConfigNotFound,
            "a baseline lives beside qualitygate.json, and there is none: create qualitygate.json (even '{}') first.",
            options.StartDirectory);
        var result = BaselineUpdater.Update(judged.Baseline, judged.Report, judged.Config, judged.Runs, update);
        BaselineFile.Write(result.Baseline, settings.Path);
        result.Path = settings.Path;
        result.Report = judged.Report;
        return result;
    }

    private static Judged Judge(GateRunOptions options)
    {
        var config = options.Config ?? ConfigLoader.Discover(options.ConfigPath, options.StartDirectory);
        if (options.BaselinePath is not null)
        {
            config.Baseline = new BaselineSettings(Path.GetFullPath(options.BaselinePath))
            {
                Tolerance = config.Baseline?.Tolerance ?? 0.1,
                FileTolerance = config.Baseline?.FileTolerance ?? 1.0,
                Required = config.Baseline?.Required ?? false,
            };
        }

        if (options.ResultsFiles.Count == 0)
        {
            throw new QualityGateException(
                DiagnosticCode.ResultsMissing,
                "no results files to judge. Run the tests with 'dotnet test --logger gate' (VSTest) or 'dotnet test --gate' (Microsoft.Testing.Platform) and pass the *.qualitygate.json files they write.",
                options.StartDirectory);
        }

        var read = options.ExpectedRunId is { } runId
            ? options.ResultsFiles.Select(path => RunHandOff.Read(path, runId)).ToList()
            : options.ResultsFiles.Select(ResultsFileReader.Read).ToList();
        ShardSet.Check(read, options.ExpectedShards ?? config.ExpectedShards);
        var runs = ShardSet.Merge(read).ToList();
        var mapper = new PathMapper(Path.GetFullPath(options.RepoRoot ?? config.Directory ?? options.StartDirectory));
        var baseline = config.Baseline is { } settings && File.Exists(settings.Path) ? BaselineFile.Read(settings.Path) : null;
        if (baseline is not null)
        {
            BaselineMigration.ToTestIdentities(baseline, runs);
        }

        var input = new GateInput(config, runs) { PhaseOverride = options.Phase, Baseline = baseline };
        var coverageRead = ReadCoverage(options, config, runs, mapper, input);
        RunOutputs.Check(options, config, coverageRead);
        if (options.Diff is { } diff)
        {
            var coverage = input.Coverage ?? throw new QualityGateException(
                DiagnosticCode.CoverageMissing,
                "patch coverage needs a coverage report, and the run produced none. Collect coverage in the test runs.",
                options.StartDirectory);
            var diffRoot = options.DiffRoot ?? mapper.RepoRoot;
            input.Patch = Patch.PatchCoverage.Compute(Patch.UnifiedDiff.Parse(diff), coverage, path => mapper.Map(Path.Combine(diffRoot, path), []));
        }
        var report = GateEvaluator.Evaluate(input);
        report.SourceRoot = mapper.RepoRoot;
        options.Reports?.Write(report, runs);
        return new Judged(config, runs, baseline, report);
    }

    private static HashSet<string> ReadCoverage(GateRunOptions options, GateConfig config, List<RecordedRun> runs, PathMapper mapper, GateInput input)
    {
        IReadOnlyCollection<string> testCode = config.IncludeTestCode ? [] : runs.Select(r => r.Assembly).Distinct(StringComparer.Ordinal).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var binary = new List<string>();
        CoverageData? all = null;
        var byLayer = new Dictionary<string, CoverageData>(StringComparer.Ordinal);

        void Add(string path, string? testLayer)
        {
            var full = Path.GetFullPath(path);
            if (!seen.Add(full))
            {
                return;
            }

            var data = CoverageReader.Read(full, mapper, testCode);
            (all ??= new CoverageData()).Merge(data);
            if (testLayer is not null)
            {
                if (!byLayer.TryGetValue(testLayer, out var layerData))
                {
                    byLayer[testLayer] = layerData = new CoverageData();
                }

                layerData.Merge(data);
            }
        }

        var merged = MicrosoftCoverageMerged(runs);
        foreach (var run in options.UseAttachments ? runs : [])
        {
            var testLayer = TestLayer.Resolve(config.TestLayers, run.Assembly, []);
            foreach (var attachment in run.Attachments)
            {
                var name = Path.GetFileName(attachment.Path);
                if (merged && IsMicrosoftCoverage(attachment))
                {
                    // The solution's merge: every project's coverage in one report, of no single test layer.
                    if (File.Exists(attachment.Path))
                    {
                        Add(attachment.Path, null);
                    }
                }
                else if (name.EndsWith(".coverage", StringComparison.OrdinalIgnoreCase))
                {
                    binary.Add(attachment.Path);
                }
                else if (name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
                         && (name.IndexOf("cobertura", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("opencover", StringComparison.OrdinalIgnoreCase) >= 0))
                {
                    Add(attachment.Path, testLayer);
                }
            }
        }

        foreach (var path in options.CoverageFiles)
        {
            Add(path, null);
        }

        if (all is null && binary.Count > 0)
        {
            throw new QualityGateException(
                DiagnosticCode.CoverageForeignFormat,
                "the run attached coverage only in the binary .coverage format, which QualityGate cannot read. " +
                "Collect it as Cobertura: --collect \"Code Coverage;Format=cobertura\".",
                binary[0]);
        }

        input.Coverage = all;
        input.CoverageByTestLayer = byLayer;
        return seen;
    }

    /// <summary>
    /// After 'dotnet test' on a solution with Microsoft Code Coverage, VSTest merges the projects' reports into the one
    /// it keeps at the first project's path and deletes the others: some of the runs list a report that is gone and one
    /// lists the merge. Only then is a missing Microsoft report not an error.
    /// </summary>
    private static bool MicrosoftCoverageMerged(IReadOnlyList<RecordedRun> runs)
    {
        var reports = runs.SelectMany(r => r.Attachments).Where(IsMicrosoftCoverage).Select(a => File.Exists(a.Path)).ToList();
        return reports.Count > 1 && reports.Contains(true) && reports.Contains(false);
    }

    private static bool IsMicrosoftCoverage(RunAttachment attachment) =>
        attachment.Collector is { } collector && collector.StartsWith("datacollector://Microsoft/CodeCoverage/", StringComparison.OrdinalIgnoreCase);

    private sealed class Judged
    {
        public Judged(GateConfig config, List<RecordedRun> runs, BaselineData? baseline, GateReport report)
        {
            Config = config;
            Runs = runs;
            Baseline = baseline;
            Report = report;
        }

        public GateConfig Config { get; }

        public List<RecordedRun> Runs { get; }

        public BaselineData? Baseline { get; }

        public GateReport Report { get; }
    }
}
