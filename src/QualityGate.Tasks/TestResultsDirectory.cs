using System;
using System.IO;
using System.Linq;
using System.Xml;
using QualityGate.Diagnostics;

namespace QualityGate.Tasks;

/// <summary>
/// The folder VSTest puts this run's results in, by VSTest's own precedence: --results-directory, then
/// RunConfiguration.ResultsDirectory given after "--" (relative to the project), then the runsettings file's
/// ResultsDirectory (relative to that file), then TestResults in the project.
/// </summary>
internal static class TestResultsDirectory
{
    private const string CliKey = "RunConfiguration.ResultsDirectory=";

    public static string Decide(string projectDirectory, string? resultsDirectory, string[] cliRunSettings, string? runSettingsFile)
    {
        if (!string.IsNullOrWhiteSpace(resultsDirectory))
        {
            return Path.GetFullPath(Path.Combine(projectDirectory, resultsDirectory!));
        }

        var fromCli = cliRunSettings.LastOrDefault(s => s.StartsWith(CliKey, StringComparison.OrdinalIgnoreCase));
        if (fromCli is not null && fromCli.Length > CliKey.Length)
        {
            return Path.GetFullPath(Path.Combine(projectDirectory, Environment.ExpandEnvironmentVariables(fromCli.Substring(CliKey.Length))));
        }

        if (!string.IsNullOrWhiteSpace(runSettingsFile) && FromRunSettings(Path.GetFullPath(Path.Combine(projectDirectory, runSettingsFile!))) is { } fromFile)
        {
            return fromFile;
        }

        return Path.Combine(projectDirectory, "TestResults");
    }

    private static string? FromRunSettings(string path)
    {
        if (!File.Exists(path))
        {
            // VSTest itself reports a missing runsettings file; the default folder stands until it does.
            return null;
        }

        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(path, settings);
            var document = new XmlDocument { XmlResolver = null };
            document.Load(reader);
            var value = document.SelectSingleNode("/RunSettings/RunConfiguration/ResultsDirectory")?.InnerText.Trim();
            return string.IsNullOrEmpty(value)
                ? null
                : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, Environment.ExpandEnvironmentVariables(value)));
        }
        catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException)
        {
            throw new QualityGateException(
                DiagnosticCode.RunSettingsUnreadable,
                $"cannot read the runsettings file to find where results go: {e.GetType().Name}. Fix the file, or pass --results-directory.",
                path,
                e);
        }
    }
}
