using System;
using System.Text;
using System.Text.RegularExpressions;

namespace QualityGate.Categorization;

/// <summary>
/// An assertion that code throws (or does not throw) which failed: the exception the code actually threw, if any, with
/// its own message and stack. Parsed from the frameworks' own words: xunit Assert.Throws/ThrowsAny/ThrowsAsync, NUnit
/// Assert.Throws/That(Throws…)/DoesNotThrow, MSTest Assert.Throws/ThrowsExactly/ThrowsException and [ExpectedException],
/// FluentAssertions Throw/NotThrow, Shouldly Should.Throw.
/// </summary>
internal sealed class ThrownInstead
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private const string TypeGroup = @"(?<type>(?:[A-Za-z_][A-Za-z0-9_`]*[.+])*[A-Za-z_][A-Za-z0-9_`]*)";

    // Anchored on each framework's opening words, so an assertion that merely mentions an exception is not one.
    private static readonly Regex Xunit = new(
        @"^\s*Assert\.Throws(?:Any)?(?:Async)?\(\) Failure: (?:Exception type was not|No exception was thrown)",
        RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex XunitActual = new(@"^Actual:\s+typeof\(" + TypeGroup + @"\)", RegexOptions.Multiline | RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex NUnit = new(
        @"^\s*Expected: (?:<[^>\r\n]*Exception[^>\r\n]*>|No Exception to be thrown|instance of <[^>\r\n]*Exception>)[^\n]*\n\s*But was:\s+(?:null|<" + TypeGroup + @"(?::\s?(?<rest>[\s\S]*))?)",
        RegexOptions.Multiline | RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex MSTest = new(
        @"^\s*Assertion failed\. Expected (?:no )?exception of (?:exact )?type .+? but (?:caught (?<short>\S+?)\.|no exception was thrown)",
        RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex MSTestActual = new(@"^actual exception: " + TypeGroup + @":(?<rest>[\s\S]*)", RegexOptions.Multiline | RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex MSTestThrowsException = new(
        @"^\s*Assert\.ThrowsException(?:Async)? failed\. (?:Expected exception type:<[^>]+>\. Actual exception type:<" + TypeGroup + @">|No exception thrown)",
        RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex ExpectedException = new(
        @"^\s*(?:Test method threw exception " + TypeGroup + @", but exception \S+ was expected\. Exception message: (?<rest>[\s\S]*)|Test method did not throw expected exception)",
        RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex Fluent = new(
        @"^\s*(?:Expected (?:a|an) <[^>]+> to be thrown[^\n]*?, but (?:found <" + TypeGroup + @">:?\s*\n(?<rest>[\s\S]*)|no exception was thrown)|Did not expect any exception, but found " + TypeGroup + @"(?<rest>[\s\S]*))",
        RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex Shouldly = new(
        @"should (?:throw\s*\n\s*\S+\s*\n\s*but (?:threw\s*\n\s*" + TypeGroup + @"|did not)|not throw but threw\s+" + TypeGroup + @")",
        RegexOptions.CultureInvariant, Timeout);

    private ThrownInstead(string? type, string message, string stackTrace)
    {
        Type = type;
        Message = message;
        StackTrace = stackTrace;
    }

    /// <summary>The exception actually thrown, or null when none was (the assertion alone decides then).</summary>
    public string? Type { get; }

    /// <summary>The actual exception as "Type: message", with its inner exceptions when the framework printed them.</summary>
    public string Message { get; }

    public string StackTrace { get; }

    public static ThrownInstead? Parse(string message, string stackTrace)
    {
        try
        {
            return ParseCore(message, stackTrace);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static ThrownInstead? ParseCore(string message, string stackTrace)
    {
        if (Xunit.IsMatch(message) || (message.IndexOf("Shouldly.", StringComparison.Ordinal) >= 0 && Shouldly.IsMatch(message)))
        {
            // xunit (and Shouldly under xunit) print the actual exception as an inner one: "---- X : message", its
            // stack after "----- Inner Stack Trace -----".
            var actual = XunitActual.Match(message);
            var shouldly = actual.Success ? null : Shouldly.Match(message);
            var type = actual.Success ? actual.Groups["type"].Value : shouldly is { Success: true } && shouldly.Groups["type"].Success ? shouldly.Groups["type"].Value : null;
            return new ThrownInstead(type, InnerText(message, type), InnerStack(stackTrace));
        }

        if (NUnit.Match(message) is { Success: true } nunit)
        {
            if (!nunit.Groups["type"].Success)
            {
                return new ThrownInstead(null, string.Empty, string.Empty);
            }

            // "But was:  <X: message\n   at frames…>": message and stack of the actual exception, up to the closing '>'.
            var rest = nunit.Groups["rest"].Value.TrimEnd();
            rest = rest.EndsWith(">", StringComparison.Ordinal) ? rest.Substring(0, rest.Length - 1) : rest;
            return FromExceptionText(nunit.Groups["type"].Value, rest, string.Empty);
        }

        if (MSTest.Match(message) is { Success: true } mstest)
        {
            if (MSTestActual.Match(message) is { Success: true } actual)
            {
                var rest = actual.Groups["rest"].Value;
                var end = rest.IndexOf("\n\n", StringComparison.Ordinal);
                return FromExceptionText(actual.Groups["type"].Value, end < 0 ? rest : rest.Substring(0, end), string.Empty);
            }

            return mstest.Groups["short"].Success ? new ThrownInstead(mstest.Groups["short"].Value, mstest.Groups["short"].Value + ":", string.Empty) : None;
        }

        if (MSTestThrowsException.Match(message) is { Success: true } throwsException)
        {
            // MSTest 3 names the actual type only: no message, no stack.
            return throwsException.Groups["type"].Success
                ? new ThrownInstead(throwsException.Groups["type"].Value, throwsException.Groups["type"].Value + ":", string.Empty)
                : None;
        }

        if (ExpectedException.Match(message) is { Success: true } expected)
        {
            // [ExpectedException]: the stack trace VSTest reports is the actual exception's own.
            return expected.Groups["type"].Success
                ? new ThrownInstead(expected.Groups["type"].Value, expected.Groups["rest"].Value, stackTrace)
                : None;
        }

        if (Fluent.Match(message) is { Success: true } fluent)
        {
            return fluent.Groups["type"].Success ? FromExceptionText(fluent.Groups["type"].Value, fluent.Groups["rest"].Value, string.Empty) : None;
        }

        return null;
    }

    private static ThrownInstead None => new(null, string.Empty, string.Empty);

    /// <summary>"X: message\n   at frames": the message lines, and the frames as the actual exception's stack.</summary>
    private static ThrownInstead FromExceptionText(string type, string text, string fallbackStack)
    {
        var message = new StringBuilder();
        var stack = new StringBuilder();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.TrimStart().StartsWith("at ", StringComparison.Ordinal))
            {
                stack.Append(line.Trim()).Append('\n');
            }
            else if (stack.Length == 0)
            {
                message.Append(line.Trim()).Append('\n');
            }
        }

        var body = message.ToString().Trim();
        // The text may or may not repeat the type in front ("X: message" vs ": message").
        if (body.StartsWith(type + ":", StringComparison.Ordinal))
        {
            body = body.Substring(type.Length + 1).Trim();
        }
        else if (body.StartsWith(":", StringComparison.Ordinal))
        {
            body = body.Substring(1).Trim();
        }

        return new ThrownInstead(type, type + ": " + body, stack.Length > 0 ? stack.ToString() : fallbackStack);
    }

    private static string InnerText(string message, string? type)
    {
        var marker = message.IndexOf("\n---- ", StringComparison.Ordinal);
        if (marker < 0)
        {
            marker = message.IndexOf("\n  ----> ", StringComparison.Ordinal);
        }

        if (marker < 0)
        {
            return type is null ? string.Empty : type + ":";
        }

        var text = message.Substring(marker + 1).TrimStart('-', ' ', '>');
        var colon = text.IndexOf(" : ", StringComparison.Ordinal);
        // "X : message" (xunit's form) → "X: message", so the type is read like any other.
        return colon > 0 && text.Substring(0, colon).IndexOf(' ') < 0 ? text.Substring(0, colon) + ":" + text.Substring(colon + 2) : text;
    }

    private static string InnerStack(string stackTrace)
    {
        // xunit: "----- Inner Stack Trace -----"; NUnit: a "--TypeName" line before each inner exception's frames.
        const string Marker = "----- Inner Stack Trace -----";
        var index = stackTrace.IndexOf(Marker, StringComparison.Ordinal);
        if (index >= 0)
        {
            return stackTrace.Substring(index + Marker.Length);
        }

        index = stackTrace.IndexOf("\n--", StringComparison.Ordinal);
        while (index >= 0 && index + 3 < stackTrace.Length && stackTrace[index + 3] == '-')
        {
            index = stackTrace.IndexOf("\n--", index + 3, StringComparison.Ordinal);
        }

        return index < 0 ? string.Empty : stackTrace.Substring(index + 1);
    }
}
