using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace QualityGate.Diagnostics;

/// <summary>
/// One pass over a JSON document before it is trusted: is it JSON at all, and does any object repeat a key. A
/// repeated key is the classic parser differential — one reader keeps the first value, another (JsonDocument) the
/// last, so <c>"total": {"line": 90}, "total": {"line": 10}</c> reads as whichever the attacker wanted. Keys are
/// compared unescaped, so <c>"tot\u0061l"</c> repeats <c>"total"</c>. Problems are described by position and kind,
/// never by quoting the input.
/// </summary>
internal static class StrictJson
{
    public const int MaxDepth = 64;

    /// <summary>Null when <paramref name="utf8"/> is well-formed JSON without repeated keys; else what is wrong.</summary>
    public static JsonProblem? Check(byte[] utf8, bool allowCommentsAndTrailingCommas)
    {
        var options = new JsonReaderOptions
        {
            CommentHandling = allowCommentsAndTrailingCommas ? JsonCommentHandling.Skip : JsonCommentHandling.Disallow,
            AllowTrailingCommas = allowCommentsAndTrailingCommas,
            MaxDepth = MaxDepth,
        };
        var reader = new Utf8JsonReader(utf8, options);
        var frames = new List<Frame>();
        var depth = 0;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        Count(frames, depth);
                        depth++;
                        Enter(frames, depth, reader.TokenType == JsonTokenType.StartArray);
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        depth--;
                        break;
                    case JsonTokenType.PropertyName:
                        var frame = frames[depth - 1];
                        var name = reader.GetString()!;
                        if (frame.Keys.TryGetValue(name, out var first))
                        {
                            return JsonProblem.Duplicate(Path(frames, depth), name, Position.At(utf8, first), Position.At(utf8, reader.TokenStartIndex));
                        }

                        frame.Keys.Add(name, reader.TokenStartIndex);
                        frame.Key = name;
                        break;
                    default:
                        Count(frames, depth);
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            var position = new Position((int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1);
            var reason = depth >= MaxDepth - 1
                ? $"it nests deeper than {MaxDepth} levels"
                : IsBlank(utf8, (int)reader.BytesConsumed)
                    ? "it ends before the JSON is complete (truncated?)"
                    : "unexpected characters there (a missing comma, quote or bracket?)";
            return JsonProblem.Syntax(position, reason);
        }
        catch (InvalidOperationException)
        {
            // GetString of a key that is not valid UTF-8.
            return JsonProblem.Syntax(Position.At(utf8, reader.TokenStartIndex), "a key that is not valid UTF-8 text");
        }

        return null;
    }

    private static void Enter(List<Frame> frames, int depth, bool isArray)
    {
        if (frames.Count < depth)
        {
            frames.Add(new Frame());
        }

        var frame = frames[depth - 1];
        frame.IsArray = isArray;
        frame.Index = -1;
        frame.Key = null;
        frame.Keys.Clear();
    }

    // An array counts its items, for the path of a repeated key inside one ("tests[3]").
    private static void Count(List<Frame> frames, int depth)
    {
        if (depth > 0 && frames[depth - 1].IsArray)
        {
            frames[depth - 1].Index++;
        }
    }

    private static string Path(List<Frame> frames, int depth)
    {
        var path = new StringBuilder();
        for (var i = 0; i < depth - 1; i++)
        {
            var frame = frames[i];
            if (frame.IsArray)
            {
                path.Append('[').Append(frame.Index).Append(']');
            }
            else
            {
                path.Append(path.Length == 0 ? string.Empty : ".").Append(frame.Key);
            }
        }

        return path.ToString();
    }

    private static bool IsBlank(byte[] utf8, int from)
    {
        for (var i = from; i < utf8.Length; i++)
        {
            if (utf8[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class Frame
    {
        public bool IsArray;
        public int Index;
        public string? Key;
        public readonly Dictionary<string, long> Keys = new(StringComparer.Ordinal);
    }
}

/// <summary>A line and a column (both from 1; the column counts characters) in a JSON or text input.</summary>
internal readonly struct Position
{
    public Position(int line, int column)
    {
        Line = line;
        Column = column;
    }

    public int Line { get; }

    public int Column { get; }

    /// <summary>The position of byte <paramref name="offset"/> of UTF-8 <paramref name="utf8"/>.</summary>
    public static Position At(byte[] utf8, long offset)
    {
        int line = 1, column = 1;
        for (var i = 0; i < offset && i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                line++;
                column = 1;
            }
            else if ((utf8[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return new Position(line, column);
    }

    public override string ToString() => $"line {Line.ToString(System.Globalization.CultureInfo.InvariantCulture)}, column {Column.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}

/// <summary>What <see cref="StrictJson.Check"/> found wrong.</summary>
internal sealed class JsonProblem
{
    private JsonProblem(string? key, string objectPath, Position first, Position second, string? reason)
    {
        Key = key;
        ObjectPath = objectPath;
        First = first;
        Second = second;
        Reason = reason;
    }

    /// <summary>The repeated key, or null for a syntax error.</summary>
    public string? Key { get; }

    /// <summary>The JSON path of the object that repeats <see cref="Key"/> ("" for the root).</summary>
    public string ObjectPath { get; }

    /// <summary>Where the key first appears, or where the syntax error is.</summary>
    public Position First { get; }

    public Position Second { get; }

    /// <summary>Why the input is not JSON, in words that quote nothing of it.</summary>
    public string? Reason { get; }

    /// <summary>The repeated key's full path: "phases[1].layers.services".</summary>
    public string KeyPath => ObjectPath.Length == 0 ? Key! : ObjectPath + "." + Key;

    public static JsonProblem Duplicate(string objectPath, string key, Position first, Position second) =>
        new(key, objectPath, first, second, null);

    public static JsonProblem Syntax(Position at, string reason) => new(null, string.Empty, at, at, reason);
}
