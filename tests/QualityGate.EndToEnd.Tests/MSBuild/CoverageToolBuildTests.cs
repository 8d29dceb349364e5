using System.Collections.Generic;
using System.IO;
using Xunit;

namespace QualityGate.MSBuildTests;

/// <summary>
/// The gate judges the coverage of the other tools a project may use: coverlet.msbuild (instruments in the build) and
/// Microsoft Code Coverage. Each instruments a build of the gate fixture of its own: coverlet.msbuild's is built with it,
/// Microsoft Code Coverage's is a copy of the verdicts' build.
/// </summary>
[Collection(MSBuildTestGroup.CoverageTools)]
public class CoverageToolBuildTests(SourceFixtures fixtures)
{
    [Fact]
    public void Coverlet_msbuild_coverage_is_written_and_judged_even_when_tests_fail()
    {
        // coverlet.msbuild is a package of its own (restored with the property), so this is a build of its own.
        var folder = fixtures.Built("Gate.Sample", "App.Tests", "Gate.Sample.coverlet-msbuild", "-p:UseCoverletMSBuild=true");
        var (exit, output) = fixtures.Test(
            Path.Combine(folder, "App.Tests"), new Dictionary<string, string>(), "--no-build", "--logger", "gate", "-p:QualityGatePhase=budget",
            "-p:UseCoverletMSBuild=true", "-p:CollectCoverage=true", "-p:CoverletOutputFormat=cobertura");

        Assert.True(exit == 0, output);
        Assert.Contains("[FAIL]", output);
        Assert.Matches(@"services\s+100\.0 % \(12/12\)", output);
        Assert.Contains("coverage.cobertura.xml", output); // coverlet.msbuild's own report, written before the gate
    }

    [Fact]
    public void Microsoft_code_coverage_in_cobertura_format_is_judged_too()
    {
        // Another instrumenter of the same assemblies: a copy of the gate fixture's build of its own (the build needs
        // nothing else: the collector is picked at test time), so no other scenario runs on what it did.
        var sample = new GateSample(fixtures, GateSample.CodeCoverageCopy);
        var (exit, output) = sample.Test(
            "code-coverage", new Dictionary<string, string>(), "--logger", "gate", "-p:QualityGatePhase=met", "--filter", GateSample.NoFailures,
            "--collect", "Code Coverage;Format=cobertura");

        Assert.True(exit == 0, output);
        Assert.Matches(@"services\s+\d+\.\d % \(\d+/\d+\)", output);
    }
}
