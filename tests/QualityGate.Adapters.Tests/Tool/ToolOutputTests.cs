using System;
using System.IO;
using System.Linq;
using QualityGate.Tests.Output;
using Xunit;

namespace QualityGate.AdapterTests.Tool;

/// <summary>'dotnet gate' prints outside text through the output guard: no injected command, no terminal control, any CI mode.</summary>
public class ToolOutputTests
{
    [Theory]
    [InlineData("none", new string[0])]
    [InlineData("github", new[] { "::error ", "::warning ", "::notice " })]
    [InlineData("azure", new[] { "##vso[task.logissue ", "##vso[task.uploadsummary]" })]
    public void Hostile_test_names_and_file_names_print_no_command_but_QualityGates_own(string ci, string[] ours)
    {
        using var workspace = new Workspace("""
            { "layers": { "core": { "include": ["src/**/*.cs"] } },
              "phases": [ { "name": "p1", "layers": { "core": { "line": 50 } }, "maxFailures": { "error": 1 } } ] }
            """);
        workspace.Results(HostileText.Corpus.Select(t => "App.Tests.T." + t).Append(HostileText.All), file: "::warning::pwned \u200B##vso[task.complete result=Succeeded;]\u001b[31mx.cs");
        workspace.Coverage();

        var run = workspace.Run("check", "--ci", ci, "--coverage", "coverage.cobertura.xml");

        Assert.Equal(1, run.Exit);
        Assert.Contains("error QG4006", run.Output, StringComparison.Ordinal);
        Assert.Contains(": :warning::pwned", run.Output, StringComparison.Ordinal); // the test's file starts the violation's line
        Assert.Equal(ours.Length > 0, HostileText.Commands(run.All).Count > 0);
        Assert.All(HostileText.Commands(run.All), line => Assert.Contains(ours, prefix => line.StartsWith(prefix, StringComparison.Ordinal)));
        Assert.False(HostileText.HasControl(run.All));
    }

    [Fact]
    public void A_hostile_command_line_argument_is_echoed_without_a_command()
    {
        using var workspace = new Workspace();

        var run = workspace.Run("check", "--phase", "\n::error::from-an-argument", "--no-such-option", "##vso[task.complete result=Succeeded;]");

        Assert.Equal(2, run.Exit);
        Assert.Empty(HostileText.Commands(run.All));
        Assert.Contains("# #vso[task.complete", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--no-such-option")]
    [InlineData("--phase")]
    public void A_command_line_it_cannot_parse_exits_2_pointing_at_the_help_without_a_stack_trace(string argument)
    {
        using var workspace = new Workspace();

        var run = workspace.Run("check", argument);

        Assert.Equal(2, run.Exit);
        Assert.Contains("dotnet gate check --help", run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hostile_phase_name_from_the_configuration_is_printed_without_a_command()
    {
        using var workspace = new Workspace("""
            { "phases": [ { "name": "x\n::error::phase\u200B##vso[task.complete result=Succeeded;]", "passRate": 0 } ] }
            """);
        workspace.Results();

        var run = workspace.Run("check");

        Assert.Empty(HostileText.Commands(run.All));
        Assert.False(HostileText.HasControl(run.All));
    }
}
