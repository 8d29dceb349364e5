using System.Runtime.CompilerServices;
using System.Xml;
using QualityGate.Diagnostics;

namespace QualityGate.Coverage;

/// <summary>
/// Reads the numbers in the attributes of the element the reader is on without making a string of each: the value
/// is copied into one reused buffer (XmlReader.ReadValueChunk) and parsed from there, with no culture and no
/// exception on the happy path. A report has a few attributes per line and millions of lines.
/// </summary>
internal sealed class AttributeValues
{
    // Longer than any number or "100% (123456/123456)"; a longer value is malformed whatever it holds.
    private readonly char[] _chars = new char[64];
    private readonly XmlReader _reader;
    private readonly string _report;
    private int _length;

    public AttributeValues(XmlReader reader, string report)
    {
        _reader = reader;
        _report = report;
    }

    /// <summary>The line number of a hidden sequence point (compiler-generated code), as line 0 is.</summary>
    public const int Hidden = 0xFEEFEE;

    /// <summary>Line 0 and 0xFEEFEE mark hidden sequence points (compiler-generated code): no source line to cover.</summary>
    public static bool IsSourceLine(int line) => line > 0 && line != Hidden;

    /// <summary>Copies the value of the attribute the reader is on into the buffer.</summary>
    [MethodImpl(HotPath.Optimized)]
    public void Load()
    {
        if (_reader.CanReadValueChunk)
        {
            _length = _reader.ReadValueChunk(_chars, 0, _chars.Length);
            return;
        }

        var value = _reader.Value;
        _length = value.Length < _chars.Length ? value.Length : _chars.Length;
        value.CopyTo(0, _chars, 0, _length);
    }

    /// <summary>The loaded value as a count: a negative one is as corrupt as a word.</summary>
    [MethodImpl(HotPath.Optimized)]
    public long Count(string element, string attribute) =>
        TryParse(0, _length, out var value) && value >= 0 ? value : throw Malformed(element, attribute);

    /// <summary>The loaded value as an int (a line number, an IL offset, a branch path).</summary>
    [MethodImpl(HotPath.Optimized)]
    public int Int(string element, string attribute) =>
        TryParse(0, _length, out var value) && value >= int.MinValue && value <= int.MaxValue ? (int)value : throw Malformed(element, attribute);

    /// <summary>The loaded value read as Cobertura's condition-coverage: "50% (1/2)" is 1 covered of 2.</summary>
    public void Condition(string element, out int covered, out int valid)
    {
        int open = -1, slash = -1, close = -1;
        for (var i = 0; i < _length; i++)
        {
            var c = _chars[i];
            if (c == '(' && open < 0)
            {
                open = i;
            }
            else if (c == '/' && open >= 0 && slash < 0)
            {
                slash = i;
            }
            else if (c == ')' && slash >= 0 && close < 0)
            {
                close = i;
            }
        }

        if (close < 0
            || !TryParse(open + 1, slash - open - 1, out var coveredCount)
            || !TryParse(slash + 1, close - slash - 1, out var validCount)
            || coveredCount < 0 || coveredCount > validCount || validCount > int.MaxValue)
        {
            throw Malformed(element, "condition-coverage");
        }

        covered = (int)coveredCount;
        valid = (int)validCount;
    }

    public QualityGateException Missing(string element, string attribute) => Error(element, attribute, "is missing");

    private QualityGateException Malformed(string element, string attribute)
    {
        var text = new string(_chars, 0, _length) + (_length == _chars.Length ? "…" : "");
        return Error(element, attribute, $"is \"{text}\", which is not a valid number here");
    }

    private QualityGateException Error(string element, string attribute, string found)
    {
        var where = _reader is IXmlLineInfo info && info.HasLineInfo() ? $" at line {info.LineNumber}, position {info.LinePosition}" : "";
        return new QualityGateException(
            DiagnosticCode.CoverageUnreadable,
            $"the coverage report's <{element}> element{where} is unreadable: its {attribute} attribute {found}. "
            + "The report is corrupt or was written by a tool QualityGate does not know; regenerate it with coverlet or "
            + "Microsoft.CodeCoverage (Format=cobertura).",
            _report);
    }

    [MethodImpl(HotPath.Optimized)]
    private bool TryParse(int start, int length, out long value)
    {
        value = 0;
        var chars = _chars;
        var end = start + length;
        while (start < end && chars[start] == ' ')
        {
            start++;
        }

        while (end > start && chars[end - 1] == ' ')
        {
            end--;
        }

        var negative = start < end && chars[start] == '-';
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
            var digit = chars[i] - '0';
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
}
