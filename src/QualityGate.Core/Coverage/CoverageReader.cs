using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using QualityGate.Diagnostics;

namespace QualityGate.Coverage;

/// <summary>
/// Reads a Cobertura or OpenCover report in one streaming pass. Fails closed: a report that is missing, empty,
/// truncated, of another kind, or that measured nothing is a <see cref="QualityGateException"/> (QG3001–QG3005),
/// never an empty result a policy could pass on.
/// </summary>
internal static class CoverageReader
{
    private const string HowToProduce =
        "QualityGate reads Cobertura (coverlet: --collect \"XPlat Code Coverage\" or /p:CollectCoverage=true "
        + "/p:CoverletOutputFormat=cobertura; Microsoft.CodeCoverage: --collect \"Code Coverage;Format=cobertura\") "
        + "and OpenCover (/p:CoverletOutputFormat=opencover) reports";

    /// <summary>Reads the report at <paramref name="path"/>, detecting its format from the root element.</summary>
    public static CoverageData Read(string path, PathMapper paths) => Read(path, paths, []);

    /// <summary>Reads the report, leaving out the code of <paramref name="excludedModules"/> (test assemblies).</summary>
    public static CoverageData Read(string path, PathMapper paths, IReadOnlyCollection<string> excludedModules)
    {
        if (paths is null)
        {
            throw new ArgumentNullException(nameof(paths));
        }

        return Open(path, readBody: true, paths, excludedModules, out _)!;
    }

    /// <summary>The report's format, from its root element, with the same checks as <see cref="Read(string, PathMapper)"/> up to there.</summary>
    public static CoverageFormat DetectFormat(string path)
    {
        Open(path, readBody: false, paths: null, [], out var format);
        return format;
    }

    private static CoverageData? Open(string path, bool readBody, PathMapper? paths, IReadOnlyCollection<string> excludedModules, out CoverageFormat format)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        CheckExists(path);
        try
        {
            // Before opening: a FIFO (or a symlink to one) would block the open forever, a device never ends; both
            // report a length of 0, like the empty file they are as far as coverage goes.
            if (InputFile.Length(path) == 0)
            {
                throw Empty(path, "is empty (0 bytes)");
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            if (stream.Length == 0)
            {
                throw Empty(path, "is empty (0 bytes)");
            }

            switch (ReportSniffer.Sniff(stream, out var description))
            {
                case ReportSniffer.Kind.Blank:
                    throw Empty(path, "holds only white space");
                case ReportSniffer.Kind.Other:
                    throw Foreign(path, $"it is {description}");
            }

            using var reader = XmlReader.Create(stream, Settings());
            var names = new ReportNames(reader.NameTable);
            reader.MoveToContent();
            format = DetectRoot(reader, names, path);
            if (!readBody)
            {
                return null;
            }

            var data = new CoverageData();
            var fullPath = Path.GetFullPath(path);
            if (format == CoverageFormat.Cobertura)
            {
                new CoberturaParser(reader, names, paths!, data, path, excludedModules).Parse();
            }
            else
            {
                new OpenCoverParser(reader, names, paths!, data, path, stream.Length).Parse();
            }

            data.AddSource(fullPath);
            CheckMeasuredSomething(data, format, path);
            data.CheckCounts(path);
            SourceFiles.Check(data, paths!, path);
            return data;
        }
        catch (XmlException e)
        {
            // The XmlException's own words quote the file ("'x' is an unexpected token"); say where, not what.
            throw new QualityGateException(
                DiagnosticCode.CoverageUnreadable,
                $"the coverage report is not well-formed XML at line {CoverageLimits.Number(e.LineNumber)}, position "
                + $"{CoverageLimits.Number(e.LinePosition)}: it is truncated or corrupt, usually because the test run was killed or "
                + "the disk filled up while the report was written. Delete it and run the tests again.",
                path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new QualityGateException(
                DiagnosticCode.CoverageUnreadable,
                $"the coverage report could not be read ({e.Message}). Check that no other process holds it and that it is readable.",
                path,
                e);
        }
    }

    internal static XmlReaderSettings Settings() => new()
    {
        // Ignore, not Prohibit: ReportGenerator's Cobertura output starts with <!DOCTYPE coverage SYSTEM "…dtd">.
        // Ignoring skips the DTD without reading or fetching it (no resolver), so no entity can be declared or
        // expanded: the same protection as Prohibit against entity expansion and external fetches.
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    private static CoverageFormat DetectRoot(XmlReader reader, ReportNames names, string path)
    {
        if (reader.NodeType == XmlNodeType.Element)
        {
            if (ReferenceEquals(reader.LocalName, names.Coverage))
            {
                return CoverageFormat.Cobertura;
            }

            if (ReferenceEquals(reader.LocalName, names.CoverageSession))
            {
                return CoverageFormat.OpenCover;
            }
        }

        throw Foreign(path, ReportSniffer.DescribeRoot(reader.LocalName));
    }

    private static void CheckExists(string path)
    {
        if (File.Exists(path))
        {
            return;
        }

        var found = Directory.Exists(path) ? "is a folder, not a file" : "does not exist";
        throw new QualityGateException(
            DiagnosticCode.CoverageMissing,
            $"the coverage report {found}: the test run wrote no coverage there. Check that the tests ran with coverage "
            + "(coverlet.collector referenced and --collect \"XPlat Code Coverage\" passed; coverlet.msbuild with "
            + "/p:CollectCoverage=true; or Microsoft.CodeCoverage with --collect \"Code Coverage;Format=cobertura\") and that "
            + "the configured path matches where the producer writes the report. A results folder moved without its "
            + "coverage: pass the reports with --coverage.",
            path);
    }

    private static void CheckMeasuredSomething(CoverageData data, CoverageFormat format, string path)
    {
        if (data.LineTotals().Valid > 0)
        {
            return;
        }

        if (data.ExcludedTestPackages.Count > 0)
        {
            throw new QualityGateException(
                DiagnosticCode.CoverageNoLines,
                $"the coverage report measured only test code ({string.Join(", ", data.ExcludedTestPackages.Take(5))}), which "
                + "is left out of the figures: nothing of the product was measured. Measure the assemblies under test (reference "
                + "them from the test project), or count test code with \"coverage\": { \"includeTestCode\": true }.",
                path);
        }

        var why = format == CoverageFormat.OpenCover
            ? "every module is missing or was skipped (skippedDueTo)"
            : "it lists no <class> with <line> elements";
        throw new QualityGateException(
            DiagnosticCode.CoverageNoLines,
            $"the coverage report has no coverable lines ({why}): the producer measured no code, so there is no coverage "
            + "to check. Check the producer's include/exclude filters (coverlet's Include, Exclude, ExcludeByFile) and "
            + "that the assemblies under test were built with their .pdb files next to them.",
            path);
    }

    private static QualityGateException Empty(string path, string found) => new(
        DiagnosticCode.CoverageEmpty,
        $"the coverage report {found}: the producer created it but wrote no coverage, usually because the test host "
        + "crashed or was stopped before the report was written. Run the tests again and check that the run finished; "
        + "with coverlet.collector check that it is referenced and that --collect \"XPlat Code Coverage\" was passed.",
        path);

    private static QualityGateException Foreign(string path, string found) => new(
        DiagnosticCode.CoverageForeignFormat,
        $"the file given as coverage is not a coverage report: {found}. {HowToProduce}: point the coverage setting at "
        + "that file (for example TestResults/*/coverage.cobertura.xml).",
        path);
}
