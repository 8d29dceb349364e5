using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace QualityGate.Tests.Output;

/// <summary>
/// Text an attacker of a CI gate puts into test names, messages, file names and configuration, and how the CI runners
/// read a log: GitHub Actions (actions/runner: a line whose TrimStart() starts with "::", or with "##[" anywhere, both
/// compared with the current culture, which ignores zero-width and control characters) and Azure Pipelines (the agent:
/// "##vso[" anywhere, ordinal). Lines split as StreamReader.ReadLine splits them: at CR, LF and CR LF.
/// </summary>
public static class HostileText
{
    public static readonly string[] Corpus =
    [
        "::warning::pwned", "  ::error::pwned", "\r\n::error::crlf", "x\r::add-mask::bare-cr", "a\n##vso[task.complete result=Succeeded;]lf",
        "\u200B::error::zero-width-space", "\uFEFF::error::bom", "\u00AD::error::soft-hyphen", ":\u200B:error::split-colons",
        "##[set-env name=X;]y", "#\u200B#[error]split-hashes", "#\uFE0F#[error]variation-selector",
        "##vso[task.complete result=Succeeded;]done", "prefix ##vso[task.setvariable variable=x]y",
        "\u001b[31m::error::ansi\u001b[0m", "\u001b]0;title\u0007osc", "\u001bPdcs-swallows", "\u0085::error::nel", "\u2028::error::line-separator",
        "\u2029::error::paragraph-separator", "\v::error::vertical-tab", "\f::error::form-feed", "\u0000::error::nul", "\t::error::tab",
        "\u3000::error::ideographic-space", "\u00A0::error::nbsp", "\u202Eevil\u202C", "\u2066isolate\u2069",
        "\U000E0041\U000E0042tags", "::stop-commands::token", "##[group]fold", "\u009b31m c1-csi",
        "/src/##vso[task.uploadfile]/etc/passwd", "\u115F\u3164::error::fillers",
    ];

    /// <summary>Every corpus text at once, as one name or message would carry it.</summary>
    public static readonly string All = string.Concat(Corpus);

    private static readonly CultureInfo[] Cultures =
        [CultureInfo.InvariantCulture, CultureInfo.GetCultureInfo("en-US"), CultureInfo.GetCultureInfo("de-DE"), CultureInfo.GetCultureInfo("tr-TR"), CultureInfo.GetCultureInfo("ja-JP")];

    public static IEnumerable<string> Lines(string log)
    {
        using var reader = new StringReader(log);
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    /// <summary>The lines of <paramref name="log"/> that GitHub Actions or Azure Pipelines would run as a command.</summary>
    public static List<string> Commands(string log) => Lines(log).Where(IsCommand).ToList();

    public static bool IsCommand(string line) => IsGitHubCommand(line) || IsAzureCommand(line);

    public static bool IsGitHubCommand(string line) =>
        Cultures.Any(c => c.CompareInfo.IsPrefix(line.TrimStart(), "::") || c.CompareInfo.IndexOf(line, "##[") >= 0);

    public static bool IsAzureCommand(string line) => line.Contains("##vso[", System.StringComparison.Ordinal);

    /// <summary>Raw terminal control: ESC, C1 controls and every C0 control but the line end.</summary>
    public static bool HasControl(string log) => log.Any(c => (char.IsControl(c) && c is not '\n' and not '\r') || c == '\u009b');
}
