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

    /// <summary>False for a hidden line (0, 0xFEEFEE: compiler-generated code); refuses a negative or impossibly high one.</summary>
    public static bool IsLine(XmlReader reader, string report, string element, string attribute, int line)
    {
        if (line == 0 || line == AttributeValues.Hidden)
        {
            return false;
        }

        return line > 0 && line <= MaxLine
            ? true
            : throw Implausible(reader, report, element, $"gives line {Number(line)} ({attribute}), "
                + (line < 0 ? "a negative line number" : $"beyond any source file ({Number(MaxLine)} lines at most)"));
    }

    /// <summary>Refuses an OpenCover range that ends before it starts, beyond any file, or spans more than a statement can.</summary>
    public static void CheckRange(XmlReader reader, string report, int start, int end)
    {
        if (end < start || end > MaxLine)
        {
            throw Implausible(reader, report, "SequencePoint", end < start
                ? $"ends (el {Number(end)}) before it starts (sl {Number(start)})"
                : $"ends at line {Number(end)} (el), beyond any source file ({Number(MaxLine)} lines at most)");
        }

        if (end - start >= MaxSpan)
        {
            throw Implausible(reader, report, "SequencePoint", $"spans lines {Number(start)}-{Number(end)}, more than any statement ({Number(MaxSpan)} lines at most)");
        }
    }

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
