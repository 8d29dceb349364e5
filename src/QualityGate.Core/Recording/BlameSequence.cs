using System;
using System.Collections.Generic;
using System.IO;
using System.Xml;
using QualityGate.Diagnostics;
using QualityGate.Results;

namespace QualityGate.Recording;

/// <summary>
/// The VSTest blame collector's Sequence_*.xml attachment: the tests in the order the host started them, each marked
/// Completed="True" once it ended. A test without that mark was running when the host died or was killed for hanging.
/// VSTest gives loggers no test-start events, so for a VSTest run this file is the recorder's only bookkeeping of
/// "started, never finished".
/// </summary>
internal static class BlameSequence
{
    public static bool IsSequenceFile(RunAttachment attachment) =>
        Path.GetFileName(attachment.Path).StartsWith("Sequence_", StringComparison.OrdinalIgnoreCase)
        && attachment.Path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The tests the file lists as started and not completed, for the test assembly <paramref name="source"/>. A file
    /// that cannot be read yields none and a coded warning: the run is aborted either way, so no gate passes on it.
    /// </summary>
    public static IReadOnlyList<(string Name, string DisplayName)> Unfinished(string path, string source, TextWriter console)
    {
        var unfinished = new List<(string, string)>();
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
            using var reader = XmlReader.Create(path, settings);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.Name != "Test")
                {
                    continue;
                }

                var name = reader.GetAttribute("Name");
                var completed = string.Equals(reader.GetAttribute("Completed"), "True", StringComparison.OrdinalIgnoreCase);
                if (name is null || completed || !SameAssembly(reader.GetAttribute("Source"), source))
                {
                    continue;
                }

                unfinished.Add((name, reader.GetAttribute("DisplayName") ?? name));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or XmlException)
        {
            console.WriteLine(
                $"warning {DiagnosticCode.BlameSequenceUnreadable}: {path}: the blame collector's sequence file could not be read " +
                $"({e.Message}), so the test that stopped the host is not named. The run is still recorded as aborted.");
            return [];
        }

        return unfinished;
    }

    // The file lists the tests of every assembly of the run; a test belongs to this one when its Source names it.
    private static bool SameAssembly(string? listed, string source) =>
        listed is null
        || string.Equals(Path.GetFullPath(listed), Path.GetFullPath(source), StringComparison.OrdinalIgnoreCase)
        || string.Equals(Path.GetFileName(listed), Path.GetFileName(source), StringComparison.OrdinalIgnoreCase);
}
