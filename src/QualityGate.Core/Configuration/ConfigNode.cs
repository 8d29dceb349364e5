using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using QualityGate.Diagnostics;

namespace QualityGate.Configuration;

/// <summary>
/// A strict reader over one JSON value of qualitygate.json that knows its path ("categories.rules[2].message"), so
/// every error points at the key and lists what would have been valid.
/// </summary>
internal readonly struct ConfigNode
{
    private readonly JsonElement _element;

    public ConfigNode(JsonElement element, string path, string file)
    {
        _element = element;
        Path = path;
        File = file;
    }

    public string Path { get; }

    public string File { get; }

    public JsonValueKind Kind => _element.ValueKind;

    /// <summary>Fails on any key not in <paramref name="known"/>, suggesting the closest one.</summary>
    public ConfigNode ExpectObject(params string[] known)
    {
        if (_element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid($"must be an object, not {Describe(_element.ValueKind)}.");
        }

        foreach (var property in _element.EnumerateObject())
        {
            if (Array.IndexOf(known, property.Name) < 0)
            {
                var suggestion = Closest(property.Name, known);
                throw new QualityGateException(
                    DiagnosticCode.ConfigUnknownKey,
                    $"unknown key '{Join(Path, property.Name)}'." +
                    (suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?") +
                    $" Valid keys here: {string.Join(", ", known)}.",
                    File);
            }
        }

        return this;
    }

    public ConfigNode? Child(string key) =>
        _element.TryGetProperty(key, out var value) && value.ValueKind != JsonValueKind.Null
            ? new ConfigNode(value, Join(Path, key), File)
            : null;

    public IEnumerable<KeyValuePair<string, ConfigNode>> Properties()
    {
        foreach (var property in _element.EnumerateObject())
        {
            yield return new(property.Name, new ConfigNode(property.Value, Join(Path, property.Name), File));
        }
    }

    public IEnumerable<ConfigNode> Items()
    {
        if (_element.ValueKind != JsonValueKind.Array)
        {
            throw Invalid($"must be an array, not {Describe(_element.ValueKind)}.");
        }

        var index = 0;
        foreach (var item in _element.EnumerateArray())
        {
            yield return new ConfigNode(item, $"{Path}[{index++}]", File);
        }
    }

    public string? String(string key)
    {
        if (Child(key) is not { } child)
        {
            return null;
        }

        if (child.Kind != JsonValueKind.String)
        {
            throw child.Invalid($"must be a string, not {Describe(child.Kind)}.");
        }

        var value = child._element.GetString()!;
        if (value.Trim().Length == 0)
        {
            throw child.Invalid("must not be empty.");
        }

        return value;
    }

    /// <summary>A string array; a single string is accepted as a one-element array.</summary>
    public IReadOnlyList<string>? Strings(string key)
    {
        if (Child(key) is not { } child)
        {
            return null;
        }

        if (child.Kind == JsonValueKind.String)
        {
            return [child._element.GetString()!];
        }

        return child.Items().Select(item => item.Kind == JsonValueKind.String
            ? item._element.GetString()!
            : throw item.Invalid($"must be a string, not {Describe(item.Kind)}.")).ToList();
    }

    /// <summary>A number in [<paramref name="min"/>, <paramref name="max"/>], or null when absent.</summary>
    public double? Number(string key, double min, double max)
    {
        if (Child(key) is not { } child)
        {
            return null;
        }

        if (child.Kind != JsonValueKind.Number)
        {
            throw child.Invalid($"must be a number, not {Describe(child.Kind)}.");
        }

        var value = child._element.GetDouble();
        if (value < min || value > max)
        {
            throw child.Invalid($"is {value}; it must be between {min} and {max}.");
        }

        return value;
    }

    /// <summary>true or false, or null when absent.</summary>
    public bool? Boolean(string key) => Child(key) is not { } child
        ? null
        : child.Kind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw child.Invalid($"must be true or false, not {Describe(child.Kind)}."),
        };

    public int? Count(string key)
    {
        if (Number(key, 0, int.MaxValue) is not { } value)
        {
            return null;
        }

        if (value != System.Math.Floor(value))
        {
            throw Child(key)!.Value.Invalid($"is {value}; it must be a whole number.");
        }

        return (int)value;
    }

    public QualityGateException Invalid(string what) =>
        new(DiagnosticCode.ConfigInvalidValue, $"'{Path}' {what}", File);

    private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string? Closest(string name, string[] known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
