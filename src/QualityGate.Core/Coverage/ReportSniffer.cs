using System;
using System.IO;
using System.Text;

namespace QualityGate.Coverage;

/// <summary>
/// Names what a file given as coverage is when it is not a coverage report, from its first bytes or its root
/// element, so the error can say "that is a TRX file" instead of "bad XML".
/// </summary>
internal static class ReportSniffer
{
    public const int Length = 4096;

    public enum Kind
    {
        Xml,
        Blank,
        Other,
    }

    /// <summary>Looks at the start of the file; <paramref name="description"/> names a foreign format.</summary>
    public static Kind Sniff(Stream stream, out string description)
    {
        var buffer = new byte[Length];
        var count = 0;
        int read;
        while (count < buffer.Length && (read = stream.Read(buffer, count, buffer.Length - count)) > 0)
        {
            count += read;
        }

        stream.Seek(0, SeekOrigin.Begin);
        description = "";
        if (count >= 2 && ((buffer[0] == 0xFE && buffer[1] == 0xFF) || (buffer[0] == 0xFF && buffer[1] == 0xFE)))
        {
            return Kind.Xml; // UTF-16: leave it to the XML reader, which knows the encoding.
        }

        var start = count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
        while (start < count && buffer[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        if (start == count)
        {
            return count < Length ? Kind.Blank : Kind.Xml;
        }

        var head = Encoding.UTF8.GetString(buffer, start, Math.Min(count - start, 256));
        if (head.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            description = "an HTML page (a rendered report such as ReportGenerator's index.html, not the data it was made from)";
            return Kind.Other;
        }

        if (head[0] == '<')
        {
            return Kind.Xml;
        }

        // What kind of file, never what it says: it may be a symlink to a credentials file.
        var kind = Diagnostics.FileKind.Describe(buffer, count);
        description = head[0] switch
        {
            '{' or '[' when kind == "JSON" => "JSON (coverlet's native 'json' format?), not XML",
            _ when head.StartsWith("TN:", StringComparison.Ordinal) || head.StartsWith("SF:", StringComparison.Ordinal) => "an LCOV tracefile, not XML",
            _ when head.StartsWith("PCH", StringComparison.Ordinal) => "a binary Microsoft.CodeCoverage .coverage file, not XML (ask for Format=cobertura)",
            _ => $"{kind}, not XML",
        };
        return Kind.Other;
    }

    /// <summary>What a document with this root element is, for the QG3004 message; an unknown root is not named.</summary>
    public static string DescribeRoot(string localName) => localName switch
    {
        "TestRun" => "its root element is <TestRun>, which is a TRX test results file",
        "html" => "its root element is <html>, which is an HTML page",
        "assemblies" => "its root element is <assemblies>, which is an xUnit XML test results file",
        "test-run" => "its root element is <test-run>, which is an NUnit test results file",
        "testsuites" or "testsuite" => $"its root element is <{localName}>, which is a JUnit test results file",
        "results" => "its root element is <results>, which is Microsoft.CodeCoverage's own XML format (Format=xml)",
        "CoverageDSPriv" => "its root element is <CoverageDSPriv>, which is a Visual Studio .coveragexml file",
        "report" => "its root element is <report>, which is a JaCoCo report",
        _ => "it is an XML document of a kind QualityGate does not know (its root element is neither <coverage> nor <CoverageSession>)",
    };
}
