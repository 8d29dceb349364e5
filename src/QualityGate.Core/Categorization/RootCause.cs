using System;
using System.Text.RegularExpressions;

namespace QualityGate.Categorization;

/// <summary>
/// The root-cause key of a failure: failures that share a category, the effective exception type and the frame that
/// decided it share a key, so forty tests broken by one method read as one problem. Where no frame of the team's code
/// decides (no stack, or a library called straight from the test threw), a normalized message stands in for the frame:
/// numbers, GUIDs, paths, quoted values and generic arity removed. The key is stable across runs and machines: no
/// line numbers, no file paths.
/// </summary>
internal static class RootCause
{
    /// <summary>Longest normalized message kept in a key.</summary>
    public const int MessageLength = 160;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private static readonly Regex Quoted = new(@"'[^'\r\n]*'|""[^""\r\n]*""|‘[^’\r\n]*’|“[^”\r\n]*”", RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex Guid = new(@"\b[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}\b", RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex PathLike = new(@"(?:[A-Za-z]:\\|\\\\|/)[^\s'"",;:()<>\[\]]*[/\\][^\s'"",;:()<>\[\]]*|(?:[A-Za-z]:\\)[^\s'"",;()<>]*", RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex Number = new(@"\b0x[0-9a-fA-F]+\b|\d+(?:[.,]\d+)*", RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex Arity = new(@"`\d+", RegexOptions.CultureInvariant, Timeout);

    // MSTest's "Test method Ns.T.M threw exception: " names the test: it would tell apart failures of one cause.
    private static readonly Regex MSTestPrefix = new(@"^\s*Test method \S+ threw exception:\s*", RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex Space = new(@"\s+", RegexOptions.CultureInvariant, Timeout);

    /// <summary>"error|System.NullReferenceException|at Shop.Catalog.Lookup", or with a normalized message in quotes.</summary>
    public static string Key(string category, FailureFacts facts) => Key(category, facts, null);

    /// <summary>
    /// The key when <paramref name="facts"/> is the exception thrown inside an assertion of throws (<paramref name="outer"/>
    /// the assertion's failure): a framework that names only the type leaves the assertion's frame to decide.
    /// </summary>
    public static string Key(string category, FailureFacts facts, FailureFacts? outer)
    {
        var type = facts.Effective ?? "-";
        if (DecidingFrame(category, facts) is { } frame)
        {
            return $"{category}|{type}|at {frame}";
        }

        var message = NormalizeMessage(facts);
        if (message.Length == 0 && outer is not null && DecidingFrame(Categories.Assertion, outer) is { } assertedAt)
        {
            return $"{category}|{type}|at {assertedAt}";
        }

        return $"{category}|{type}|\"{message}\"";
    }

    /// <summary>The key of a crash: the test that was running is all there is to go by.</summary>
    public static string ForCrash(string test) => $"{Categories.Crash}|-|at {FrameNames.Normalize(TestNamesWithoutArguments(test))}";

    /// <summary>
    /// The frame of the team's code where the failure was decided: the throwing frame when it is the team's own; else
    /// the first frame of the team's code that called into the library that threw — unless that is the test itself,
    /// whose frame would tell forty tests apart that share one broken call. For an assertion, the test's frame (or its
    /// assertion helper's) is exactly what decided.
    /// </summary>
    public static string? DecidingFrame(string category, FailureFacts facts)
    {
        var names = facts.NormalizedFrames;
        for (var i = 0; i < names.Count; i++)
        {
            if (FailureFacts.IsLibraryFrame(names[i]))
            {
                continue;
            }

            if (i == 0 || category == Categories.Assertion || !facts.IsTestClassFrame(names[i]))
            {
                return names[i];
            }

            return null;
        }

        return null;
    }

    /// <summary>The message without what differs between occurrences of one problem, on one line, at most <see cref="MessageLength"/> characters.</summary>
    public static string NormalizeMessage(FailureFacts facts)
    {
        var message = MSTestPrefix.Replace(facts.Message, string.Empty);
        // The type is in the key already; the message's own "Type : " prefix would only repeat it.
        if ((facts.Outermost ?? facts.Effective) is { } outermost && message.TrimStart().StartsWith(outermost, StringComparison.Ordinal))
        {
            message = message.TrimStart().Substring(outermost.Length).TrimStart(' ', ':');
        }

        try
        {
            message = Quoted.Replace(message, m => m.Value[0] + "…" + m.Value[m.Value.Length - 1]);
            message = Guid.Replace(message, "<guid>");
            message = PathLike.Replace(message, "<path>");
            message = Arity.Replace(message, string.Empty);
            message = Number.Replace(message, "#");
            message = Space.Replace(message, " ").Trim();
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological message still gets a key: the raw text, cut.
        }

        return message.Length <= MessageLength ? message : message.Substring(0, MessageLength) + "…";
    }

    private static string TestNamesWithoutArguments(string name) => TestNames.WithoutArguments(name);
}
