using System;
using System.Collections.Generic;
using System.Linq;
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

    // No attribute can parse to this: AttributeValues.Int refuses values beyond 18 digits.
    private const int Absent = int.MinValue;
    private readonly AttributeValues _values;
    private readonly long _spanBudget;
    private long _spanned;

    public OpenCoverParser(XmlReader reader, ReportNames names, PathMapper paths, CoverageData data, string report, long reportBytes)
    {
        _reader = reader;
        _names = names;
        _paths = paths;
        _data = data;
        _report = report;
        _values = new AttributeValues(reader, report);
        _spanBudget = CoverageLimits.SpanBudget(reportBytes);
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
                else if ((ReferenceEquals(name, names.Module) || ReferenceEquals(name, names.OpenCoverClass) || ReferenceEquals(name, names.Method))
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
        long visits = -1;
        int start = Absent, end = Absent;
        var fileId = methodFile;
        ReadPoint("SequencePoint", ref visits, ref start, ref end, ref fileId, out _, out _);
        if (visits < 0 || start == Absent)
        {
            throw _values.Missing("SequencePoint", visits < 0 ? "vc" : "sl");
        }

        if (!CoverageLimits.IsLine(_reader, _report, "SequencePoint", "sl", start))
        {
            return;
        }

        end = end == Absent ? start : end;
        CoverageLimits.CheckRange(_reader, _report, start, end);
        _spanned += end - start;
        if (_spanned > _spanBudget)
        {
            throw CoverageLimits.Implausible(_reader, _report, "SequencePoint", $"brings the lines the report's sequence points span to more than {CoverageLimits.Number(_spanBudget)}, far more than a report of its size can describe");
        }

        var file = FileFor(fileId);
        var hits = new LineHits(visits, 0, 0);
        for (var line = start; line <= end; line++)
        {
            file.Add(line, hits);
        }
    }

    [MethodImpl(HotPath.Optimized)]
    private void ReadBranchPoint(string? methodFile)
    {
        long visits = -1;
        int line = Absent, unused = Absent;
        var fileId = methodFile;
        ReadPoint("BranchPoint", ref visits, ref line, ref unused, ref fileId, out var offset, out var path);
        if (visits < 0 || line == Absent || offset is null || path is null)
        {
            throw _values.Missing("BranchPoint", visits < 0 ? "vc" : line == Absent ? "sl" : offset is null ? "offset" : "path");
        }

        if (!CoverageLimits.IsLine(_reader, _report, "BranchPoint", "sl", line))
        {
            return;
        }

        var key = (FileFor(fileId), line, offset.Value, path.Value);
        _branches.TryGetValue(key, out var covered);
        _branches[key] = covered || visits > 0;
    }

    // The attributes both point kinds share; offset and path are only read from branch points.
    [MethodImpl(HotPath.Optimized)]
    private void ReadPoint(string element, ref long visits, ref int start, ref int end, ref string? fileId, out int? offset, out int? path)
    {
        var reader = _reader;
        var names = _names;
        var values = _values;
        offset = null;
        path = null;
        while (reader.MoveToNextAttribute())
        {
            var name = reader.LocalName;
            if (reader.NamespaceURI.Length != 0)
            {
                // q:vc="9" is not vc: the report's own attributes have no namespace.
                continue;
            }

            if (ReferenceEquals(name, names.Vc))
            {
                values.Load();
                visits = values.Count(element, "vc");
            }
            else if (ReferenceEquals(name, names.Sl))
            {
                values.Load();
                start = values.Int(element, "sl");
            }
            else if (ReferenceEquals(name, names.El))
            {
                values.Load();
                end = values.Int(element, "el");
            }
            else if (ReferenceEquals(name, names.FileId))
            {
                fileId = reader.Value;
            }
            else if (ReferenceEquals(name, names.Offset))
            {
                values.Load();
                offset = values.Int(element, "offset");
            }
            else if (ReferenceEquals(name, names.Path))
            {
                values.Load();
                path = values.Int(element, "path");
            }
        }

        reader.MoveToElement();
    }

    private void AddBranches()
    {
        // A line's branches, in (offset, path) order, become bits 0, 1, 2, …: the same build numbers them the same
        // way in every report, so shards of one run merge branch by branch.
        foreach (var line in _branches.GroupBy(b => (b.Key.File, b.Key.Line)))
        {
            if (!line.Key.File.Lines.ContainsKey(line.Key.Line))
            {
                continue;
            }

            var ordered = line.OrderBy(b => b.Key.Offset).ThenBy(b => b.Key.Path).ToList();
            if (ordered.Count > CoverageLimits.MaxBranchesPerLine)
            {
                throw CoverageLimits.Implausible(_report, $"report gives line {CoverageLimits.Number(line.Key.Line)} of {line.Key.File.Path} {CoverageLimits.Number(ordered.Count)} branch points, more than any line has ({CoverageLimits.Number(CoverageLimits.MaxBranchesPerLine)} at most)");
            }

            var mask = 0UL;
            for (var i = 0; i < ordered.Count && i < 64; i++)
            {
                mask |= ordered[i].Value ? 1UL << i : 0UL;
            }

            line.Key.File.AddBranches(line.Key.Line, ordered.Count, mask);
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
