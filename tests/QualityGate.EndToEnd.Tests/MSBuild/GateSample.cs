using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using QualityGate.PackageTests;
using Xunit;

namespace QualityGate.MSBuildTests;

/// <summary>
/// The gate fixture (tests/fixtures/Gate.Sample), built once; every scenario runs its tests with --no-build into
/// TestResults/{scenario}, where the gate also writes its reports, so no scenario reads what another wrote. A chain
/// that runs beside the verdicts' works on a copy of the built test project (<paramref name="copy"/>).
/// </summary>
internal sealed class GateSample(SourceFixtures fixtures, string? copy = null)
{
    public const string NoFailures = "Kind!=Failing";

    /// <summary>The copies of the built test project, one per chain besides the verdicts' (see SourceFixtures.Built).</summary>
    public const string RatchetCopy = "ratchet";

    /// <inheritdoc cref="RatchetCopy"/>
    public const string CodeCoverageCopy = "code-coverage";

    /// <inheritdoc cref="RatchetCopy"/>
    public const string CoverletMSBuildCopy = "coverlet-msbuild";

    /// <summary>The copies the installed tool's chain tests (ToolFeed): its judged runs, and the shard runs.</summary>
    public const string ToolCopy = "tool";

    /// <inheritdoc cref="ToolCopy"/>
    public const string ShardsCopy = "shards";

    public string Folder => fixtures.Built("Gate.Sample", "App.Tests", [RatchetCopy, CodeCoverageCopy, CoverletMSBuildCopy, ToolCopy, ShardsCopy]);

    public string Project => Path.Combine(Folder, copy is null ? "App.Tests" : $"App.Tests.{copy}");

    public string Results(string scenario) => Path.Combine(Project, "TestResults", scenario);

    /// <summary>'dotnet test --logger gate --collect "XPlat Code Coverage"' judged by a phase.</summary>
    public (int Exit, string Output) Gate(string scenario, string phase, string? filter = null, params string[] extra)
    {
        var arguments = new List<string> { "--logger", "gate", "--collect", "XPlat Code Coverage", $"-p:QualityGatePhase={phase}" };
        if (filter is not null)
        {
            arguments.AddRange(["--filter", filter]);
        }

        return Test(scenario, new Dictionary<string, string>(), [.. arguments, .. extra]);
    }

    public (int Exit, string Output) Test(string scenario, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        Test(environment, ["--results-directory", Results(scenario), .. arguments]);

    /// <summary>'dotnet test --no-build' on this build, wherever the arguments say its results go.</summary>
    public (int Exit, string Output) Test(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        fixtures.Test(Project, environment, ["--no-build", .. arguments]);

    /// <summary>The phase strict on the passing tests: a layer misses its target. Several tests read this one run.</summary>
    public (int Exit, string Output) StrictOnPassingTests() =>
        fixtures.Once("gate-sample-strict", () => Gate("strict", "strict", NoFailures));

    public JsonElement Report(string scenario)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Results(scenario), "App.Tests.net10.0.qualitygate-report.json")));
        Assert.Equal("qualitygate.report/2", document.RootElement.GetProperty("schema").GetString());
        return document.RootElement.Clone();
    }

    public string CoverageAttachment(string scenario)
    {
        var results = ResultsFile.Read(Path.Combine(Results(scenario), "App.Tests.net10.0.qualitygate.json"));
        return results.Run.GetProperty("attachments").EnumerateArray()
            .Select(a => a.GetProperty("path").GetString()!)
            .Single(p => p.EndsWith("coverage.cobertura.xml", System.StringComparison.Ordinal));
    }
}
