using System.Collections.Generic;
using Microsoft.Extensions.FileSystemGlobbing;

namespace QualityGate.Policy;

/// <summary>A named group of source files (globs relative to qualitygate.json's folder). Layers may overlap.</summary>
internal sealed class SourceLayer
{
    private Matcher? _matcher;

    public SourceLayer(string name, IReadOnlyList<string> include, IReadOnlyList<string> exclude)
    {
        Name = name;
        Include = include;
        Exclude = exclude;
    }

    public string Name { get; }

    public IReadOnlyList<string> Include { get; }

    public IReadOnlyList<string> Exclude { get; }

    /// <summary>Whether a path relative to the configuration's folder ('/' separators) belongs to the layer.</summary>
    public bool Contains(string relativePath) => Matcher().Match(relativePath).HasMatches;

    // Built on first use, so that hosts that never evaluate layers (the test logger) never load the globbing library.
    private Matcher Matcher()
    {
        if (_matcher is null)
        {
            // The file system's case rule, as the tool's --results and --coverage globs: one rule for every path.
            var matcher = new Matcher(Files.FileNode.PathComparison);
            foreach (var pattern in Include)
            {
                matcher.AddInclude(pattern);
            }

            foreach (var pattern in Exclude)
            {
                matcher.AddExclude(pattern);
            }

            _matcher = matcher;
        }

        return _matcher;
    }
}
