using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using QualityGate.Files;

namespace QualityGate.Reports;

/// <summary>
/// Paths as a reader wants them: relative to the repository, and on GitHub Actions a link to the file at the commit
/// judged (GITHUB_SERVER_URL/GITHUB_REPOSITORY/blob/GITHUB_SHA/path#Lline, relative to GITHUB_WORKSPACE).
/// </summary>
internal sealed class SourceLinks
{
    private static readonly Regex Server = new("^https?://[A-Za-z0-9.:-]+$", RegexOptions.CultureInvariant);
    private static readonly Regex Repository = new("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", RegexOptions.CultureInvariant);
    private static readonly Regex Sha = new("^[0-9a-fA-F]{7,64}$", RegexOptions.CultureInvariant);

    private readonly string? _root;
    private readonly string? _workspace;
    private readonly string? _blob;

    /// <param name="root">The folder the coverage's paths are relative to; other paths under it are shown relative to it.</param>
    /// <param name="workspace">The checkout's root, which the blob URL's paths are relative to.</param>
    /// <param name="blob">"https://github.com/owner/repo/blob/sha", or null for no links.</param>
    public SourceLinks(string? root, string? workspace = null, string? blob = null)
    {
        _root = Normalize(root);
        _workspace = Normalize(workspace);
        _blob = _workspace is null ? null : blob;
    }

    public static SourceLinks None { get; } = new(null);

    /// <summary>Links when GitHub Actions names its server, repository and commit (each checked, else no links).</summary>
    public static SourceLinks For(string? root, IReadOnlyDictionary<string, string?> environment)
    {
        string? Get(string name) => environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value!.Trim() : null;
        var server = Get("GITHUB_SERVER_URL");
        var repository = Get("GITHUB_REPOSITORY");
        var sha = Get("GITHUB_SHA");
        var blob = server is not null && repository is not null && sha is not null
                   && Server.IsMatch(server) && Repository.IsMatch(repository) && Sha.IsMatch(sha)
            ? $"{server.TrimEnd('/')}/{repository}/blob/{sha}"
            : null;
        return new SourceLinks(root, Get("GITHUB_WORKSPACE") ?? root, blob);
    }

    /// <summary>The path relative to the root when it lies under it, else as given ('/' separators).</summary>
    public string Display(string path)
    {
        return Normalize(path) is { } normalized ? Relative(normalized, _root) ?? normalized : path;
    }

    /// <summary>The file (at the line) on the CI's source browser, or null when there is none or the file is outside the checkout.</summary>
    public string? Url(string path, int? line = null)
    {
        if (_blob is null || Normalize(path) is not { } normalized)
        {
            return null;
        }

        var full = IsRooted(normalized) || _root is null ? normalized : _root + "/" + normalized;
        var relative = Relative(full, _workspace);
        if (relative is null || relative.Split('/').Any(s => s is "" or "." or ".."))
        {
            return null;
        }

        var escaped = string.Join("/", relative.Split('/').Select(Uri.EscapeDataString));
        return $"{_blob}/{escaped}{(line is > 0 ? "#L" + line.Value.ToString(CultureInfo.InvariantCulture) : string.Empty)}";
    }

    private static string? Relative(string path, string? root)
    {
        if (root is null)
        {
            return IsRooted(path) ? null : path;
        }

        if (!IsRooted(path))
        {
            return path;
        }

        var comparison = FileNode.PathComparison; // as the file system compares (macOS ignores case too)
        return path.StartsWith(root + "/", comparison) ? path.Substring(root.Length + 1) : null;
    }

    private static bool IsRooted(string path) => path.StartsWith("/", StringComparison.Ordinal) || (path.Length > 1 && path[1] == ':');

    private static string? Normalize(string? path) => string.IsNullOrWhiteSpace(path) ? null : path!.Replace('\\', '/').TrimEnd('/');
}
