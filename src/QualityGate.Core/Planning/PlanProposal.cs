using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using QualityGate.Reports;
using QualityGate.Results;

namespace QualityGate.Planning;

/// <summary>A proposed source layer: a folder name shared by one or more projects, with what it measures today.</summary>
internal sealed class ProposedLayer
{
    public ProposedLayer(string name, IReadOnlyList<string> include, Ratio lines, Ratio branches, int files)
    {
        Name = name;
        Include = include;
        Lines = lines;
        Branches = branches;
        Files = files;
    }

    public string Name { get; }

    public IReadOnlyList<string> Include { get; }

    public Ratio Lines { get; }

    public Ratio Branches { get; }

    public int Files { get; }
}

/// <summary>A proposed test layer: test projects by a naming convention, with their pass rate today.</summary>
internal sealed class ProposedTestLayer
{
    public ProposedTestLayer(string name, IReadOnlyList<string> projects, int passed, int failed)
    {
        Name = name;
        Projects = projects;
        Passed = passed;
        Failed = failed;
    }

    public string Name { get; }

    /// <summary>The project name patterns ("*.UnitTests") and the projects they stand for.</summary>
    public IReadOnlyList<string> Projects { get; }

    public int Passed { get; }

    public int Failed { get; }

    public double? PassRate => Passed + Failed == 0 ? null : Passed * 100.0 / (Passed + Failed);
}

/// <summary>
/// A first plan from a measured run, as the plans QualityGate serves begin: measure today ("services 68 %, 112
/// failures"), then set phases above it. Layers come from the folders the coverage actually covers, test layers from
/// test project names, and the first phase's targets are today's values rounded down, so the plan passes today and
/// fails on a regression.
/// </summary>
internal sealed class PlanProposal
{
    /// <summary>More layers than this read as noise in a first plan; the rest stay unlayered.</summary>
    public const int MaxLayers = 8;

    private static readonly (string Layer, string[] Suffixes)[] TestLayerNames =
    [
        ("unit", [".UnitTests", ".Unit.Tests"]),
        ("integration", [".IntegrationTests", ".Integration.Tests"]),
        ("e2e", [".E2E", ".E2ETests", ".E2E.Tests", ".EndToEndTests", ".AcceptanceTests"]),
    ];

    private PlanProposal()
    {
    }

    public List<ProposedLayer> Layers { get; } = [];

    public List<ProposedTestLayer> TestLayers { get; } = [];

    public Ratio TotalLines { get; private set; }

    public Ratio TotalBranches { get; private set; }

    public int Passed { get; private set; }

    public int Failed { get; private set; }

    public double? PassRate => Passed + Failed == 0 ? null : Passed * 100.0 / (Passed + Failed);

    /// <summary>Failing tests by category today: the first phase's budgets.</summary>
    public SortedDictionary<string, int> Failures { get; } = new(StringComparer.Ordinal);

    /// <summary>Why the proposal looks as it does, one sentence each, for the console.</summary>
    public List<string> Reasons { get; } = [];

    /// <summary>Proposes a plan from a judged run (an empty configuration's report) and its results files.</summary>
    public static PlanProposal From(GateReport report, IReadOnlyList<RecordedRun> runs, string repoRoot)
    {
        var proposal = new PlanProposal { Passed = report.TestsPassed, Failed = report.TestsFailed };
        var testProjects = runs.Select(r => r.Assembly).Distinct(StringComparer.Ordinal).ToList();
        var files = report.Files.Where(f => !Path.IsPathRooted(f.Path) && !IsTestCode(f.Path, testProjects)).ToList();
        var outside = report.Files.Count(f => Path.IsPathRooted(f.Path));
        if (outside > 0)
        {
            proposal.Reasons.Add($"{outside} covered file{(outside == 1 ? " is" : "s are")} outside {repoRoot} and left out of the layers.");
        }

        proposal.TotalLines = Sum(files.Select(f => f.Lines));
        proposal.TotalBranches = Sum(files.Select(f => f.Branches));
        proposal.ProposeLayers(files, repoRoot);
        proposal.ProposeTestLayers(runs);
        foreach (var category in report.Categories)
        {
            proposal.Failures[category.Name] = category.Count;
        }

        return proposal;
    }

    private void ProposeLayers(List<FileResult> files, string repoRoot)
    {
        var byFolder = new Dictionary<string, (List<string> Include, List<FileResult> Files)>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var project = ProjectFolder(file.Path, repoRoot);
            var rest = file.Path.Substring(project.Length).TrimStart('/');
            var slash = rest.IndexOf('/');
            if (slash <= 0)
            {
                continue; // at a project's root: no layer of its own
            }

            var folder = rest.Substring(0, slash);
            var name = LayerName(folder);
            if (!byFolder.TryGetValue(name, out var layer))
            {
                byFolder[name] = layer = ([], []);
            }

            var glob = (project.Length == 0 ? string.Empty : project + "/") + folder + "/**/*.cs";
            if (!layer.Include.Contains(glob))
            {
                layer.Include.Add(glob);
            }

            layer.Files.Add(file);
        }

