namespace QualityGate.Recording;

/// <summary>Makes test names and messages one line for a terminal: the rules are <see cref="Output.OutputGuard.Fold"/>'s.</summary>
internal static class ConsoleText
{
    public static string OneLine(string? text, int maxLength = Output.OutputGuard.DefaultMaxLength) => Output.OutputGuard.Fold(text, maxLength);
}
