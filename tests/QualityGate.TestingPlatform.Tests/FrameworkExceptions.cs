using System;

// Stand-ins with the full names TUnit uses, so the front end's unwrapping is tested without TUnit itself.
namespace TUnit.Engine.Exceptions
{
    public abstract class TUnitFailedException(Exception wrapped) : Exception(wrapped.GetType().Name + ": " + wrapped.Message)
    {
        public Exception? WrappedException { get; } = wrapped;
    }

    public sealed class TestFailedException(Exception wrapped) : TUnitFailedException(wrapped);
}

namespace TUnit.Core.Exceptions
{
    public sealed class BeforeClassException(string message, Exception inner) : Exception(message, inner);
}

namespace Xunit.MicrosoftTestingPlatform
{
    /// <summary>xunit v3's envelope: the real exception's type is only in the message text.</summary>
    public sealed class XunitException(string message, string stackTrace) : Exception(message)
    {
        public override string StackTrace { get; } = stackTrace;
    }
}
