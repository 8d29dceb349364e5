using System.Runtime.CompilerServices;
using System.Xml;
using QualityGate.Diagnostics;

namespace QualityGate.Coverage;

/// <summary>Attribute numbers parsed straight from the attribute string: no Substring, no culture, no exceptions thrown
/// on the happy path.</summary>
internal static class XmlNumbers
{
    [MethodImpl(HotPath.Optimized)]
    public static long ParseLong(string? text, XmlReader reader, string attribute, string file)
    {
        if (text is not null && TryParseLong(text, 0, text.Length, out var value))
        {
            return value;
        }

        throw Malformed(reader, attribute, text, file);
    }

    /// <summary>A count: a negative one is as corrupt as a word.</summary>
    [MethodImpl(HotPath.Optimized)]
    public static long ParseCount(string? text, XmlReader reader, string attribute, string file)
    {
        var value = ParseLong(text, reader, attribute, file);
        return value >= 0 ? value : throw Malformed(reader, attribute, text, file);
    }

    /// <summary>Line 0 and 0xFEEFEE mark hidden sequence points (compiler-generated code): no source line to cover.</summary>
    public static bool IsSourceLine(int line) => line > 0 && line != 0xFEEFEE;

    [MethodImpl(HotPath.Optimized)]
    public static int ParseInt(string? text, XmlReader reader, string attribute, string file)
    {
        var value = ParseLong(text, reader, attribute, file);
        if (value > int.MaxValue || value < int.MinValue)
        {
            throw Malformed(reader, attribute, text, file);
        }

        return (int)value;
    }

    /// <summary>Reads "50% (1/2)" as 1 covered of 2.</summary>
    public static void ParseConditionCoverage(string text, XmlReader reader, string file, out int covered, out int valid)
    {
        var open = text.IndexOf('(');
        var slash = open < 0 ? -1 : text.IndexOf('/', open);
        var close = slash < 0 ? -1 : text.IndexOf(')', slash);
        if (close < 0
            || !TryParseLong(text, open + 1, slash - open - 1, out var c)
            || !TryParseLong(text, slash + 1, close - slash - 1, out var v)
            || c > v || v > int.MaxValue)
        {
            throw Malformed(reader, "condition-coverage", text, file);
        }

        covered = (int)c;
        valid = (int)v;
    }

    [MethodImpl(HotPath.Optimized)]
    private static bool TryParseLong(string text, int start, int length, out long value)
    {
        value = 0;
        var end = start + length;
        while (start < end && text[start] == ' ')
        {
            start++;
        }

        while (end > start && text[end - 1] == ' ')
        {
            end--;
        }

        var negative = start < end && text[start] == '-';
        if (negative)
        {
            start++;
        }

        if (start >= end || end - start > 18)
        {
            return false;
        }

        for (var i = start; i < end; i++)
        {
            var digit = text[i] - '0';
            if (digit < 0 || digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        if (negative)
        {
            value = -value;
        }

        return true;
    }

    private static QualityGateException Malformed(XmlReader reader, string attribute, string? text, string file)
    {
        var where = reader is IXmlLineInfo info && info.HasLineInfo() ? $" at line {info.LineNumber}, position {info.LinePosition}" : "";
        var found = text is null ? "is missing" : $"is \"{text}\", which is not a valid number here";
        return new QualityGateException(
            DiagnosticCode.CoverageUnreadable,
            $"the coverage report's <{reader.LocalName}> element{where} is unreadable: its {attribute} attribute {found}. "
            + "The report is corrupt or was written by a tool QualityGate does not know; regenerate it with coverlet or "
            + "Microsoft.CodeCoverage (Format=cobertura).",
            file);
    }
}
