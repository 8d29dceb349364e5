using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Extensions.FileSystemGlobbing;
using QualityGate.Diagnostics;
using QualityGate.Files;

namespace QualityGate.Tool;

/// <summary>
/// Turns the paths and globs of --results and --coverage into files. A pattern that matches nothing is an error that
/// names it: a gate that silently judged fewer files than asked for could pass a build it should fail.
/// </summary>
internal static class InputPaths
{
    public const string DefaultResults = "**/TestResults/**/*.qualitygate.json";

    public static IReadOnlyList<string> Results(IEnumerable<string> patterns, string currentDirectory) =>
        Expand(patterns, currentDirectory, pattern => new QualityGateException(
            DiagnosticCode.ResultsMissing,
            $"no results file matches '{pattern}' (searched from {currentDirectory}). " +
            "Run the tests first ('dotnet test --logger gate' under VSTest, 'dotnet test --gate' under Microsoft.Testing.Platform), or fix the --results path or glob."));

    public static IReadOnlyList<string> Coverage(IEnumerable<string> patterns, string currentDirectory) =>
        Expand(patterns, currentDirectory, pattern => new QualityGateException(
            DiagnosticCode.CoverageMissing,
            $"no coverage report matches '{pattern}' (searched from {currentDirectory}). " +
            "Collect coverage (for example --collect \"XPlat Code Coverage\"), or fix the --coverage path or glob."));

    private static List<string> Expand(IEnumerable<string> patterns, string currentDirectory, Func<string, QualityGateException> matchesNothing)
    {
        var files = new List<string>();

        // One file met by two paths (a linked folder, a second pattern) is judged once: the same run twice is QG2012.
        var seen = new HashSet<string>(FileNode.PathComparer);
        foreach (var pattern in patterns)
        {
            var matches = Match(pattern, currentDirectory);
            if (matches.Count == 0)
            {
                throw matchesNothing(pattern);
            }

            files.AddRange(matches.Where(file => seen.Add(FileNode.RealPath(file))));
        }

        return files;
    }

    private static List<string> Match(string pattern, string currentDirectory)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return [];
        }

        if (!pattern.Contains('*', StringComparison.Ordinal))
        {
            var file = Path.GetFullPath(pattern, currentDirectory);
            return File.Exists(file) ? [file] : [];
        }

        // The matcher takes a folder and a relative glob: the segments before the first wildcard are the folder, so
        // absolute globs and globs that start with '..' work too.
        var segments = pattern.Replace('\\', '/').Split('/');
        var first = Array.FindIndex(segments, s => s.Contains('*', StringComparison.Ordinal));
        var folder = string.Join('/', segments[..first]);
        var root = Path.GetFullPath(folder.Length == 0 && first > 0 ? "/" : folder.Length == 0 ? "." : folder, currentDirectory);
        if (!Directory.Exists(root))
        {
            return [];
        }

        var matcher = new Matcher(FileNode.CaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        matcher.AddInclude(string.Join('/', segments[first..]));
        // The in-memory match wants full paths; the walk keeps the spelling of links, so a path reads as it was found.
        return matcher.Match(root, FileTree.Files(root).Select(file => Path.Combine(root, file)))
            .Files.Select(match => Path.GetFullPath(Path.Combine(root, match.Path)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
