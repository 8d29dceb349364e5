using System.IO;
using System.Linq;
using QualityGate.Tasks;
using QualityGate.Tests;
using Xunit;

namespace QualityGate.AdapterTests;

/// <summary>QualityGateBeginRun through Execute: the run's identity decided once, a broken logger refused before the tests.</summary>
public class BeginRunTaskTests
{
    [Fact]
    public void The_gate_logger_is_handed_the_run_id_the_absolute_results_path_and_the_configuration()
    {
        using var temp = new TempFolder();
        File.WriteAllText(Path.Combine(temp.Path, "qualitygate.json"), "{}");
        var (task, engine) = Task(temp, "trx", "gate;Verbosity=minimal");

        Assert.True(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));

        Assert.Matches("^[0-9a-f]{32}$", task.RunId);
        Assert.Equal(Path.Combine(temp.Path, "TestResults", "App.Tests.net10.0.qualitygate.json"), task.DecidedResultsFile);
        Assert.Equal(Path.Combine(temp.Path, "qualitygate.json"), task.DecidedConfig);
        Assert.Equal(["trx", $"gate;RunId={task.RunId};LogFilePath={task.DecidedResultsFile};Config={task.DecidedConfig};Verbosity=minimal"], task.Loggers);
    }

    // Was a real run in the package tier (LogFilePath=rows/{assembly}-{framework}.json on a fixture): the build decides
    // the path here and hands the logger an absolute one, which GateLoggerTests shows the logger writes to.
    [Fact]
    public void A_relative_log_file_path_with_tokens_is_decided_under_the_results_directory()
    {
        using var temp = new TempFolder();
        var (task, engine) = Task(temp, "gate;LogFilePath=rows/{assembly}-{framework}.json");

        Assert.True(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));

        Assert.Equal(Path.Combine(temp.Path, "TestResults", "rows", "App.Tests-net10.0.json"), task.DecidedResultsFile);
        Assert.Contains($"LogFilePath={task.DecidedResultsFile}", Assert.Single(task.Loggers), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_gate_logger_the_loggers_pass_through_untouched_and_nothing_is_decided()
    {
        using var temp = new TempFolder();
        var (task, _) = Task(temp, "trx");

        Assert.True(task.Execute());

        Assert.Equal(["trx"], task.Loggers);
        Assert.Equal(string.Empty, task.RunId);
    }

    [Fact]
    public void Listing_tests_takes_the_gate_logger_and_its_parameters_out_and_decides_nothing()
    {
        using var temp = new TempFolder();
        var (task, engine) = Task(temp, "trx", "gate", "Verbosity=quiet", "console;verbosity=normal");
        task.ListTests = true;

        Assert.True(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));

        Assert.Equal(["trx", "console;verbosity=normal"], task.Loggers);
        Assert.Equal(string.Empty, task.RunId);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "TestResults")));
    }

    [Theory]
    [InlineData("gate;Verbosty=quiet", "QG2001")]
    [InlineData("gate;Verbosity=loud", "QG2002")]
    [InlineData("gate;Config=nowhere.json", "QG1005")]
    [InlineData("gate;RunId=chosen-by-hand", "QG2002")]
    public void A_gate_logger_that_could_not_start_fails_the_build_with_its_code(string logger, string code)
    {
        using var temp = new TempFolder();
        var (task, engine) = Task(temp, logger);

        Assert.False(task.Execute());

        Assert.Equal(code, Assert.Single(engine.Errors).Code);
        Assert.Equal("QualityGate", engine.Errors[0].Subcategory);
    }

    // Was a real 'dotnet test' per row in the package tier: the build runs this task before any test, so its error is
    // the run's; HandOffBuildTests keeps a real build that fails on a logger parameter.
    [Theory]
    [InlineData("gate;Colour=red", "QG2001", "Colour")]
    [InlineData("gate;Verbosity=loud", "QG2002", "quiet, minimal, normal, detailed")]
    [InlineData("gate;LogFilePath=/proc/qualitygate/x.json", "QG2003", "/proc/qualitygate")]
    [InlineData("gate;Config=missing/qualitygate.json", "QG1005", "does not exist")]
    public void A_bad_logger_parameter_fails_the_build_with_a_coded_message_that_names_it(string logger, string code, string says)
    {
        using var temp = new TempFolder();
        var (task, engine) = Task(temp, logger);

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal(code, error.Code);
        Assert.Contains(says, error.Message + error.File, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_qualitygate_json_fails_the_build_before_the_tests_run()
    {
        using var temp = new TempFolder();
        File.WriteAllText(Path.Combine(temp.Path, "qualitygate.json"), "{ \"phases\": [ { \"name\": \"a\", \"passRat\": 90 } ] }");
        var (task, engine) = Task(temp, "gate");

        Assert.False(task.Execute());

        Assert.Equal("QG1002", Assert.Single(engine.Errors).Code);
    }

    private static (QualityGateBeginRun Task, FakeBuildEngine Engine) Task(TempFolder temp, params string[] loggers)
    {
        var engine = new FakeBuildEngine();
        var task = new QualityGateBeginRun
        {
            BuildEngine = engine,
            ProjectDirectory = temp.Path,
            AssemblyName = "App.Tests",
            TargetFrameworkMoniker = ".NETCoreApp,Version=v10.0",
            VSTestLogger = loggers,
        };
        return (task, engine);
    }
}