        var ranked = byFolder
            .Select(p => new ProposedLayer(p.Key, p.Value.Include.OrderBy(g => g, StringComparer.Ordinal).ToList(), Sum(p.Value.Files.Select(f => f.Lines)), Sum(p.Value.Files.Select(f => f.Branches)), p.Value.Files.Count))
            .Where(l => l.Lines.Valid > 0)
            .OrderByDescending(l => l.Lines.Valid).ThenBy(l => l.Name, StringComparer.Ordinal)
            .ToList();
        Layers.AddRange(ranked.Take(MaxLayers).OrderBy(l => l.Name, StringComparer.Ordinal));
        Reasons.Add(Layers.Count == 0
            ? "No layers: the covered files sit at their projects' roots; add layers by folder when the code has them."
            : $"Layers are the folders the coverage covers below each project ({string.Join(", ", Layers.Select(l => l.Name))}); a folder of the same name in several projects is one layer.");
        if (ranked.Count > MaxLayers)
        {
            Reasons.Add($"{ranked.Count - MaxLayers} smaller folders ({string.Join(", ", ranked.Skip(MaxLayers).Select(l => l.Name))}) stay unlayered; a first plan reads better with few layers.");
        }
    }

    private void ProposeTestLayers(IReadOnlyList<RecordedRun> runs)
    {
        var layers = new SortedDictionary<string, (SortedSet<string> Patterns, int Passed, int Failed)>(StringComparer.Ordinal);
        foreach (var run in runs)
        {
            var (layer, pattern) = TestLayerOf(run.Assembly);
            if (!layers.TryGetValue(layer, out var entry))
            {
                entry = (new SortedSet<string>(StringComparer.Ordinal), 0, 0);
            }

            entry.Patterns.Add(pattern);
            layers[layer] = (entry.Patterns, entry.Passed + run.Tests.Count(t => t.Outcome == TestOutcome.Passed), entry.Failed + run.Tests.Count(t => t.Outcome == TestOutcome.Failed));
        }

        foreach (var pair in layers)
        {
            TestLayers.Add(new ProposedTestLayer(pair.Key, pair.Value.Patterns.ToList(), pair.Value.Passed, pair.Value.Failed));
        }

        if (TestLayers.Count > 0)
        {
            Reasons.Add($"Test layers come from the test projects' names: {string.Join("; ", TestLayers.Select(l => $"{l.Name} ({string.Join(", ", l.Projects)})"))}.");
        }
    }

    private static (string Layer, string Pattern) TestLayerOf(string assembly)
    {
        foreach (var (layer, suffixes) in TestLayerNames)
        {
            foreach (var suffix in suffixes)
            {
                if (assembly.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    return (layer, "*" + suffix);
                }
            }
        }

        // Any other test project (*.Tests, *.Specs) is a unit test project until the team says otherwise.
        var dot = assembly.LastIndexOf('.');
        return ("unit", dot > 0 ? "*" + assembly.Substring(dot) : assembly);
    }

    /// <summary>The test projects' own code is not the product's: Microsoft's collector measures it too.</summary>
    private static bool IsTestCode(string path, List<string> testProjects) =>
        testProjects.Exists(project => path.StartsWith(project + "/", StringComparison.Ordinal) || path.IndexOf("/" + project + "/", StringComparison.Ordinal) >= 0);

    /// <summary>The folder holding the file's project (the nearest *.csproj above it), else the path's first folder.</summary>
    private static string ProjectFolder(string path, string repoRoot)
    {
        var folder = Path.GetDirectoryName(path)?.Replace('\\', '/') ?? string.Empty;
        for (var candidate = folder; candidate.Length > 0; candidate = Path.GetDirectoryName(candidate)?.Replace('\\', '/') ?? string.Empty)
        {
            var directory = Path.Combine(repoRoot, candidate);
            if (Directory.Exists(directory) && Directory.EnumerateFiles(directory, "*.csproj").Any())
            {
                return candidate;
            }
        }

        var parts = path.Split('/');
        return parts.Length > 2 && parts[0] == "src" ? parts[0] + "/" + parts[1] : parts.Length > 1 ? parts[0] : string.Empty;
    }

    private static string LayerName(string folder)
    {
        var chars = folder.ToLowerInvariant().Select(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '-').ToArray();
        return new string(chars).Trim('-');
    }

    private static Ratio Sum(IEnumerable<Ratio> ratios)
    {
        int covered = 0, valid = 0;
        foreach (var ratio in ratios)
        {
            covered += ratio.Covered;
            valid += ratio.Valid;
        }

        return new Ratio(covered, valid);
    }
}
