using System;
using System.Collections.Generic;
using System.Text.Json;
using QualityGate.Diagnostics;

namespace QualityGate.Results;

/// <summary>
/// One value of a results file with its JSON path ("tests[3].name"), read strictly: a field of the wrong type, a null
/// where the schema has none, a negative duration or count is QG2007 naming the path, never a NullReferenceException
/// further on. Fields the schema does not name are allowed (schema 1 may grow).
/// </summary>
internal readonly struct ResultsNode
{
    private readonly JsonElement _element;

    public ResultsNode(JsonElement element, string path, string file)
    {
        _element = element;
        Path = path;
        File = file;
    }

    public string Path { get; }

    public string File { get; }

    public ResultsNode Object()
    {
        if (_element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid($"is {Describe(_element.ValueKind)}; it must be an object");
        }

        return this;
    }

    /// <summary>The child, which must be there and not null.</summary>
    public ResultsNode Required(string key) =>
        Optional(key) ?? throw Child(key).Invalid(_element.TryGetProperty(key, out _) ? "is null; it must have a value" : "is missing");

    /// <summary>The child, or null when it is absent or JSON null.</summary>
    public ResultsNode? Optional(string key) =>
        _element.TryGetProperty(key, out var value) && value.ValueKind != JsonValueKind.Null ? new ResultsNode(value, Join(key), File) : null;

    public string String(string key) => Required(key).AsString();

    public string? NullableString(string key) => Optional(key)?.AsString();

    public bool Bool(string key)
    {
        var child = Required(key);
        return child._element.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            var kind => throw child.Invalid($"is {Describe(kind)}; it must be true or false"),
        };
    }

    /// <summary>A duration or amount: a finite number, not negative; <paramref name="absent"/> when left out.</summary>
    public double NonNegative(string key, double absent)
    {
        if (Optional(key) is not { } child)
        {
            return _element.TryGetProperty(key, out _) ? throw Child(key).Invalid("is null; it must be a number") : absent;
        }

        if (child._element.ValueKind != JsonValueKind.Number)
        {
            throw child.Invalid($"is {Describe(child._element.ValueKind)}; it must be a number");
        }

        if (!child._element.TryGetDouble(out var value) || double.IsInfinity(value) || double.IsNaN(value))
        {
            throw child.Invalid("is beyond any duration or count; it must be a finite number");
        }

        return value >= 0 ? value : throw child.Invalid("is negative; durations and counts cannot be");
    }

    /// <summary>A whole number from 0 up, or null when absent or JSON null.</summary>
    public int? Count(string key)
    {
        if (Optional(key) is not { } child)
        {
            return null;
        }

        if (child._element.ValueKind != JsonValueKind.Number || !child._element.TryGetInt32(out var value))
        {
            throw child.Invalid($"is {Describe(child._element.ValueKind)}; it must be a whole number that fits in 32 bits");
        }

        return value >= 0 ? value : throw child.Invalid("is negative; line numbers and counts cannot be");
    }

    public IEnumerable<ResultsNode> Items(string key)
    {
        var array = Required(key);
        if (array._element.ValueKind != JsonValueKind.Array)
        {
            throw array.Invalid($"is {Describe(array._element.ValueKind)}; it must be an array");
        }

        var index = 0;
        foreach (var item in array._element.EnumerateArray())
        {
            yield return new ResultsNode(item, $"{array.Path}[{index++}]", File);
        }
    }

    public IEnumerable<KeyValuePair<string, ResultsNode>> Properties()
    {
        Object();
        foreach (var property in _element.EnumerateObject())
        {
            yield return new(property.Name, new ResultsNode(property.Value, Join(property.Name), File));
        }
    }

    public string AsString()
    {
        if (_element.ValueKind != JsonValueKind.String)
        {
            throw Invalid($"is {Describe(_element.ValueKind)}; it must be a string");
        }

        try
        {
            return _element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw Invalid("is not valid UTF-8 text");
        }
    }

    public QualityGateException Invalid(string what) => new(
        DiagnosticCode.ResultsForeign,
        $"the results file is malformed: '{Path}' {what}. It was edited or written by another tool; run the tests again "
        + "with --logger gate to write it anew.",
        File);

    private ResultsNode Child(string key) => new(default, Join(key), File);

    private string Join(string key) => Path.Length == 0 ? key : Path + "." + key;

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "missing",
    };
}
