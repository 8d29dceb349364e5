namespace QualityGate.Categorization;

/// <summary>One "at Type.Method(...) in file:line N" line of a .NET stack trace.</summary>
public sealed class StackFrame
{
    public StackFrame(string method, string? file, int? line)
    {
        Method = method;
        File = file;
        Line = line;
    }

    /// <summary>The frame's full method name, e.g. "Shop.OrderService.Place" or "Ns.Tests.&lt;Run&gt;d__3.MoveNext".</summary>
    public string Method { get; }

    public string? File { get; }

    public int? Line { get; }

    /// <summary>True when the frame's method belongs to a namespace or type starting with <paramref name="prefix"/>.</summary>
    public bool IsIn(string prefix) => Method.StartsWith(prefix, System.StringComparison.Ordinal);

    public override string ToString() => File is null ? Method : $"{Method} in {File}:{Line}";
}
