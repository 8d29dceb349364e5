using System;

namespace QualityGate;

/// <summary>
/// The one place QualityGate reads the system clock (BannedSymbols.txt bans it everywhere else): every component takes a
/// <c>Func&lt;DateTimeOffset&gt;</c> whose default is <see cref="Now"/>, so tests fix the time.
/// </summary>
internal static class SystemClock
{
#pragma warning disable RS0030 // The injected clock's default: the only permitted read of the system time.
    public static DateTimeOffset Now() => DateTimeOffset.UtcNow;
#pragma warning restore RS0030
}
