using QualityGate.Diagnostics;
using QualityGate.Tasks;
using Xunit;

namespace QualityGate.AdapterTests;

/// <summary>Finding the gate logger among the test task's loggers and handing it this run's identity.</summary>
public class GateLoggerInvocationTests
{
    [Fact]
    public void The_gate_logger_and_its_parameters_are_found_in_one_item_as_dotnet_test_passes_them()
    {
        var found = GateLoggerInvocation.Find(["trx;LogFileName=a.trx", "gate;Verbosity=quiet;Shard=2"])!;

        Assert.Equal((1, 1), (found.First, found.Last));
        Assert.Equal("quiet", found.Parameters["Verbosity"]);
        Assert.Equal("2", found.Parameters["Shard"]);
    }

    [Fact]
    public void Parameters_split_into_items_of_their_own_belong_to_the_gate_logger_before_them()
    {
        var found = GateLoggerInvocation.Find(["GATE", "Verbosity=quiet", "console;verbosity=minimal"])!;

        Assert.Equal((0, 1), (found.First, found.Last));
        Assert.Equal("quiet", Assert.Single(found.Parameters).Value);
    }

    [Fact]
    public void Without_the_gate_logger_there_is_nothing_to_hand_off() =>
        Assert.Null(GateLoggerInvocation.Find(["trx", "console;verbosity=normal", "gatekeeper"]));

    [Fact]
    public void The_rewritten_loggers_carry_the_run_id_and_absolute_paths_and_keep_everything_else()
    {
        string[] loggers = ["trx", "gate;Verbosity=quiet;LogFilePath=x.json", "console;verbosity=minimal"];
        var found = GateLoggerInvocation.Find(loggers)!;

        var rewritten = found.Rewrite(loggers, "abc123", "/r/TestResults/x.json", "/r/qualitygate.json");

        Assert.Equal(["trx", "gate;RunId=abc123;LogFilePath=/r/TestResults/x.json;Config=/r/qualitygate.json;Verbosity=quiet", "console;verbosity=minimal"], rewritten);
    }

    [Theory]
    [InlineData("gate;Verbosity=quiet", "gate;Verbosity=loud")]
    [InlineData("gate;Verbosity=quiet;Verbosity=loud", null)]
    public void The_gate_logger_or_a_parameter_given_twice_is_refused(string first, string? second)
    {
        string[] loggers = second is null ? [first] : [first, second];

        var error = Assert.Throws<QualityGateException>(() => GateLoggerInvocation.Find(loggers));

        Assert.Equal(DiagnosticCode.LoggerInvalidParameter, error.Code);
        Assert.Contains("twice", error.Message);
    }

    [Fact]
    public void A_path_the_logger_arguments_cannot_carry_is_refused_with_advice()
    {
        var found = GateLoggerInvocation.Find(["gate"])!;

        var error = Assert.Throws<QualityGateException>(() => found.Rewrite(["gate"], "r", "/a;b/x.json", null));

        Assert.Contains("contains ';' or '='", error.Message);
    }
}
