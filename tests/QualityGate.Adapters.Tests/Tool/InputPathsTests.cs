using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using QualityGate.Tool;
using Xunit;

namespace QualityGate.AdapterTests.Tool;

/// <summary>Globs over a checkout a pull request shaped: linked folders, loops, pipes.</summary>
public class InputPathsTests
{
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_folder_link_loop_under_TestResults_ends_and_lists_the_run_once()
    {
        using var workspace = new Workspace();
        var results = workspace.Results();
        var testResults = Path.GetDirectoryName(results)!;
        Directory.CreateSymbolicLink(Path.Combine(testResults, "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(testResults, "self"), ".");
        Directory.CreateSymbolicLink(Path.Combine(workspace.Root, "App.Tests", "root"), workspace.Root);

        var files = await Task.Run(() => InputPaths.Results([InputPaths.DefaultResults], workspace.Root)).WaitAsync(NoHang);

        Assert.Equal([results], files);
    }

    [Fact]
    public async Task The_gate_judges_a_run_behind_a_link_loop_once_instead_of_refusing_it_as_duplicated()
    {
        using var workspace = new Workspace();
        var testResults = Path.GetDirectoryName(workspace.Results())!;
        workspace.Coverage();
        Directory.CreateSymbolicLink(Path.Combine(testResults, "loop"), "..");

        var run = await Task.Run(() => workspace.Run("check", "--coverage", "coverage.cobertura.xml")).WaitAsync(NoHang);

        Assert.Equal(0, run.Exit);
        Assert.DoesNotContain("QG2012", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Results_in_a_linked_folder_outside_the_checkout_are_found()
    {
        using var workspace = new Workspace();
        using var elsewhere = new QualityGate.Tests.TempFolder();
        var testResults = Path.Combine(elsewhere.Path, "TestResults");
        Directory.CreateDirectory(testResults);
        File.Copy(workspace.Results(), Path.Combine(testResults, "Linked.qualitygate.json"));
        Directory.CreateSymbolicLink(Path.Combine(workspace.Root, "scratch"), elsewhere.Path);

        var files = InputPaths.Results([InputPaths.DefaultResults], workspace.Root);

        Assert.Contains(Path.Combine(workspace.Root, "scratch", "TestResults", "Linked.qualitygate.json"), files);
        Assert.Equal(2, files.Count);
    }

    [Fact]
    public async Task A_named_pipe_named_like_a_results_file_is_refused_not_waited_for()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var workspace = new Workspace();
        var testResults = Path.GetDirectoryName(workspace.Results())!;
        workspace.Coverage();
        var fifo = Path.Combine(testResults, "Zzz.qualitygate.json");
        using (var mkfifo = Process.Start("mkfifo", fifo))
        {
            await mkfifo.WaitForExitAsync();
        }

        var run = await Task.Run(() => workspace.Run("check", "--coverage", "coverage.cobertura.xml")).WaitAsync(NoHang);

        Assert.Equal(3, run.Exit);
        Assert.Contains("error QG2006", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_path_equal_to_qualitygate_json_is_refused_and_the_file_kept()
    {
        using var workspace = new Workspace();
        workspace.Results();
        workspace.Coverage();
        var before = File.ReadAllText(workspace.Config);

        var run = workspace.Run("check", "--coverage", "coverage.cobertura.xml", "--markdown", "./QG/../qualitygate.json");

        Assert.Equal(3, run.Exit);
        Assert.Contains("error QG2026: the Markdown summary would be written over the configuration", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(workspace.Config));
    }
}
