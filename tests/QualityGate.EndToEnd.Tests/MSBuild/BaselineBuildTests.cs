using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace QualityGate.MSBuildTests;

/// <summary>
/// The ratchet from 'dotnet test': -p:QualityGateUpdateBaseline=true records qualitygate.baseline.json beside the
/// configuration, and later runs may only improve on it. The baseline is recorded once; each scenario holds its own
/// copy of it (QualityGateBaselineFile) and its own results folder, on the gate chain's build of the fixture.
/// </summary>
[Collection(MSBuildTestGroup.Gate)]
public class BaselineBuildTests(SourceFixtures fixtures)
{
    private readonly GateSample _sample = new(fixtures);

    private static readonly Dictionary<string, string> Fixed = new() { ["QG_FIXTURE_FIXED"] = "1" };
    private static readonly Dictionary<string, string> Broken = new() { ["QG_FIXTURE_BROKEN"] = "1" };

    [Fact]
    public void A_change_that_lowers_a_layer_fails_with_before_and_after()
    {
        var sample = Record();

        var (exit, output) = Test(sample, [], "--filter", "FullyQualifiedName!~Net_refuses");

        Assert.Equal(1, exit);
        Assert.Contains("error QG5001: services: line coverage fell 100.0 % → 83.3 % (−16.7 pp; tolerance 0.1 pp) since the baseline.", output);
    }

    [Fact]
    public void A_new_failing_test_fails_the_build_while_the_known_failure_does_not()
    {
        var sample = Record();

        var (exit, output) = Test(sample, Broken);

        Assert.Equal(1, exit);
        Assert.Contains("error QG5003: new failing test (assertion): App.Tests.ReportWorkerTests.CountAsync_counts_positive_items", output);
        Assert.DoesNotContain("Discount_of_zero_is_the_price —", output);
        Assert.Single(Report(sample).GetProperty("baseline").GetProperty("knownFailures").EnumerateArray());
    }

    [Fact]
    public void A_fixed_known_failure_passes_and_is_reported_and_an_update_locks_it_in()
    {
        var sample = Record();

        var (exit, output) = Test(sample, Fixed);

        Assert.True(exit == 0, output);
        var fixedTest = Assert.Single(Report(sample).GetProperty("baseline").GetProperty("fixedFailures").EnumerateArray());
        Assert.Equal("App.Tests.PriceServiceTests.Discount_of_zero_is_the_price", fixedTest.GetProperty("test").GetString());
        Assert.Contains("Fixed since the baseline", File.ReadAllText(Path.Combine(Results(sample), "App.Tests.net10.0.qualitygate-report.md")));

        var (updated, updateOutput) = Test(sample, Fixed, "-p:QualityGateUpdateBaseline=true");

        Assert.True(updated == 0, updateOutput);
        Assert.DoesNotContain("Discount_of_zero_is_the_price", File.ReadAllText(BaselinePath(sample)));
    }

    [Fact]
    public void An_update_that_loosens_is_refused_without_a_reason_and_recorded_with_one()
    {
        var sample = Record();
        var before = File.ReadAllText(BaselinePath(sample));

        var (refused, refusedOutput) = Test(sample, [], "-p:QualityGateUpdateBaseline=true", "--filter", "FullyQualifiedName!~Net_refuses");

        Assert.Equal(1, refused);
        Assert.Contains("error QG5008: the update would loosen the baseline: ", refusedOutput);
        Assert.Contains("layer services lines 100.0 % → 83.3 %", refusedOutput);
        Assert.Equal(before, File.ReadAllText(BaselinePath(sample)));

        var (allowed, allowedOutput) = Test(
            sample, [], "-p:QualityGateUpdateBaseline=true", "-p:QualityGateAllowLoosening=true",
            "-p:QualityGateBaselineReason=Dropped the negative-rate check for the demo", "--filter", "FullyQualifiedName!~Net_refuses");

        Assert.True(allowed == 0, allowedOutput);
        Assert.Contains("\"reason\": \"Dropped the negative-rate check for the demo\"", File.ReadAllText(BaselinePath(sample)));
    }

    /// <summary>
    /// A scenario's own copy of the baseline recorded (once) from a run with one known failure; returns the scenario.
    /// </summary>
    private string Record([System.Runtime.CompilerServices.CallerMemberName] string scenario = "")
    {
        var recorded = fixtures.Once("gate-sample-baseline", () =>
        {
            var baseline = Path.Combine(Directory.CreateDirectory(_sample.Results("baseline-record")).FullName, "qualitygate.baseline.json");
            var (exit, output) = _sample.Gate("baseline-record", "met", null, "-p:QualityGateUpdateBaseline=true", $"-p:QualityGateBaselineFile={baseline}");
            Assert.True(exit == 0, output);
            Assert.Contains("QualityGate baseline written", output);
            Assert.Contains("\"test\": \"App.Tests.PriceServiceTests.Discount_of_zero_is_the_price\"", File.ReadAllText(baseline));
            return baseline;
        });
        Directory.CreateDirectory(_sample.Results(scenario));
        File.Copy(recorded, BaselinePath(scenario));
        return scenario;
    }

    private (int Exit, string Output) Test(string sample, Dictionary<string, string> environment, params string[] extra) =>
        _sample.Test(sample, environment, ["--logger", "gate", "--collect", "XPlat Code Coverage", "-p:QualityGatePhase=met", $"-p:QualityGateBaselineFile={BaselinePath(sample)}", .. extra]);

    private string BaselinePath(string sample) => Path.Combine(_sample.Results(sample), "qualitygate.baseline.json");

    private string Results(string sample) => _sample.Results(sample);

    private JsonElement Report(string sample) => _sample.Report(sample);
}
