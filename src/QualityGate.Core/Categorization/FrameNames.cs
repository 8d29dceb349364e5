using System;
using System.Text;

namespace QualityGate.Categorization;

/// <summary>
/// Turns a frame's compiler-generated name back into the method a person wrote: lambdas, local functions, async and
/// iterator state machines, generic arity and generic arguments are folded into their declaring method, so that
/// "Shop.Catalog.&lt;Lookup&gt;b__4_0" and "Shop.Catalog.&lt;LookupAsync&gt;d__7.MoveNext" read as Shop.Catalog.Lookup and
/// Shop.Catalog.LookupAsync.
/// </summary>
internal static class FrameNames
{
    public static string Normalize(string method)
    {
        var text = StripGenerics(method).Replace('+', '.');
        var parts = Split(text);
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.StartsWith("<", StringComparison.Ordinal))
            {
                // "<Name>b__0_0", "<<Name>b__1_0>d", "<Name>d__3", "<>c__DisplayClass0_0", "<>c": the innermost name
                // between angle brackets is the method that holds the generated code.
                var inner = Innermost(part);
                if (inner.Length > 0)
                {
                    Append(result, inner);
                    // Everything after a state machine or lambda (MoveNext, b__0) is generated plumbing.
                    break;
                }

                continue;
            }

            Append(result, part);
        }

        return result.ToString();
    }

    /// <summary>The member part of a normalized name: "Shop.Catalog.Lookup" gives "Lookup", "Ns.T..ctor" gives ".ctor".</summary>
    public static string Member(string normalized)
    {
        if (normalized.EndsWith("..ctor", StringComparison.Ordinal) || normalized.EndsWith("..cctor", StringComparison.Ordinal))
        {
            return normalized.Substring(normalized.LastIndexOf("..", StringComparison.Ordinal) + 1);
        }

        var dot = normalized.LastIndexOf('.');
        return dot < 0 ? normalized : normalized.Substring(dot + 1);
    }

    /// <summary>The type part of a normalized name.</summary>
    public static string Type(string normalized)
    {
        var member = Member(normalized);
        return normalized.Length > member.Length ? normalized.Substring(0, normalized.Length - member.Length - 1) : string.Empty;
    }

    private static void Append(StringBuilder result, string part)
    {
        if (result.Length > 0)
        {
            result.Append('.');
        }

        result.Append(part);
    }

    // Splits on '.' outside angle brackets, keeping ".ctor" and ".cctor" whole.
    private static string[] Split(string text)
    {
        var parts = new System.Collections.Generic.List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '<')
            {
                depth++;
            }
            else if (c == '>')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (c == '.' && depth == 0 && i > start)
            {
                parts.Add(text.Substring(start, i - start));
                start = i + 1;
            }
            else if (c == '.' && depth == 0)
            {
                // ".ctor": the dot belongs to the name.
                continue;
            }
        }

        parts.Add(text.Substring(start));
        return parts.ToArray();
    }

    private static string Innermost(string part)
    {
        var open = part.LastIndexOf('<');
        var close = part.IndexOf('>', open + 1);
        return close > open + 1 ? part.Substring(open + 1, close - open - 1) : string.Empty;
    }

    // "Repo`1.Get[T]" → "Repo.Get"; "Sum[TSource,TResult]" → "Sum".
    private static string StripGenerics(string method)
    {
        var result = new StringBuilder(method.Length);
        var square = 0;
        for (var i = 0; i < method.Length; i++)
        {
            var c = method[i];
            if (c == '[')
            {
                square++;
            }
            else if (c == ']')
            {
                square = Math.Max(0, square - 1);
            }
            else if (square == 0)
            {
                if (c == '`')
                {
                    while (i + 1 < method.Length && char.IsDigit(method[i + 1]))
                    {
                        i++;
                    }

                    continue;
                }

                result.Append(c);
            }
        }

        return result.ToString();
    }
}
