using System.Diagnostics;
using QualityGate.Diagnostics;

namespace QualityGate.Tool;

/// <summary>The change a pull request makes: 'git diff' from the merge base with the given revision, as the core reads it.</summary>
internal static class GitDiff
{
    /// <summary>The unified diff (zero context, renames found) and the git top folder its paths are relative to.</summary>
    public static (string Diff, string Root) Since(string baseRevision, string directory)
    {
        var root = Git(directory, "rev-parse", "--show-toplevel")
                   ?? throw Unavailable($"{directory} is not inside a git checkout, so there is no change to measure. Run from the repository, or leave --diff-base out.");
        var mergeBase = Git(root, "merge-base", baseRevision, "HEAD")
                        ?? throw Unavailable($"'{baseRevision}' is not a revision with a common history in this checkout. Fetch it first (actions/checkout with fetch-depth: 0, or 'git fetch origin {baseRevision}').");
        var diff = Git(root, "diff", "--unified=0", "--find-renames", "--no-color", "--no-ext-diff", mergeBase)
                   ?? throw Unavailable($"'git diff {mergeBase}' failed in {root}.");
        return (diff, root);
    }

    private static string? Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(directory);
        foreach (var argument in arguments)
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
