namespace QualityGate.Results;

/// <summary>The "failure" object of a failed test: its category, the evidence and what to do.</summary>
internal sealed class FailureRecord
{
    public FailureRecord(string category, string rule, string hint)
    {
        Category = category;
        Rule = rule;
        Hint = hint;
    }

    public string Category { get; }

    /// <summary>Which rule put the failure in its category, e.g. "binding/parameter-count" or "user/flaky-http".</summary>
    public string Rule { get; }

    /// <summary>One line: what to do about it.</summary>
    public string Hint { get; }

    public string? ExceptionType { get; set; }

    public string? Message { get; set; }

    public string? StackTrace { get; set; }

    /// <summary>
    /// The root-cause key: failures with the same key are one problem ("error|System.NullReferenceException|at
    /// Shop.Catalog.Lookup"). Stable across runs: no line numbers, paths or per-run values.
    /// </summary>
    public string? RootCause { get; set; }

    /// <summary>For a crash: how the test that killed the host was named (which evidence said it was running).</summary>
    public string? Attribution { get; set; }

    /// <summary>Where it failed: the test's own frame in the stack trace, else the throwing frame.</summary>
    public SourceLocation? Location { get; set; }

    /// <summary>failed, error, timeout or cancelled, when the test platform says which (Microsoft.Testing.Platform); else null.</summary>
    public string? State { get; set; }

    public string? StandardOutput { get; set; }

    public string? StandardError { get; set; }
}
