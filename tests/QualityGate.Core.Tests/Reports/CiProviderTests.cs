using System.Collections.Generic;
using QualityGate.Diagnostics;
using QualityGate.Reports.Ci;
using Xunit;

namespace QualityGate.Tests.Reports;

public class CiProviderTests
{
    private static Dictionary<string, string?> Env(params (string Name, string? Value)[] variables)
    {
        var environment = new Dictionary<string, string?>();
        foreach (var (name, value) in variables)
        {
            environment[name] = value;
        }

        return environment;
    }

    [Theory]
    [InlineData("GITHUB_ACTIONS", "true", CiKind.GitHub)]
    [InlineData("TF_BUILD", "True", CiKind.Azure)]
    [InlineData("GITHUB_ACTIONS", "false", CiKind.None)]
    [InlineData("CI", "true", CiKind.None)]
    public void The_CI_system_is_detected_from_its_variable(string name, string value, object kind)
    {
        var expected = (CiKind)kind;
        Assert.Equal(expected, CiProvider.Detect(Env((name, value)), null));
        Assert.Equal(expected, CiProvider.Detect(Env((name, value)), "auto"));
    }

    [Theory]
    [InlineData("github", CiKind.GitHub)]
    [InlineData("Azure", CiKind.Azure)]
    [InlineData("none", CiKind.None)]
    public void The_switch_forces_a_provider_or_none_whatever_the_environment(string force, object kind)
    {
        var expected = (CiKind)kind;
        Assert.Equal(expected, CiProvider.Detect(Env(("GITHUB_ACTIONS", "true")), force));
    }

    [Fact]
    public void An_unknown_switch_value_is_a_coded_error_that_lists_the_valid_ones()
    {
        var error = Assert.Throws<QualityGateException>(() => CiProvider.Detect(Env(), "jenkins", "QualityGateCi"));

        Assert.Equal(DiagnosticCode.ConfigInvalidValue, error.Code);
        Assert.Contains("QualityGateCi is 'jenkins'", error.Message);
        Assert.Contains("auto, github, azure, none", error.Message);
    }
}
