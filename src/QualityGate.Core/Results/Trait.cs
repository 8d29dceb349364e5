using System;

namespace QualityGate.Results;

/// <summary>A test trait (xunit Trait, NUnit Category/Property, MSTest TestCategory/TestProperty).</summary>
internal readonly struct Trait : IEquatable<Trait>
{
    public Trait(string name, string value)
    {
        Name = name;
        Value = value;
    }

    public string Name { get; }

    public string Value { get; }

    /// <summary>Matches a "Name=Value" pattern; names and values compare case-insensitively.</summary>
    public bool Matches(string nameValue)
    {
        var eq = nameValue.IndexOf('=');
        if (eq < 0)
        {
            return string.Equals(Name, nameValue, StringComparison.OrdinalIgnoreCase);
        }

        return string.Equals(Name, nameValue.Substring(0, eq).Trim(), StringComparison.OrdinalIgnoreCase)
            && string.Equals(Value, nameValue.Substring(eq + 1).Trim(), StringComparison.OrdinalIgnoreCase);
    }

    public bool Equals(Trait other) => Name == other.Name && Value == other.Value;

    public override bool Equals(object? obj) => obj is Trait other && Equals(other);

    public override int GetHashCode() => (Name?.GetHashCode() ?? 0) * 31 + (Value?.GetHashCode() ?? 0);

    public override string ToString() => $"{Name}={Value}";

    public static bool operator ==(Trait left, Trait right) => left.Equals(right);

    public static bool operator !=(Trait left, Trait right) => !left.Equals(right);
}
