using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace QualityGate.MSBuildTests;

/// <summary>
/// The ratchet from 'dotnet test': -p:QualityGateUpdateBaseline=true records qualitygate.baseline.json beside the
/// configuration, and later runs may only improve on it. The baseline is recorded once; each scenario holds its own
/// copy of it (QualityGateBaselineFile) and its own results folder, on the ratchet's copy of the fixture's build. What
/// a real build proves is here: the four properties reach the task, a baseline is read and held and written. How the
/// task judges a new or fixed failure, and refuses a loosening without a reason, is tested through its Execute
/// (BaselineTaskTests).
/// </summary>
[Collection(MSBuildTestGroup.Ratchet)]
public class BaselineBuildTests(SourceFixtures fixtures)
{
    private readonly GateSample _sample = new(fixtures, GateSample.RatchetCopy);

    [Fact]
    public void A_change_that_lowers_a_layer_fails_with_before_and_after()
    {
        var sample = Record();

        var (exit, output) = Test(sample, "--filter", "FullyQualifiedName!~Net_refuses");

        Assert.Equal(1, exit);
        Assert.Contains("error QG5001: services: line coverage fell 100.0 % → 83.3 % (−16.7 pp; tolerance 0.1 pp) since the baseline.", output);
    }

    [Fact]
    public void An_update_that_loosens_is_recorded_with_the_reason_given()
    {
        var sample = Record();

        var (allowed, allowedOutput) = Test(
            sample, "-p:QualityGateUpdateBaseline=true", "-p:QualityGateAllowLoosening=true",
            "-p:QualityGateBaselineReason=Dropped the negative-rate check for the demo", "--filter", "FullyQualifiedName!~Net_refuses");

        Assert.True(allowed == 0, allowedOutput);
        // Each list in the file ends with null (every entry ends with a comma, so a change is one line); readers skip it.
        using var written = JsonDocument.Parse(File.ReadAllText(BaselinePath(sample)));
        var loosening = Assert.Single(written.RootElement.GetProperty("loosenings").EnumerateArray(), l => l.ValueKind != JsonValueKind.Null);
        Assert.Equal("Dropped the negative-rate check for the demo", loosening.GetProperty("reason").GetString());
        Assert.Contains("layer services lines 100.0 % → 83.3 %", loosening.GetProperty("changes").EnumerateArray().Select(c => c.GetString()));
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

    private (int Exit, string Output) Test(string sample, params string[] extra) =>
        _sample.Test(sample, new Dictionary<string, string>(), ["--logger", "gate", "--collect", "XPlat Code Coverage", "-p:QualityGatePhase=met", $"-p:QualityGateBaselineFile={BaselinePath(sample)}", .. extra]);

    private string BaselinePath(string sample) => Path.Combine(_sample.Results(sample), "qualitygate.baseline.json");
}
