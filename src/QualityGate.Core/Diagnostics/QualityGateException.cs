using System;

namespace QualityGate.Diagnostics;

/// <summary>
/// A failure QualityGate can explain: it carries a diagnostic code and a message that says what was found and what
/// to do. Adapters print it as it is; a stack trace would only hide the advice.
/// </summary>
internal sealed class QualityGateException : Exception
{
    public QualityGateException(string code, string message, string? file = null)
        : base(message)
    {
        Code = code;
        File = file;
    }

    public QualityGateException(string code, string message, string? file, Exception inner)
        : base(message, inner)
    {
        Code = code;
        File = file;
    }

    public string Code { get; }

    /// <summary>The file the problem is in, when there is one.</summary>
    public string? File { get; }

    /// <summary>The message in the compiler-like form CI systems and editors recognise.</summary>
    public override string ToString() =>
        File is null ? $"error {Code}: {Message}" : $"{File}: error {Code}: {Message}";
}
