using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using QualityGate.Results;

namespace QualityGate.Categorization;

/// <summary>
/// The evidence of one failure, parsed once: the exception types (outermost first) and the stack frames. VSTest gives
/// a logger text only; the type is often only in the message prefix ("System.X : ...", MSTest "threw exception:"),
/// inner exceptions follow "---- " (xunit) or "---&gt; " (.NET), and xunit drops its own frames from the trace.
/// </summary>
internal sealed partial class FailureFacts
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    // A type name ending in Exception followed by a colon, at the start of a line, after an inner-exception marker
    // or an NUnit site prefix ("SetUp : ").
    private static readonly Regex TypeLine = new(
        @"^\s*(?<inner>----\s+|-+>\s*)?(?:(?:One[Tt]ime)?(?:SetUp|TearDown)\s*:\s*)*(?<type>(?:[A-Za-z_][A-Za-z0-9_`]*\.)*(?:[A-Za-z_][A-Za-z0-9_]*)?Exception(?:`\d+)?)(?:\s*:|\s*$)",
        RegexOptions.Multiline | RegexOptions.CultureInvariant | RegexOptions.Compiled,
        RegexTimeout);

    private static readonly HashSet<string> Wrappers = new(StringComparer.Ordinal)
    {
        "System.AggregateException",
        "System.Reflection.TargetInvocationException",
        "System.TypeInitializationException",
    };

    public FailureFacts(FailureEvidence evidence)
    {
        Evidence = evidence;
        Message = evidence.Message ?? string.Empty;
        StackTrace = evidence.StackTrace ?? string.Empty;
        TestClass = evidence.ClassName ?? TestNames.ClassOf(evidence.TestName);
        ExceptionTypes = ParseTypes(Message, out var outermost);
        Outermost = outermost;
        Frames = ParseFrames(StackTrace);
        foreach (var type in ExceptionTypes)
        {
            if (!Wrappers.Contains(Qualify(type)))
            {
                Effective = type;
                break;
            }
        }

        Effective ??= ExceptionTypes.Count > 0 ? ExceptionTypes[0] : null;
    }

    public FailureEvidence Evidence { get; }

    public string Message { get; }

    public string StackTrace { get; }

    /// <summary>The test's class (namespace-qualified, nested classes joined with '.').</summary>
    public string TestClass { get; }

    /// <summary>Exception types named in the message, outermost first.</summary>
    public IReadOnlyList<string> ExceptionTypes { get; }

    /// <summary>The outermost exception type, as the message names it.</summary>
    public string? Outermost { get; }

    /// <summary>The first exception in the chain that is not a wrapper (AggregateException and the like).</summary>
    public string? Effective { get; }

    public IReadOnlyList<StackFrame> Frames { get; }

    /// <summary>True when the effective exception is one of <paramref name="names"/> (full or simple names).</summary>
    public bool EffectiveIs(params string[] names) => Effective is not null && TypeMatches(Effective, names);

    public bool OutermostIs(params string[] names) => Outermost is not null && TypeMatches(Outermost, names);

    public bool AnyTypeIn(params string[] namespacePrefixes)
    {
        foreach (var type in ExceptionTypes)
        {
            foreach (var prefix in namespacePrefixes)
            {
                if (type.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when any frame thrown through lies in one of the namespaces.</summary>
    public bool AnyFrameIn(params string[] prefixes)
    {
        foreach (var frame in Frames)
        {
            foreach (var prefix in prefixes)
            {
                if (frame.IsIn(prefix))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when the first (throwing) frame lies in one of the namespaces.</summary>
    public bool TopFrameIn(params string[] prefixes)
    {
        if (Frames.Count == 0)
        {
            return false;
        }

        foreach (var prefix in prefixes)
        {
            if (Frames[0].IsIn(prefix))
            {
                return true;
            }
        }

        return false;
    }

    public bool MessageContains(string text) => Message.IndexOf(text, StringComparison.OrdinalIgnoreCase) >= 0;

    public bool MessageMatches(Regex regex) => SafeIsMatch(regex, Message);

    /// <summary>The frames of the test's own class (including its async state machines and lambdas).</summary>
    public IEnumerable<StackFrame> TestClassFrames()
    {
        var prefix = TestClass + ".";
        foreach (var frame in Frames)
        {
            if (frame.Method.StartsWith(prefix, StringComparison.Ordinal))
            {
                yield return frame;
            }
        }
    }

    /// <summary>Where to look: the test's own frame with a file, else the first frame with a file.</summary>
    public SourceLocation? BestLocation()
    {
        foreach (var frame in TestClassFrames())
        {
            if (frame.File is not null)
            {
                return new SourceLocation(frame.File, frame.Line);
            }
        }

        foreach (var frame in Frames)
        {
            // Source-generated glue (TUnit's test sources, obj/**/*.g.cs) is nowhere a user would fix anything.
            if (frame.File is not null && !frame.File.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase))
            {
                return new SourceLocation(frame.File, frame.Line);
            }
        }

        return null;
    }

    internal static bool SafeIsMatch(Regex regex, string input)
    {
        try
        {
            return regex.IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static bool TypeMatches(string type, string[] names)
    {
        foreach (var name in names)
        {
            if (string.Equals(type, name, StringComparison.Ordinal)
                || (name.IndexOf('.') >= 0 && type.IndexOf('.') < 0 && name.EndsWith("." + type, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    // Messages sometimes drop the namespace of well-known types; wrappers are recognised either way.
    private static string Qualify(string type) => type.IndexOf('.') >= 0 ? type : type switch
    {
        "AggregateException" => "System.AggregateException",
        "TargetInvocationException" => "System.Reflection.TargetInvocationException",
        "TypeInitializationException" => "System.TypeInitializationException",
        _ => type,
    };

    private static List<string> ParseTypes(string message, out string? outermost)
    {
        outermost = null;
        var types = new List<string>();
        if (message.Length == 0)
        {
            return types;
        }

        // MSTest (and Exception.ToString) put inner exceptions on the same line: "... ---> System.X: inner".
        if (message.IndexOf(" ---> ", StringComparison.Ordinal) >= 0)
        {
            message = message.Replace(" ---> ", "\n---> ");
        }

        try
        {
            foreach (Match match in TypeLine.Matches(message))
            {
                var inner = match.Groups["inner"].Success;
                if (types.Count == 0 && !inner)
                {
                    // Only an unmarked first type is the thrown one; a message that starts with an inner marker
                    // ("Assert.Throws() Failure ... ---- System.X") was not thrown as X.
                    outermost = match.Groups["type"].Value;
                    types.Add(outermost);
                }
                else if (inner)
                {
                    // After the first type only marked inner exceptions count: a line of an assertion's expected or
                    // actual text that happens to look like "X.YException:" must not.
                    types.Add(match.Groups["type"].Value);
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Unparseable evidence still gets a category (by message and frames); it just names no type.
        }

        return types;
    }

    /// <summary>Parses the frame lines of a stack trace, in any language <see cref="StackFrame.Parse"/> reads; anything else is skipped.</summary>
    internal static List<StackFrame> ParseFrames(string stackTrace)
    {
        var frames = new List<StackFrame>();
        var start = 0;
        while (start < stackTrace.Length)
        {
            var end = stackTrace.IndexOf('\n', start);
            if (end < 0)
            {
                end = stackTrace.Length;
            }

            if (ParseFrame(stackTrace.Substring(start, end - start)) is { } frame)
            {
                frames.Add(frame);
            }

            start = end + 1;
        }

        return frames;
    }

    private static StackFrame? ParseFrame(string line) => StackFrame.Parse(line);
}
