using QualityGate.Results;

namespace QualityGate.Categorization;

/// <summary>The categorizer's answer for one failure.</summary>
internal sealed class Categorization
{
    public Categorization(string category, string rule, string hint)
    {
        Category = category;
        Rule = rule;
        Hint = hint;
    }

    public string Category { get; }

    public string Rule { get; }

    public string Hint { get; }

    /// <summary>The exception that decided it, unwrapped from AggregateException and the like.</summary>
    public string? ExceptionType { get; set; }

    public SourceLocation? Location { get; set; }

    /// <summary>The root-cause key (<see cref="Categorization.RootCause"/>): failures with the same key are one problem.</summary>
    public string RootCause { get; set; } = string.Empty;
}
