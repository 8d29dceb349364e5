using System;
using System.Globalization;
using System.Xml;
using QualityGate.Diagnostics;

namespace QualityGate.Coverage;

/// <summary>
/// What a real coverage report can say, so that one that says more is refused (QG3007) instead of believed: a single
/// <c>&lt;SequencePoint sl="4" el="100000"&gt;</c> once made a 34-line file 100 % covered, and <c>el="2147483647"</c>
/// made the reader allocate until the kernel killed it. The limits sit far above any real source file, so they only
/// ever meet corrupt or forged reports, and they keep memory proportional to real lines.
/// </summary>
internal static class CoverageLimits
{
    /// <summary>The highest line number of any source file (a C# file of a million lines is ~40 MB).</summary>
    public const int MaxLine = 1_000_000;

    /// <summary>The most lines one OpenCover sequence point (one statement) may span.</summary>
    public const int MaxSpan = 10_000;

    /// <summary>The most branches one source line may have (a generated switch of thousands of cases stays below).</summary>
    public const int MaxBranchesPerLine = 10_000;

    /// <summary>
    /// How many lines a report's sequence points may add beyond their first line, all together: a real OpenCover
    /// report spends ~100 bytes per sequence point and spans a line or two with it, so one extra line per 32 bytes
    /// (at least a million) is far above reality and keeps the work proportional to the report's size.
    /// </summary>
    public static long SpanBudget(long reportBytes) => Math.Max(1_000_000, reportBytes / 32);

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static QualityGateException Implausible(XmlReader reader, string report, string element, string what)
    {
        var where = reader is IXmlLineInfo info && info.HasLineInfo()
            ? $" at line {Number(info.LineNumber)}, position {Number(info.LinePosition)}"
            : string.Empty;
        return new QualityGateException(
            DiagnosticCode.CoverageImplausible,
            $"the coverage report's <{element}> element{where} {what}. No real source file or producer gives that: the "
            + "report is corrupt or forged. Delete it and run the tests again with coverage.",
            report);
    }

    public static QualityGateException Implausible(string? report, string what) => new(
        DiagnosticCode.CoverageImplausible,
        $"the coverage {what}. No real report gives that: it is corrupt or forged. Delete it and run the tests again with coverage.",
        report);
}
