using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Xml;
using QualityGate.Diagnostics;

namespace QualityGate.Coverage;

/// <summary>
/// One pass over <c>Modules/Module</c>: its <c>Files/File</c> (uid to path) come first, then
/// <c>Classes/Class/Methods/Method</c> with <c>SequencePoints/SequencePoint</c> (lines sl..el, visit count vc) and
/// <c>BranchPoints/BranchPoint</c>. Modules, classes and methods marked <c>skippedDueTo</c> are skipped.
/// </summary>
/// <remarks>
/// OpenCover names its branches, so they are counted by identity: a branch is (file, line, offset, path), covered
/// when any of its listings has vc &gt; 0, and each is counted once however many classes repeat it. The per-line
/// counts are added to the file after the pass, and only to lines a sequence point made coverable.
/// </remarks>
internal sealed class OpenCoverParser
{
    private readonly XmlReader _reader;
    private readonly ReportNames _names;
    private readonly PathMapper _paths;
    private readonly CoverageData _data;
    private readonly string _report;

    // File uid to its path, for the current module (uids are only unique within a module).
    private readonly Dictionary<string, string> _moduleFiles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileCoverage> _fileByUid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _mapped = new(StringComparer.Ordinal);
    private readonly Dictionary<(FileCoverage File, int Line, int Offset, int Path), bool> _branches = new();
    private static readonly IReadOnlyList<string> NoSourceRoots = Array.Empty<string>();

    public OpenCoverParser(XmlReader reader, ReportNames names, PathMapper paths, CoverageData data, string report)
    {
        _reader = reader;
        _names = names;
        _paths = paths;
        _data = data;
        _report = report;
    }

    [MethodImpl(HotPath.Optimized)]
    public void Parse()
    {
        var reader = _reader;
        var names = _names;
        string? methodFile = null;
        var more = reader.Read();
        while (more)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                var name = reader.LocalName;
                if (ReferenceEquals(name, names.SequencePoint))
                {
                    ReadSequencePoint(methodFile);
                }
                else if (ReferenceEquals(name, names.BranchPoint))
                {
                    ReadBranchPoint(methodFile);
                }
                else if ((ReferenceEquals(name, names.Module) || ReferenceEquals(name, names.Class2) || ReferenceEquals(name, names.Method))
                    && reader.GetAttribute(names.SkippedDueTo) is not null)
                {
                    reader.Skip();
                    more = !reader.EOF;
                    continue;
                }
                else if (ReferenceEquals(name, names.Module))
                {
                    _moduleFiles.Clear();
                    _fileByUid.Clear();
                }
                else if (ReferenceEquals(name, names.Method))
                {
                    methodFile = null;
                }
                else if (ReferenceEquals(name, names.File))
                {
                    var uid = Required(names.Uid, "uid");
                    _moduleFiles[uid] = Required(names.FullPath, "fullPath");
                }
                else if (ReferenceEquals(name, names.FileRef))
                {
                    methodFile = reader.GetAttribute(names.Uid);
                }
            }

            more = reader.Read();
        }

        AddBranches();
    }

    [MethodImpl(HotPath.Optimized)]
    private void ReadSequencePoint(string? methodFile)
    {
        var reader = _reader;
        var visits = XmlNumbers.ParseCount(reader.GetAttribute(_names.Vc), reader, "vc", _report);
        var start = XmlNumbers.ParseInt(reader.GetAttribute(_names.Sl), reader, "sl", _report);
        var endText = reader.GetAttribute(_names.El);
        var end = endText is null ? start : XmlNumbers.ParseInt(endText, reader, "el", _report);
        if (!XmlNumbers.IsSourceLine(start))
        {
            return;
        }

        var file = FileFor(reader.GetAttribute(_names.FileId) ?? methodFile);
        var hits = new LineHits(visits, 0, 0);
        for (var line = start; line <= Math.Max(start, end); line++)
        {
            file.Add(line, hits);
        }
    }

    [MethodImpl(HotPath.Optimized)]
    private void ReadBranchPoint(string? methodFile)
    {
        var reader = _reader;
        var visits = XmlNumbers.ParseCount(reader.GetAttribute(_names.Vc), reader, "vc", _report);
        var line = XmlNumbers.ParseInt(reader.GetAttribute(_names.Sl), reader, "sl", _report);
        var offset = XmlNumbers.ParseInt(reader.GetAttribute(_names.Offset), reader, "offset", _report);
        var path = XmlNumbers.ParseInt(reader.GetAttribute(_names.Path), reader, "path", _report);
        if (!XmlNumbers.IsSourceLine(line))
        {
            return;
        }

        var key = (FileFor(reader.GetAttribute(_names.FileId) ?? methodFile), line, offset, path);
        _branches.TryGetValue(key, out var covered);
        _branches[key] = covered || visits > 0;
    }

    private void AddBranches()
    {
        var perLine = new Dictionary<(FileCoverage File, int Line), (int Covered, int Valid)>();
        foreach (var branch in _branches)
        {
            var key = (branch.Key.File, branch.Key.Line);
            perLine.TryGetValue(key, out var counts);
            perLine[key] = (counts.Covered + (branch.Value ? 1 : 0), counts.Valid + 1);
        }

        foreach (var line in perLine)
        {
            if (line.Key.File.Lines.ContainsKey(line.Key.Line))
            {
                line.Key.File.Add(line.Key.Line, new LineHits(0, line.Value.Covered, line.Value.Valid));
            }
        }
    }

    private FileCoverage FileFor(string? uid)
    {
        if (uid is not null && _fileByUid.TryGetValue(uid, out var known))
        {
            return known;
        }

        if (uid is null || !_moduleFiles.TryGetValue(uid, out var reportPath))
        {
            throw Corrupt(uid is null
                ? "has no fileid and its method no <FileRef>, so its line belongs to no source file"
                : $"refers to file uid {uid}, which its module's <Files> does not list");
        }

        if (!_mapped.TryGetValue(reportPath, out var mapped))
        {
            mapped = _paths.Map(reportPath, NoSourceRoots);
            _mapped.Add(reportPath, mapped);
        }

        var file = _data.GetOrAddFile(mapped);
        _fileByUid.Add(uid, file);
        return file;
    }

    private string Required(string attribute, string display) =>
        _reader.GetAttribute(attribute) ?? throw Corrupt($"has no {display} attribute");

    private QualityGateException Corrupt(string what)
    {
        var where = _reader is IXmlLineInfo info && info.HasLineInfo() ? $" at line {info.LineNumber}" : "";
        return new QualityGateException(
            DiagnosticCode.CoverageUnreadable,
            $"the coverage report's <{_reader.LocalName}> element{where} {what}. The report is corrupt or was written by "
            + "a tool QualityGate does not know; regenerate it with coverlet (/p:CoverletOutputFormat=opencover) or OpenCover.",
            _report);
    }
}
