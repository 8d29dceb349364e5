using System;
using System.Text;
using System.Text.RegularExpressions;

namespace QualityGate.Configuration;

/// <summary>
/// A wildcard pattern over dotted names (test classes, test names, exception types, project names): '*' matches any
/// run of characters, '?' one character; matching ignores case. Path globs are a different thing (FileSystemGlobbing).
/// </summary>
internal sealed class NamePattern
{
    private readonly Regex _regex;

    public NamePattern(string pattern)
    {
        Pattern = pattern;
        var builder = new StringBuilder("^");
        foreach (var c in pattern)
        {
            builder.Append(c switch
            {
                '*' => ".*",
                '?' => ".",
                _ => Regex.Escape(c.ToString()),
            });
        }

        builder.Append('$');
        _regex = new Regex(
            builder.ToString(),
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline,
            TimeSpan.FromSeconds(1));
    }

    public string Pattern { get; }

    public bool IsMatch(string? name)
    {
        if (name is null)
        {
            return false;
        }

        try
        {
            return _regex.IsMatch(name);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    public override string ToString() => Pattern;
}
