using System.Runtime.CompilerServices;

namespace QualityGate.Coverage;

internal static class HotPath
{
    /// <summary>
    /// MethodImplOptions.AggressiveOptimization (512), which netstandard2.0 does not name but every runtime since
    /// .NET Core 3.0 honours: the per-node methods of a report pass are compiled optimized at once instead of
    /// running unoptimized for the first ~100 ms of tiered compilation, which is a tenth of a 100 MB read.
    /// </summary>
    public const MethodImplOptions Optimized = (MethodImplOptions)512;
}
