using System.Collections.Generic;
using QualityGate.Results;

namespace QualityGate.Categorization;

/// <summary>What the test platform tells about one failed test: the input of the categorizer.</summary>
internal sealed class FailureEvidence
{
    /// <summary>Beyond this many characters a message or stack trace is cut: enough evidence, bounded cost.</summary>
    public const int MaxTextLength = 32 * 1024;

    public FailureEvidence(string testName, string? message, string? stackTrace)
    {
        TestName = testName;
        Message = Truncate(message);
        StackTrace = Truncate(stackTrace);
    }

    /// <summary>The fully qualified test name.</summary>
    public string TestName { get; }

    /// <summary>The test class's full name when the test case says (managed type), else derived from the name.</summary>
    public string? ClassName { get; set; }

    public string? Message { get; }

    public string? StackTrace { get; }

    public IReadOnlyList<Trait> Traits { get; set; } = [];

    /// <summary>failed, error, timeout or cancelled when the test platform says which; null under VSTest.</summary>
    public string? State { get; set; }

    /// <summary>Cuts text longer than <see cref="MaxTextLength"/> and says how much was cut.</summary>
    public static string? Truncate(string? text)
    {
        if (text is null || text.Length <= MaxTextLength)
        {
            return text;
        }

        var cut = text.Length - MaxTextLength;
        return text.Substring(0, MaxTextLength) + $"\n… [QualityGate: {cut} more characters not recorded]";
    }
}
