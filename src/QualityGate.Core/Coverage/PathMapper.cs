using System;
using System.Collections.Generic;
using System.IO;

namespace QualityGate.Coverage;

/// <summary>
/// Turns the source paths coverage producers write into repository-relative paths with '/' separators, so that
/// reports from different machines, producers and build modes name a file the same way.
/// </summary>
/// <remarks>
/// A path is mapped, in this order: a Cobertura <c>&lt;source&gt;</c> root is put in front of a relative path; a path
/// under the repository root is made relative to it; a deterministic-build path (<c>/_/x/y.cs</c>, <c>/_1/…</c>) is
/// read as relative to the repository when that file exists; any other path (another machine's checkout, a Windows
/// drive) is matched against the repository's files by its longest unique trailing run of folder names. A path that
/// matches nothing, or matches two files equally well, is kept as given (with '/' separators) rather than guessed.
/// A match on the file name alone (<c>/home/other/lib/Pricing/PriceService.cs</c> against our
/// <c>src/Shop/PriceService.cs</c>) is not enough either: <see cref="Map"/> keeps such a path as given, and the
/// coverage reader accepts the match only when the report's lines fit the file (<see cref="NameOnlyMatches"/>).
/// Not thread-safe: one mapper per reading thread.
/// </remarks>
internal sealed class PathMapper
{
    // Folders that hold build output or tool state, not sources a report could mean.
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "bin", "obj", "node_modules", "TestResults", "packages", "artifacts",
    };

    private readonly string _root;
    private readonly bool _rootIgnoresCase;
    private Dictionary<string, List<string>>? _filesByName;
    private readonly Dictionary<string, string> _nameOnly = new(StringComparer.Ordinal);

    /// <param name="repoRoot">The repository's root folder; every path mapped inside it comes out relative to it.</param>
    public PathMapper(string repoRoot)
    {
        if (string.IsNullOrWhiteSpace(repoRoot))
        {
            throw new ArgumentException("The repository root must be given.", nameof(repoRoot));
        }

        _root = Normalize(IsAbsolute(Normalize(repoRoot)) ? repoRoot : Path.GetFullPath(repoRoot)).TrimEnd('/');
        _rootIgnoresCase = HasDriveLetter(_root) || Files.FileNode.CaseInsensitive;
    }

    /// <summary>The repository root, with '/' separators and no trailing separator.</summary>
    public string RepoRoot => _root;

    /// <summary>
    /// Paths <see cref="Map"/> kept as given although one repository file has the same name (and no more of the path
    /// in common), with that file: a guess the reader may take only when the report's lines fit it.
    /// </summary>
    public IReadOnlyDictionary<string, string> NameOnlyMatches => _nameOnly;

    /// <summary>Whether a mapped path lies outside the repository (it could not be placed in it).</summary>
    public static bool IsOutside(string mappedPath) => IsAbsolute(mappedPath ?? throw new ArgumentNullException(nameof(mappedPath)));

    /// <param name="reportPath">A file name as the report writes it.</param>
    /// <param name="sourceRoots">The report's Cobertura <c>&lt;source&gt;</c> folders (empty when it has none).</param>
    public string Map(string reportPath, IReadOnlyList<string> sourceRoots)
    {
        if (reportPath is null)
        {
            throw new ArgumentNullException(nameof(reportPath));
        }

        var path = Normalize(reportPath);
        if (IsAbsolute(path) || sourceRoots is null || sourceRoots.Count == 0)
        {
            return MapAbsoluteOrBare(path);
        }

        // A relative name belongs to one of the roots: the one where the file exists, else the first inside the
        // repository, else the first.
        string? inRepo = null, first = null;
        foreach (var root in sourceRoots)
        {
            var rootPath = Normalize(root);
            if (rootPath.Length == 0)
            {
                continue;
            }

            var combined = Normalize(rootPath.TrimEnd('/') + "/" + path);
            var mapped = MapAbsoluteOrBare(combined);
            first ??= mapped;
            if (!IsAbsolute(mapped) && File.Exists(Path.Combine(_root, mapped)))
            {
                return mapped;
            }

            if (inRepo is null && !IsAbsolute(mapped) && UnderRoot(combined) is not null)
            {
                inRepo = mapped;
            }
        }

        return inRepo ?? first ?? MapAbsoluteOrBare(path);
    }

    private string MapAbsoluteOrBare(string path)
    {
        if (!IsAbsolute(path))
        {
            return File.Exists(Path.Combine(_root, path)) ? path : SuffixMatch(path) ?? path;
        }

        var relative = UnderRoot(path);
        if (relative is not null)
        {
            return relative;
        }

        var deterministic = DeterministicRemainder(path);
        if (deterministic is not null && File.Exists(Path.Combine(_root, deterministic)))
        {
            return deterministic;
        }

        return SuffixMatch(path) ?? path;
    }

    private string? UnderRoot(string path)
    {
        var comparison = _rootIgnoresCase || HasDriveLetter(path) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (path.Length > _root.Length + 1 && path[_root.Length] == '/' && path.StartsWith(_root, comparison))
        {
            return path.Substring(_root.Length + 1);
        }

        return null;
    }

    // "/_/src/x.cs" -> "src/x.cs"; "/_1/x.cs" -> "x.cs" (SourceRoot mapping of a deterministic build).
    private static string? DeterministicRemainder(string path)
    {
        if (path.Length < 4 || path[0] != '/' || path[1] != '_')
        {
            return null;
        }

        var i = 2;
        while (i < path.Length && char.IsDigit(path[i]))
        {
            i++;
        }

        return i < path.Length - 1 && path[i] == '/' ? path.Substring(i + 1) : null;
    }

    private string? SuffixMatch(string path)
    {
        var segments = path.Split('/');
        var name = segments[segments.Length - 1];
        if (name.Length == 0 || !FilesByName().TryGetValue(name, out var candidates))
        {
            return null;
        }

        string? best = null;
        int bestLength = 0;
        bool tie = false;
        foreach (var candidate in candidates)
        {
            var length = CommonTrailingSegments(segments, candidate.Split('/'));
            if (length > bestLength)
            {
                best = candidate;
                bestLength = length;
                tie = false;
            }
            else if (length == bestLength)
            {
                tie = true;
            }
        }

        if (tie || best is null)
        {
            return null;
        }

        if (bestLength == 1 && best.IndexOf('/') >= 0)
        {
            // Only the file name matched, not the folders it lies in: a guess, left to the lines to confirm.
            _nameOnly[path] = best;
            return null;
        }

        return best;
    }

    private static int CommonTrailingSegments(string[] a, string[] b)
    {
        int count = 0;
        for (int i = a.Length - 1, j = b.Length - 1; i >= 0 && j >= 0; i--, j--)
        {
            if (!string.Equals(a[i], b[j], StringComparison.OrdinalIgnoreCase))
            {
                break;
            }

            count++;
        }

        return count;
    }

    private Dictionary<string, List<string>> FilesByName()
    {
        if (_filesByName is not null)
        {
            return _filesByName;
        }

        // Case-insensitive by name: a report written on Windows may differ in case from the checkout here.
        var index = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<string>();
        pending.Push(_root);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            try
            {
                foreach (var file in Directory.EnumerateFiles(folder))
                {
                    var relative = Normalize(file).Substring(_root.Length + 1);
                    var name = Path.GetFileName(file);
                    if (!index.TryGetValue(name, out var list))
                    {
                        index.Add(name, list = new List<string>());
                    }

                    list.Add(relative);
                }

                foreach (var sub in Directory.EnumerateDirectories(folder))
                {
                    var subName = Path.GetFileName(sub);
                    if (subName.StartsWith(".", StringComparison.Ordinal) || SkippedFolders.Contains(subName)
                        || (File.GetAttributes(sub) & FileAttributes.ReparsePoint) != 0)
                    {
                        continue;
                    }

                    pending.Push(sub);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // An unreadable folder holds no file a report could be mapped to; the path is then kept as given.
            }
        }

        return _filesByName = index;
    }

    /// <summary>'/' separators, no empty or "." segments, ".." resolved where it can be.</summary>
    internal static string Normalize(string path)
    {
        var text = path.Trim().Replace('\\', '/');
        if (text.IndexOf("//", StringComparison.Ordinal) < 0 && text.IndexOf("/.", StringComparison.Ordinal) < 0
            && !text.StartsWith("./", StringComparison.Ordinal))
        {
            return text;
        }

        var rooted = text.StartsWith("/", StringComparison.Ordinal);
        var parts = new List<string>();
        foreach (var part in text.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[parts.Count - 1] != ".." && !IsDrive(parts[parts.Count - 1]))
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        var joined = string.Join("/", parts);
        return rooted ? "/" + joined : joined;
    }

    private static bool IsAbsolute(string normalized) => normalized.StartsWith("/", StringComparison.Ordinal) || HasDriveLetter(normalized);

    private static bool HasDriveLetter(string normalized) =>
        normalized.Length >= 2 && normalized[1] == ':' && IsLetter(normalized[0]) && (normalized.Length == 2 || normalized[2] == '/');

    private static bool IsDrive(string segment) => segment.Length == 2 && segment[1] == ':' && IsLetter(segment[0]);

    private static bool IsLetter(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
