using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;

namespace QualityGate.Policy;

/// <summary>
/// "Later phases may only tighten", once for every target kind: the targets of <see cref="PhaseTargets"/> are found
/// by reflection from their <see cref="TargetAttribute"/>, so a target kind added later is compared (and inherited)
/// like the others, and one added without a declared direction is refused instead of silently skipped.
/// </summary>
internal static class Tightening
{
    private enum Shape
    {
        Value,
        ValuePerKey,
        Nested,
        NestedPerKey,
    }

    /// <summary>
    /// The public properties of <paramref name="type"/> that are targets or hold targets. Throws when one is neither
    /// declared a target nor marked <see cref="NotATargetAttribute"/>.
    /// </summary>
    public static IReadOnlyList<string> TargetsOf(Type type) =>
        MembersOf(type).Select(m => m.Key).ToList();

    /// <summary>The first target <paramref name="after"/> asks less of than <paramref name="before"/>, described; null when none.</summary>
    public static string? FirstLoosening(PhaseTargets before, PhaseTargets after)
    {
        if (before is null || after is null)
        {
            throw new ArgumentNullException(before is null ? nameof(before) : nameof(after));
        }

        return Compare(before, after, string.Empty);
    }

    /// <summary>A deep copy: what a phase inherits from the one before it.</summary>
    public static PhaseTargets Copy(PhaseTargets targets) => (PhaseTargets)CopyOf(targets ?? throw new ArgumentNullException(nameof(targets)));

    private static string? Compare(object before, object after, string prefix)
    {
        foreach (var member in MembersOf(before.GetType()))
        {
            var path = prefix + member.Key;
            var old = member.Property.GetValue(before);
            var now = member.Property.GetValue(after);
            var found = member.Shape switch
            {
                Shape.Value => Loosens(member.Target!, path, old, now),
                Shape.Nested => Compare(old!, now!, path + "."),
                Shape.ValuePerKey => PerKey(old, now, (key, o, n) => Loosens(member.Target!, $"{path}.{key}", o, n)),
                _ => PerKey(old, now, (key, o, n) => Compare(o ?? New(member.ElementType!), n ?? New(member.ElementType!), $"{path}.{key}.")),
            };
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    private static string? PerKey(object? before, object? after, Func<string, object?, object?, string?> compare)
    {
        var old = (IDictionary)before!;
        var now = (IDictionary)after!;
        var keys = old.Keys.Cast<string>().Concat(now.Keys.Cast<string>()).Distinct().OrderBy(k => k, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (compare(key, old.Contains(key) ? old[key] : null, now.Contains(key) ? now[key] : null) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static string? Loosens(TargetAttribute target, string path, object? before, object? after)
    {
        if (before is null)
        {
            return null;
        }

        var old = Convert.ToDouble(before, CultureInfo.InvariantCulture);
        if (after is null)
        {
            return $"drops {path} (it was {Show(old)})";
        }

        var now = Convert.ToDouble(after, CultureInfo.InvariantCulture);
        var looser = target.Stricter == Stricter.Higher ? now < old : now > old;
        return looser
            ? $"loosens {path} from {Show(old)} to {Show(now)} ({(target.Stricter == Stricter.Higher ? "higher" : "lower")} is stricter)"
            : null;
    }

    private static object CopyOf(object source)
    {
        var copy = New(source.GetType());
        foreach (var member in MembersOf(source.GetType()))
        {
            var value = member.Property.GetValue(source);
            switch (member.Shape)
            {
                case Shape.Value:
                    member.Property.SetValue(copy, value);
                    break;
                case Shape.Nested:
                    member.Property.SetValue(copy, value is null ? null : CopyOf(value));
                    break;
                default:
                    var into = (IDictionary)member.Property.GetValue(copy)!;
                    foreach (DictionaryEntry entry in (IDictionary)value!)
                    {
                        into[entry.Key] = member.Shape == Shape.ValuePerKey || entry.Value is null ? entry.Value : CopyOf(entry.Value);
                    }

                    break;
            }
        }

        return copy;
    }

    private static object New(Type type) => Activator.CreateInstance(type)!;

    private static string Show(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    // Classified on each use, not cached: a few properties, read once per phase when the configuration loads.
    private static List<Member> MembersOf(Type type)
    {
        var members = new List<Member>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken))
        {
            if (Attribute.IsDefined(property, typeof(NotATargetAttribute), inherit: true))
            {
                continue;
            }

            var target = (TargetAttribute?)Attribute.GetCustomAttribute(property, typeof(TargetAttribute), inherit: true);
            var key = target?.Key ?? char.ToLowerInvariant(property.Name[0]) + property.Name.Substring(1);
            var propertyType = property.PropertyType;
            var element = DictionaryValue(propertyType);
            var settable = property.CanWrite && property.SetMethod is { IsPublic: true };
            Shape? shape = (target, element) switch
            {
                (not null, null) when IsNumber(propertyType) && settable => Shape.Value,
                (not null, not null) when IsNumber(element) => Shape.ValuePerKey,
                (null, null) when typeof(CoverageTarget).IsAssignableFrom(propertyType) && settable => Shape.Nested,
                (null, not null) when typeof(CoverageTarget).IsAssignableFrom(element) => Shape.NestedPerKey,
                _ => null,
            };
            if (shape is null)
            {
                throw new InvalidOperationException(
                    $"{type.Name}.{property.Name} is neither a declared target nor marked [NotATarget]: mark a number (or a per-key " +
                    "dictionary of numbers) [Target(Stricter.Higher)] or [Target(Stricter.Lower)], so that later phases may only tighten it.");
            }

            members.Add(new Member(property, key, shape.Value, target, element));
        }

        return members;
    }

    private static Type? DictionaryValue(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>) && type.GetGenericArguments()[0] == typeof(string)
            ? type.GetGenericArguments()[1]
            : null;

    private static bool IsNumber(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying == typeof(double) || underlying == typeof(int) || underlying == typeof(long);
    }

    private sealed class Member
    {
        public Member(PropertyInfo property, string key, Shape shape, TargetAttribute? target, Type? elementType)
        {
            Property = property;
            Key = key;
            Shape = shape;
            Target = target;
            ElementType = elementType;
        }

        public PropertyInfo Property { get; }

        public string Key { get; }

        public Shape Shape { get; }

        public TargetAttribute? Target { get; }

        public Type? ElementType { get; }
    }
}
