using System;
using System.Collections.Generic;
using System.Reflection;
using System.Text;

namespace QualityGate.Categorization;

/// <summary>
/// Turns the exception object a test platform hands over (Microsoft.Testing.Platform does; VSTest gives text only)
/// into the message and stack trace text the categorizer reads, in the shape VSTest adapters write them
/// ("Type : message", inner exceptions after "---- "). Framework wrappers come off first, so the categorizer sees the
/// exception the test threw, not the envelope it travelled in. One categorizer: this only prepares its input.
/// </summary>
internal static class ExceptionEvidence
{
    // Envelopes whose message and stack trace already are the adapter's text for the real failure: xunit v3 (the
    // exception's type is in the message), MSTest's and the VSTest bridge's.
    private static readonly HashSet<string> TextCarriers = new(StringComparer.Ordinal)
    {
        "Xunit.MicrosoftTestingPlatform.XunitException",
        "Microsoft.Testing.Extensions.VSTestBridge.ObjectModel.VSTestException",
        "Microsoft.VisualStudio.TestPlatform.MSTest.TestAdapter.TestingPlatformAdapter.MSTestTestNodeException",
        "Microsoft.VisualStudio.TestTools.UnitTesting.MSTestTestNodeException",
    };

    /// <summary>The message and stack trace the categorizer should see for <paramref name="exception"/>.</summary>
    public static (string Message, string? StackTrace) Describe(Exception exception)
    {
        exception = Unwrap(exception);
        if (IsTextCarrier(exception))
        {
            return (exception.Message, exception.StackTrace);
        }

        var message = new StringBuilder();
        var stack = new StringBuilder();
        var depth = 0;
        for (var current = exception; current is not null && depth < 10; current = Next(current), depth++)
        {
            if (depth > 0)
            {
                message.Append('\n').Append("---- ");
                stack.Append('\n').Append("----- Inner Stack Trace -----").Append('\n');
            }

            message.Append(TypeName(current)).Append(" : ").Append(current.Message);
            stack.Append(current.StackTrace);
        }

        var trace = stack.ToString().Trim();
        return (message.ToString(), trace.Length == 0 ? null : trace);
    }

    /// <summary>Takes off the envelopes that carry the real exception inside them.</summary>
    public static Exception Unwrap(Exception exception)
    {
        for (var i = 0; i < 10; i++)
        {
            var inner = exception switch
            {
                TargetInvocationException { InnerException: { } wrapped } => wrapped,
                AggregateException { InnerExceptions.Count: 1 } aggregate => aggregate.InnerExceptions[0],
                _ => TUnitWrapped(exception),
            };
            if (inner is null)
            {
                return exception;
            }

            exception = inner;
        }

        return exception;
    }

    private static Exception? Next(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: > 0 } aggregate ? aggregate.InnerExceptions[0] : exception.InnerException;

    /// <summary>TUnit's TestFailedException (a TUnitFailedException) shortens the stack and keeps the test's exception.</summary>
    private static Exception? TUnitWrapped(Exception exception)
    {
        for (var type = exception.GetType(); type is not null; type = type.BaseType)
        {
            if (type.FullName == "TUnit.Engine.Exceptions.TUnitFailedException")
            {
                return exception.GetType().GetProperty("WrappedException")?.GetValue(exception) as Exception ?? exception.InnerException;
            }
        }

        return null;
    }

    private static bool IsTextCarrier(Exception exception) =>
        exception.InnerException is null && TextCarriers.Contains(exception.GetType().FullName ?? string.Empty);

    private static string TypeName(Exception exception) => (exception.GetType().FullName ?? exception.GetType().Name).Replace('+', '.');
}
