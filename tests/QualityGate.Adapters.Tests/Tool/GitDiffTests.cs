using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using QualityGate.Diagnostics;
using QualityGate.Tool;
using Xunit;

namespace QualityGate.AdapterTests.Tool;

/// <summary>
/// Patch coverage against a real repository whose configuration sets every option that changes git's diff format, with
/// a non-ASCII name that has a space: the changed lines are found whatever the configuration says.
/// </summary>
public class GitDiffTests
{
    private const string Naive = "src/Naïve Pricing.cs";

    public static TheoryData<string[]> Settings() => new()
    {
        new[] { "diff.mnemonicPrefix", "true" },
        new[] { "diff.noprefix", "true" },
        new[] { "core.quotePath", "false" },
        new[] { "diff.external", "/bin/false" },
        new[] { "color.diff", "always" },
        new[] { "color.ui", "always" },
        new[] { "diff.relative", "true" },
        new[] { "diff.renames", "false" },
        new[] { "diff.context", "7" },
        new[] { "diff.algorithm", "patience" },
        new[] { "core.pager", "/bin/false" },
        new[] { "diff.mnemonicPrefix", "true", "core.quotePath", "false", "diff.external", "/bin/false", "color.diff", "always", "diff.noprefix", "true" },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void Changed_lines_are_found_whatever_the_repository_configuration_says(string[] settings)
    {
        using var workspace = Repository();
        for (var i = 0; i < settings.Length; i += 2)
        {
            Git(workspace.Root, "config", settings[i], settings[i + 1]);
        }

        var run = workspace.Run("check", "--diff-base", "main", "--coverage", "coverage.cobertura.xml");

        Assert.Equal(1, run.Exit);
        Assert.Contains("error QG4010: changed lines: 1 of 3 covered", run.Output, StringComparison.Ordinal);
        Assert.Contains($"{Naive}:2", run.Output, StringComparison.Ordinal);
        Assert.Contains("src/Plain.cs:2", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Sources_a_pull_request_marks_binary_in_gitattributes_still_count_in_full()
    {
        using var workspace = Repository(attributes: "*.cs -diff\n");

        var run = workspace.Run("check", "--diff-base", "main", "--coverage", "coverage.cobertura.xml");

        Assert.Equal(1, run.Exit);
        Assert.Contains("error QG4010: changed lines: 7 of 9 covered", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_change_that_touches_no_coverable_line_passes_the_patch_target_saying_so()
    {
        using var workspace = Repository(comment: true);

        var run = workspace.Run("check", "--diff-base", "main", "--coverage", "coverage.cobertura.xml");

        Assert.True(run.Exit == 0, run.All);
        Assert.Contains("patch: the change touches no coverable line", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--output=/tmp/pwned")]
    [InlineData("-p")]
    [InlineData(" --all")]
    [InlineData("main\nHEAD")]
    [InlineData("")]
    public void A_diff_base_git_would_read_as_an_option_is_refused_before_git_runs(string revision)
    {
        var error = Assert.Throws<QualityGateException>(() => GitDiff.Check(revision));

        Assert.Equal(DiagnosticCode.DiffBaseRefused, error.Code);
    }

    [Fact]
    public void The_tool_refuses_an_option_like_diff_base_with_its_code_and_writes_nothing_for_git()
    {
        using var workspace = Repository();
        var pwned = Path.Combine(workspace.Root, "pwned");

        var run = workspace.Run("check", "--coverage", "coverage.cobertura.xml", $"--diff-base=--output={pwned}");

        Assert.Equal(3, run.Exit);
        Assert.Contains("error QG3013", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(pwned));
    }

    /// <summary>
    /// main: two files of four lines; the pull request: line 2 of each changed, a line added to one — or, with
    /// <paramref name="comment"/>, only a comment appended to one, on a line the coverage report does not list.
    /// </summary>
    private static Workspace Repository(string? attributes = null, bool comment = false)
    {
        var workspace = new Workspace("""
            { "layers": { "core": { "include": ["src/**/*.cs"] } },
              "phases": [ { "name": "p1", "patch": { "line": 80 } } ] }
            """);
        var root = workspace.Root;
        Git(root, "init", "-q", "-b", "main");
        Git(root, "config", "user.email", "gate@example.invalid");
        Git(root, "config", "user.name", "gate");
        File.WriteAllText(Path.Combine(root, "src", "Plain.cs"), "a\nb\nc\nd\n");
        File.WriteAllText(Path.Combine(root, Naive), "a\nb\nc\nd\n");
        File.WriteAllText(Path.Combine(root, ".gitignore"), "App.Tests/\nqualitygate*\n*.xml\n");
        Git(root, "add", "-A");
        Git(root, "commit", "-q", "-m", "base");
        Git(root, "checkout", "-q", "-b", "pr");
        if (comment)
        {
            File.AppendAllText(Path.Combine(root, "src", "Plain.cs"), "// reviewed\n");
        }
        else
        {
            File.WriteAllText(Path.Combine(root, "src", "Plain.cs"), "a\nB\nc\nd\ne\n");
            File.WriteAllText(Path.Combine(root, Naive), "a\nB\nc\nd\n");
        }

        if (attributes is not null)
        {
            File.WriteAllText(Path.Combine(root, ".gitattributes"), attributes);
        }

        Git(root, "add", "-A");
        Git(root, "commit", "-q", "-m", "change");
        workspace.Results();
        workspace.Coverage("coverage.cobertura.xml", ("src/Plain.cs", [2], comment ? 4 : 5), (Naive, [2], 4));
        return workspace;
    }

    private static void Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = directory };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var git = Process.Start(start)!;
        var error = git.StandardError.ReadToEnd();
        git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', arguments)}: {error}");
    }
}
