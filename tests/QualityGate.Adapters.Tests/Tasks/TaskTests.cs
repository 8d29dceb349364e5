using System;
using System.Collections.Generic;
using System.Collections;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using QualityGate.AdapterTests.Tool;
using QualityGate.Tasks;
using QualityGate.Tests.Output;
using Xunit;

namespace QualityGate.AdapterTests.Tasks;

/// <summary>The MSBuild task in process: its log is guarded, and the unforeseen is one QG0000 error.</summary>
public class TaskTests
{
    [Fact]
    public void An_unexpected_exception_is_one_QG0000_error_with_the_stack_trace_only_at_low_importance()
    {
        using var workspace = new Workspace();
        var engine = new FakeBuildEngine();
        var task = Task(workspace, engine);
        task.ResultsFile = workspace.Results();
        task.CoverageFiles = [new BrokenItem()];

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("QG0000", error.Code);
        Assert.StartsWith("QualityGate failed unexpectedly (InvalidOperationException: metadata is broken)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message!);
        Assert.DoesNotContain(engine.Messages.Where(m => m.Importance != MessageImportance.Low), m => m.Message!.Contains("at QualityGate.", StringComparison.Ordinal));
        Assert.Contains(engine.Messages.Where(m => m.Importance == MessageImportance.Low), m => m.Message!.Contains("at QualityGate.Tasks.QualityGateCheck", StringComparison.Ordinal));
        var message = error.Message!;
        var file = message[(message.IndexOf("the details are in ", StringComparison.Ordinal) + 19)..].TrimEnd('.');
        Assert.Contains("metadata is broken", File.ReadAllText(file), StringComparison.Ordinal);
        File.Delete(file);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("github")]
    [InlineData("azure")]
    public void Hostile_names_and_files_reach_the_build_log_without_a_command(string ci)
    {
        using var workspace = new Workspace("""
            { "layers": { "core": { "include": ["src/**/*.cs"] } },
              "phases": [ { "name": "p1", "layers": { "core": { "line": 50 } }, "maxFailures": { "error": 1 } } ] }
            """);
        var engine = new FakeBuildEngine();
        var task = Task(workspace, engine);
        task.ResultsFile = workspace.Results(HostileText.Corpus, file: "::warning::pwned \u200B##vso[task.complete result=Succeeded;]\u001b[31mx.cs");
        task.CoverageFiles = [new TaskItem(workspace.Coverage())];
        task.Ci = ci;
        task.ReportsDirectory = Path.Combine(workspace.Root, "reports");

        Assert.False(task.Execute());

        Assert.Contains(engine.Errors, e => e.Code == "QG4006" && e.File.StartsWith(": :warning::pwned", StringComparison.Ordinal));
        var ours = ci switch { "github" => new[] { "  ::error ", "  ::warning ", "  ::notice " }, "azure" => ["  ##vso[task.logissue ", "  ##vso[task.uploadsummary]"], _ => [] };
        Assert.All(HostileText.Commands(Log(engine)), line => Assert.Contains(ours, prefix => line.StartsWith(prefix, StringComparison.Ordinal)));
        Assert.False(HostileText.HasControl(Log(engine)));
    }

    [Fact]
    public void A_logger_parameter_carrying_a_workflow_command_is_echoed_without_one()
    {
        using var workspace = new Workspace();
        var engine = new FakeBuildEngine();
        var task = BeginRun(workspace, engine, "gate;Verbosity=x\n::error::pwned\u200B##vso[task.setvariable variable=x]y");

        Assert.False(task.Execute());

        Assert.StartsWith("QG200", Assert.Single(engine.Errors).Code, StringComparison.Ordinal); // unknown or bad parameter
        Assert.Empty(HostileText.Commands(Log(engine)));
        Assert.Contains("# #vso[task.setvariable", Log(engine), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unexpected_exception_in_the_begin_run_task_is_QG0000_not_MSB4018()
    {
        using var workspace = new Workspace();
        var engine = new FakeBuildEngine();
        var task = BeginRun(workspace, engine, "gate");
        task.ProjectDirectory = "bad\0folder";

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("QG0000", error.Code);
        Assert.StartsWith("QualityGate failed unexpectedly (", error.Message, StringComparison.Ordinal);
        var message = error.Message!;
        File.Delete(message[(message.IndexOf("the details are in ", StringComparison.Ordinal) + 19)..].TrimEnd('.'));
    }

    private static QualityGateBeginRun BeginRun(Workspace workspace, FakeBuildEngine engine, params string[] loggers) => new()
    {
        BuildEngine = engine,
        ProjectDirectory = workspace.Root,
        AssemblyName = "App.Tests",
        TargetFrameworkMoniker = ".NETCoreApp,Version=v10.0",
        VSTestLogger = loggers,
    };

    private static QualityGateCheck Task(Workspace workspace, FakeBuildEngine engine) => new()
    {
        BuildEngine = engine,
        ProjectDirectory = workspace.Root,
        RunId = "run1",
        AssemblyName = "App.Tests",
        TargetFrameworkMoniker = ".NETCoreApp,Version=v10.0",
        ConfigPath = workspace.Config,
        JsonReportPath = Path.Combine(workspace.Root, "qualitygate-report.json"),
        ReportEnvironment = new Dictionary<string, string?>(), // the host's CI is not these runs'
    };

    /// <summary>Every line a build log shows: "file(line,col): error CODE: message", then the messages.</summary>
    private static string Log(FakeBuildEngine engine) => string.Join("\n", engine.Errors.Select(e => $"{e.File}({e.LineNumber},{e.ColumnNumber}): error {e.Code}: {e.Message}")
        .Concat(engine.Warnings.Select(w => $"{w.File}({w.LineNumber},{w.ColumnNumber}): warning {w.Code}: {w.Message}"))
        .Concat(engine.Messages.Select(m => "  " + m.Message)));

    /// <summary>An item whose metadata throws: any unforeseen failure inside the task.</summary>
    private sealed class BrokenItem : ITaskItem
    {
        public string ItemSpec { get; set; } = "broken";

        public ICollection MetadataNames => Array.Empty<string>();

        public int MetadataCount => 0;

        public IDictionary CloneCustomMetadata() => new Hashtable();

        public void CopyMetadataTo(ITaskItem destinationItem)
        {
        }

        public string GetMetadata(string metadataName) => throw new InvalidOperationException("metadata is broken");

        public void RemoveMetadata(string metadataName)
        {
        }

        public void SetMetadata(string metadataName, string metadataValue)
        {
        }
    }
}
