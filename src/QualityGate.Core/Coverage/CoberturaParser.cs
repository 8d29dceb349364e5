using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Xml;

namespace QualityGate.Coverage;

/// <summary>
/// One pass over <c>coverage/sources/source</c> and <c>coverage/packages/package/classes/class/lines/line</c>.
/// Each class lists its lines twice, once under its methods and once under the class; only the class-level list is
/// read (the Cobertura DTD requires it, and coverlet, Microsoft.CodeCoverage and ReportGenerator all write it), the
/// methods are skipped unparsed. Classes that share a file (two classes in one file, state machines, closures) are
/// added to the same <see cref="FileCoverage"/>, which counts each line once.
/// </summary>
internal sealed class CoberturaParser
{
    private readonly XmlReader _reader;
    private readonly ReportNames _names;
    private readonly PathMapper _paths;
    private readonly CoverageData _data;
    private readonly string _report;
    private readonly List<string> _sources = new();
    private readonly AttributeValues _values;

    // Mapped once per distinct filename attribute; classes of one file share the string and the FileCoverage.
    private readonly Dictionary<string, FileCoverage> _files = new(StringComparer.Ordinal);

    private readonly IReadOnlyCollection<string> _excludedPackages;

    // excludedPackages: assemblies whose code is left out, the test projects' own, which Microsoft's collector
    // measures too (Cobertura's packages are assemblies).
    public CoberturaParser(XmlReader reader, ReportNames names, PathMapper paths, CoverageData data, string report, IReadOnlyCollection<string> excludedPackages)
    {
        _excludedPackages = excludedPackages;
        _reader = reader;
        _names = names;
        _paths = paths;
        _data = data;
        _report = report;
        _values = new AttributeValues(reader, report);
    }

    [MethodImpl(HotPath.Optimized)]
    public void Parse()
    {
        var reader = _reader;
        var names = _names;
        string? classFile = null;
        FileCoverage? file = null;
        var more = reader.Read();
        while (more)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                var name = reader.LocalName;
                if (ReferenceEquals(name, names.Line))
                {
                    if (classFile is not null)
                    {
                        file ??= FileFor(classFile);
                        ReadLine(file);
                    }
                }
                else if (ReferenceEquals(name, names.Package) && _excludedPackages.Count > 0
                         && reader.GetAttribute(names.Name) is { } package && Contains(_excludedPackages, package))
                {
                    _data.ExcludedTestPackages.Add(package);
                    reader.Skip();
                    more = !reader.EOF;
                    continue;
                }
                else if (ReferenceEquals(name, names.Methods))
                {
                    reader.Skip();
                    more = !reader.EOF;
                    continue;
                }
                else if (ReferenceEquals(name, names.Class))
                {
                    // The file is looked up at the first line, so that a class without lines adds no empty file.
                    classFile = reader.GetAttribute(names.Filename) ?? throw MissingFilename();
                    file = null;
                    if (reader.IsEmptyElement)
                    {
                        classFile = null;
                    }
                }
                else if (ReferenceEquals(name, names.Source))
                {
                    var source = reader.ReadElementContentAsString().Trim();
                    if (source.Length > 0)
                    {
                        _sources.Add(source);
                    }

                    more = !reader.EOF;
                    continue;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement && ReferenceEquals(reader.LocalName, names.Class))
            {
                classFile = null;
                file = null;
            }

            more = reader.Read();
        }
    }

    [MethodImpl(HotPath.Optimized)]
    private void ReadLine(FileCoverage file)
    {
        var reader = _reader;
        var names = _names;
        var values = _values;
        int number = 0, covered = 0, valid = 0;
        long hits = 0;
        bool hasNumber = false, hasHits = false;
        while (reader.MoveToNextAttribute())
        {
            var name = reader.LocalName;
            if (reader.NamespaceURI.Length != 0)
            {
                // q:hits="9" is not hits: the report's own attributes have no namespace.
                continue;
            }

            if (ReferenceEquals(name, names.Number))
            {
                values.Load();
                number = values.Int("line", "number");
                hasNumber = true;
            }
            else if (ReferenceEquals(name, names.Hits))
            {
                values.Load();
                hits = values.Count("line", "hits");
                hasHits = true;
            }
            else if (ReferenceEquals(name, names.ConditionCoverage))
            {
                values.Load();
                values.Condition("line", out covered, out valid);
            }
        }

        reader.MoveToElement();
        if (!hasNumber || !hasHits)
        {
            throw values.Missing("line", hasNumber ? "hits" : "number");
        }

        if (number < 0 || (number > CoverageLimits.MaxLine && number != AttributeValues.Hidden))
        {
            throw CoverageLimits.Implausible(reader, _report, "line", $"gives line number {CoverageLimits.Number(number)}, "
                + (number < 0 ? "a negative one" : $"beyond any source file ({CoverageLimits.Number(CoverageLimits.MaxLine)} lines at most)"));
        }

        if (valid > CoverageLimits.MaxBranchesPerLine)
        {
            throw CoverageLimits.Implausible(reader, _report, "line", $"gives line {CoverageLimits.Number(number)} {CoverageLimits.Number(valid)} branches, "
                + $"more than any line has ({CoverageLimits.Number(CoverageLimits.MaxBranchesPerLine)} at most)");
        }

        if (AttributeValues.IsSourceLine(number))
        {
            file.Add(number, new LineHits(hits, covered, valid));
        }
    }

    private FileCoverage FileFor(string filename)
    {
        if (!_files.TryGetValue(filename, out var file))
        {
            file = _data.GetOrAddFile(_paths.Map(filename, _sources));
            _files.Add(filename, file);
        }

        return file;
    }

    private Diagnostics.QualityGateException MissingFilename()
    {
        var where = _reader is IXmlLineInfo info && info.HasLineInfo() ? $" at line {info.LineNumber}" : "";
        return new Diagnostics.QualityGateException(
            Diagnostics.DiagnosticCode.CoverageUnreadable,
            $"the coverage report's <class> element{where} has no filename attribute, so its lines belong to no source "
            + "file. The report is corrupt or was written by a tool QualityGate does not know; regenerate it with "
            + "coverlet or Microsoft.CodeCoverage (Format=cobertura).",
            _report);
    }

    private static bool Contains(IReadOnlyCollection<string> names, string name)
    {
        foreach (var candidate in names)
        {
            if (string.Equals(candidate, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
