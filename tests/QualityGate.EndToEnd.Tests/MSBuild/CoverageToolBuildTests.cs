using System.Collections.Generic;
using System.IO;
using Xunit;

namespace QualityGate.MSBuildTests;

/// <summary>
/// The gate judges the coverage of the other tools a project may use: coverlet.msbuild (instruments before the tests
/// run) and Microsoft Code Coverage. Each instruments a copy of the gate fixture's build of its own, so no other
/// scenario runs on what it did (the fixture references coverlet.msbuild, which measures only when asked).
/// </summary>
[Collection(MSBuildTestGroup.CoverageTools)]
public class CoverageToolBuildTests(SourceFixtures fixtures)
{
    [Fact]
    public void Coverlet_msbuild_coverage_is_written_and_judged_even_when_tests_fail()
    {
        var sample = new GateSample(fixtures, GateSample.CoverletMSBuildCopy);
        var (exit, output) = fixtures.Test(
            sample.Project, new Dictionary<string, string>(), "--no-build", "--logger", "gate", "-p:QualityGatePhase=budget",
            "-p:CollectCoverage=true", "-p:CoverletOutputFormat=cobertura");

        Assert.True(exit == 0, output);
        Assert.Contains("[FAIL]", output);
        Assert.Matches(@"services\s+100\.0 % \(12/12\)", output);
        Assert.Contains("coverage.cobertura.xml", output); // coverlet.msbuild's own report, written before the gate
    }

    [Fact]
    public void Microsoft_code_coverage_in_cobertura_format_is_judged_too()
    {
        // The collector is picked at test time: the build needs nothing else.
        var sample = new GateSample(fixtures, GateSample.CodeCoverageCopy);
        var (exit, output) = sample.Test(
            "code-coverage", new Dictionary<string, string>(), "--logger", "gate", "-p:QualityGatePhase=met", "--filter", GateSample.NoFailures,
            "--collect", "Code Coverage;Format=cobertura");

        Assert.True(exit == 0, output);
        Assert.Matches(@"services\s+\d+\.\d % \(\d+/\d+\)", output);
    }
}
