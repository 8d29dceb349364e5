using QualityGate.Configuration;
using QualityGate.Diagnostics;
using Xunit;

namespace QualityGate.Tests.Policy;

public class PolicyConfigTests
{
    [Theory]
    [InlineData("""{ "phases": [ { "name": "a", "layers": { "servics": { "line": 1 } } } ], "layers": { "services": { "include": ["x/**"] } } }""", "'servics'", "Valid: services")]
    [InlineData("""{ "phases": [ { "name": "a" } ], "phase": "b" }""", "names 'b', which is not a phase", "Phases: a")]
    [InlineData("""{ "phases": [ { "name": "a", "maxFailures": { "bindng": 1 } } ] }""", "category 'bindng'", "binding")]
    [InlineData("""{ "phases": [ { "name": "a", "total": { "line": 120 } } ] }""", "phases[0].total.line", "between 0 and 100")]
    [InlineData("""{ "layers": { "x": { "include": ["/abs/**"] } } }""", "absolute path", "relative")]
    [InlineData("""{ "layers": { "x": { "exclude": ["a"] } } }""", "needs \"include\"", "")]
    [InlineData("""{ "phases": [ { "name": "a", "maxFailures": { "binding": 1.5 } } ] }""", "whole number", "")]
    [InlineData("""{ "phases": [ { "name": "a", "testLayers": { "unit": { "passRate": 90 } } } ] }""", "test layer 'unit'", "declare it in \"testLayers\"")]
    public void A_contradictory_or_unknown_policy_setting_is_a_coded_error_that_points_at_the_key(string json, string says, string alsoSays)
    {
        var error = Assert.Throws<QualityGateException>(() => ConfigLoader.Parse(json, "/repo/qualitygate.json"));

        Assert.Equal(DiagnosticCode.ConfigInvalidValue, error.Code);
        Assert.Contains(says, error.Message);
        Assert.Contains(alsoSays, error.Message);
    }

    [Fact]
    public void A_user_category_can_have_a_budget()
    {
        var config = ConfigLoader.Parse(
            """{ "categories": { "rules": [ { "category": "flaky", "message": "x" } ] }, "phases": [ { "name": "a", "maxFailures": { "flaky": 3 } } ] }""",
            "q.json");

        Assert.Equal(3, config.Phases[0].Targets.MaxFailures["flaky"]);
    }

    [Fact]
    public void An_unknown_phase_override_lists_the_phases()
    {
        var config = ConfigLoader.Parse("""{ "phases": [ { "name": "2A" }, { "name": "2B" } ] }""", "q.json");

        var error = Assert.Throws<QualityGateException>(() => config.ResolvePhase("2C"));

        Assert.Contains("there is no phase '2C'. Phases in this configuration: 2A, 2B.", error.Message);
        Assert.Equal("2B", config.ResolvePhase(null)!.Name); // without "phase", the last one is current
    }
}
