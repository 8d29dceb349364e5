using System;

namespace QualityGate.Policy;

/// <summary>Which way a target gets stricter: a coverage minimum by rising, a failure budget by falling.</summary>
internal enum Stricter
{
    Higher,
    Lower,
}

/// <summary>
/// Declares a property of the phase targets a target, and which way it tightens. Every public property of a target
/// type is either such a target, a nested target (a <see cref="CoverageTarget"/> or a dictionary of them), or marked
/// <see cref="NotATargetAttribute"/>; <see cref="Tightening"/> refuses any other, so a new target kind cannot be
/// added without saying which way "later phases may only tighten" goes for it.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class TargetAttribute : Attribute
{
    public TargetAttribute(Stricter stricter)
    {
        Stricter = stricter;
    }

    public Stricter Stricter { get; }

    /// <summary>The key path in qualitygate.json when it is not the property's camelCase name ("patch.line").</summary>
    public string? Key { get; set; }

}

/// <summary>A public property of a target type that is derived from the targets, not one of them.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class NotATargetAttribute : Attribute
{
}
