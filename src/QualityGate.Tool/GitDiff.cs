using System.Diagnostics;
using System.Linq;
using QualityGate.Diagnostics;

namespace QualityGate.Tool;

/// <summary>
/// The change a pull request makes: 'git diff' from the merge base with the given revision, as the core reads it.
/// git's output format follows its configuration (user, system, repository) and .gitattributes, which a pull request
/// can add: every option that shapes the diff is given on the command line, where it wins (docs/ci.md lists them).
/// </summary>
internal static class GitDiff
{
    /// <summary>Options that fix the format, whatever diff.*, color.*, core.quotePath or .gitattributes say.</summary>
    internal static readonly string[] Format =
    [
        "--no-color", "--no-ext-diff", "--no-textconv", "--no-relative", "--src-prefix=a/", "--dst-prefix=b/",
        "--unified=0", "--find-renames=50%", "--diff-algorithm=myers",
    ];

    /// <summary>Configuration git reads before the command line is parsed: quoting, pager, colour.</summary>
    internal static readonly string[] Config =
    [
        "-c", "core.quotePath=true", "-c", "color.ui=never", "-c", "color.diff=never", "-c", "diff.noprefix=false",
        "-c", "diff.mnemonicPrefix=false", "-c", "diff.relative=false", "-c", "core.pager=cat",
    ];

    /// <summary>The unified diff and the git top folder its paths are relative to.</summary>
    public static (string Diff, string Root) Since(string baseRevision, string directory)
    {
        Check(baseRevision);
        var root = Git(directory, "rev-parse", "--show-toplevel")
                   ?? throw Unavailable($"{directory} is not inside a git checkout, so there is no change to measure. Run from the repository, or leave --diff-base out.");
        var mergeBase = Git(root, "merge-base", "--end-of-options", baseRevision, "HEAD")
                        ?? throw Unavailable($"'{baseRevision}' is not a revision with a common history in this checkout. Fetch it first (actions/checkout with fetch-depth: 0, or 'git fetch origin {baseRevision}').");
        var diff = Git(root, ["diff", .. Format, "--end-of-options", mergeBase])
                   ?? throw Unavailable($"'git diff {mergeBase}' failed in {root}.");
        return (diff, root);
    }

    /// <summary>
    /// A revision reaches git's command line: one that starts with '-' would be read as an option (--output=FILE writes
    /// a file), and control characters have no place in a revision. Both are refused (QG3013), before git runs.
    /// </summary>
    internal static void Check(string revision)
    {
        if (string.IsNullOrWhiteSpace(revision) || revision.TrimStart().StartsWith('-') || revision.Any(char.IsControl))
        {
            throw new QualityGateException(
                DiagnosticCode.DiffBaseRefused,
                $"--diff-base '{Output.OutputGuard.Text(revision, 100)}' is not a revision: it is empty, starts with '-' (git would read it as an option) or has control characters. Give a branch, tag or commit, e.g. origin/main.");
        }
    }

    private static string? Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };

        // Environment that changes a diff: an external diff program, its options, a pager.
        start.Environment.Remove("GIT_EXTERNAL_DIFF");
        start.Environment.Remove("GIT_DIFF_OPTS");
        start.Environment.Remove("GIT_PAGER");
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(directory);
        foreach (var argument in Config.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var git = Process.Start(start)!;
            var output = git.StandardOutput.ReadToEndAsync();
            git.StandardError.ReadToEnd();
            git.WaitForExit();
            return git.ExitCode == 0 ? output.Result.TrimEnd('\n', '\r') + (arguments[0] == "diff" ? "\n" : string.Empty) : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw Unavailable("git is not installed or not on PATH; patch coverage needs it.");
        }
    }

    private static QualityGateException Unavailable(string message) => new(DiagnosticCode.DiffUnavailable, message);
}
