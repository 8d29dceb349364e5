using System.Collections.Generic;
using QualityGate.Diagnostics;
using QualityGate.Recording;
using Xunit;

namespace QualityGate.TestingPlatform.Tests;

public class GateOptionsTests
{
    private static GateOptions Parse(params string[] tokens) => ParseWith([], tokens);

    private static GateOptions ParseWith(Dictionary<string, string> environment, params string[] tokens) =>
        GateOptions.Parse(FakeCommandLine.Of(tokens), name => environment.GetValueOrDefault(name));

    [Fact]
    public void Without_gate_nothing_is_on()
    {
        Assert.False(Parse().Enabled);
    }

    [Fact]
    public void The_options_mirror_the_loggers_parameters()
    {
        var options = Parse("--gate", "--gate-results-file", "r/{assembly}.json", "--gate-verbosity", "d", "--gate-shard", "unit-a", "--gate-phase", "2B", "--gate-warn-only");

        Assert.Equal(("r/{assembly}.json", Verbosity.Detailed, "unit-a", "2B", true), (options.ResultsFileTemplate, options.Verbosity, options.ShardName, options.PhaseName, options.IsWarnOnly));
    }

    [Fact]
    public void The_shard_comes_from_the_environment_when_the_command_line_has_none()
    {
        Assert.Equal("2", ParseWith(new() { ["QUALITYGATE_SHARD"] = " 2 " }, "--gate").ShardName);
    }

    [Theory]
    [InlineData("QG1020", "--gate-verbosity", "quiet")]
    [InlineData("QG1020", "--gate", "--gate-verbosity", "loud")]
    [InlineData("QG1020", "--gate", "--gate-shard", "a b")]
    [InlineData("QG1005", "--gate", "--gate-config", "/no/such/qualitygate.json")]
    [InlineData("QG1023", "--gate", "--ignore-exit-code", "2")]
    [InlineData("QG1023", "--gate", "--ignore-exit-code", "8;2")]
    [InlineData("QG1023", "--gate", "--ignore-exit-code", "14")]
    public void A_bad_option_is_a_coded_error_naming_it(string code, params string[] tokens)
    {
        var error = Assert.Throws<QualityGateException>(() => Parse(tokens));

        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void Ignoring_exit_code_2_through_the_environment_is_refused_too()
    {
        var error = Assert.Throws<QualityGateException>(() => ParseWith(new() { ["TESTINGPLATFORM_EXITCODE_IGNORE"] = "2" }, "--gate"));

        Assert.Equal("QG1023", error.Code);
    }

    [Fact]
    public void The_results_file_is_expanded_once_against_the_results_directory()
    {
        var options = Parse("--gate", "--gate-results-file", "gate/{assembly}.{framework}.json");

        var identity = RunIdentity.Decide(options, "/results", "Shop.Tests", "net10.0");

        Assert.Equal(System.IO.Path.GetFullPath("/results/gate/Shop.Tests.net10.0.json"), identity.ResultsFile);
        Assert.Equal(32, identity.RunId.Length);
        Assert.Equal(identity.ResultsFile + "." + identity.RunId + ".spool", identity.SpoolFile);
    }

    [Fact]
    public void The_identity_travels_to_the_test_host_through_its_environment()
    {
        var environment = new Dictionary<string, string> { ["QUALITYGATE_MTP_RUN_ID"] = "abc", ["QUALITYGATE_MTP_RESULTS_FILE"] = "/r/x.json" };

        var identity = RunIdentity.FromEnvironment(environment.GetValueOrDefault)!;

        Assert.Equal(("abc", System.IO.Path.GetFullPath("/r/x.json")), (identity.RunId, identity.ResultsFile));
        Assert.Null(RunIdentity.FromEnvironment(_ => null));
    }

    [Fact]
    public async System.Threading.Tasks.Task VSTests_logger_switch_is_answered_with_the_MTP_command()
    {
        var provider = new GateOptionsProvider(_ => null, declareLogger: true);
        var logger = Assert.Single(provider.GetCommandLineOptions(), o => o.Name == "logger");

        var result = await provider.ValidateOptionArgumentsAsync(logger, ["gate;Verbosity=detailed"]);

        Assert.False(result.IsValid);
        Assert.Contains("QG1021", result.ErrorMessage);
        Assert.Contains("dotnet test --gate", result.ErrorMessage);
    }
}
