using System;

namespace QualityGate.Results;

/// <summary>Turns the test platform's framework names (".NETCoreApp,Version=v10.0") into short monikers (net10.0).</summary>
internal static class FrameworkMoniker
{
    public const string Unknown = "unknown";

    public static string ToShortName(string? framework)
    {
        if (string.IsNullOrWhiteSpace(framework))
        {
            return Unknown;
        }

        var text = framework!.Trim();
        var comma = text.IndexOf(",Version=v", StringComparison.OrdinalIgnoreCase);
        if (comma < 0)
        {
            // Already short (net10.0) or something we do not know: keep it, minus characters unsafe in file names.
            return Sanitize(text);
        }

        var identifier = text.Substring(0, comma);
        var version = text.Substring(comma + ",Version=v".Length);
        return identifier switch
        {
            ".NETCoreApp" when Version.TryParse(version, out var v) && v.Major >= 5 => $"net{v.Major}.{v.Minor}",
            ".NETCoreApp" => "netcoreapp" + version,
            ".NETFramework" => "net" + version.Replace(".", string.Empty),
            ".NETStandard" => "netstandard" + version,
            _ => Sanitize(text),
        };
    }

    private static string Sanitize(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!char.IsLetterOrDigit(chars[i]) && chars[i] != '.' && chars[i] != '-')
            {
                chars[i] = '_';
            }
        }

        return new string(chars);
    }
}
