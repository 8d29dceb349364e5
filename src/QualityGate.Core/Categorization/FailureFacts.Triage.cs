using System;
using System.Collections.Generic;

namespace QualityGate.Categorization;

/// <summary>
/// What a triaging engineer reads off a failure beyond its exception: whether the test method ever started, which
/// frames are the team's own code, and — for an assertion of throws — the exception that was actually thrown.
/// </summary>
internal sealed partial class FailureFacts
{
    // Frames of the runtime, the test frameworks and the assertion and mocking libraries: never the team's own code.
    private static readonly string[] LibraryPrefixes =
    [
        "System.", "Microsoft.", "Xunit.", "NUnit.", "Moq.", "Castle.", "NSubstitute.", "FakeItEasy.", "FluentAssertions.",
        "Shouldly.", "Interop.", "InvokeStub_", "lambda_method", "DynamicClass.", "CallSite.", "TUnit.",
    ];

    private IReadOnlyList<string>? _normalized;
    private bool _thrownParsed;
    private ThrownInstead? _thrown;
    private FailureFacts? _thrownFacts;

    /// <summary>The test method, normalized (namespace.class.method, no arguments, no generic arity).</summary>
    public string TestMethod => FrameNames.Normalize(TestNames.WithoutArguments(Evidence.TestName));

    /// <summary>Each frame's method as a person wrote it (<see cref="FrameNames.Normalize"/>), in stack order.</summary>
    public IReadOnlyList<string> NormalizedFrames
    {
        get
        {
            if (_normalized is null)
            {
                var names = new string[Frames.Count];
                for (var i = 0; i < names.Length; i++)
                {
                    names[i] = FrameNames.Normalize(Frames[i].Method);
                }

                _normalized = names;
            }

            return _normalized;
        }
    }

    /// <summary>
    /// Whether the test method is on the stack: null when there is no stack to tell. Matched by method name, so a test
    /// inherited from a base class (whose frame names the base class) counts as started.
    /// </summary>
    public bool? TestMethodStarted
    {
        get
        {
            if (Frames.Count == 0)
            {
                return null;
            }

            var method = FrameNames.Member(TestMethod);
            foreach (var name in NormalizedFrames)
            {
                if (string.Equals(FrameNames.Member(name), method, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>For a failed assertion of throws: what was actually thrown (null: this is no such failure).</summary>
    public ThrownInstead? Thrown
    {
        get
        {
            if (!_thrownParsed)
            {
                _thrown = ThrownInstead.Parse(Message, StackTrace);
                _thrownParsed = true;
            }

            return _thrown;
        }
    }

    /// <summary>The facts of the exception actually thrown inside an assertion of throws, when one was.</summary>
    public FailureFacts? ThrownFacts
    {
        get
        {
            if (_thrownFacts is null && Thrown is { Type: not null } thrown)
            {
                _thrownFacts = new FailureFacts(new FailureEvidence(Evidence.TestName, thrown.Message, thrown.StackTrace)
                {
                    ClassName = Evidence.ClassName,
                    Traits = Evidence.Traits,
                });
            }

            return _thrownFacts;
        }
    }

    /// <summary>True for frames of the runtime, test frameworks and assertion or mocking libraries.</summary>
    public static bool IsLibraryFrame(string method)
    {
        foreach (var prefix in LibraryPrefixes)
        {
            if (method.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the normalized frame belongs to the test's class (or a class nested in it).</summary>
    public bool IsTestClassFrame(string normalized) =>
        normalized.StartsWith(TestClass + ".", StringComparison.Ordinal);
}
