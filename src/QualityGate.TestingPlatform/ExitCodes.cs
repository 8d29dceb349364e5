namespace QualityGate.TestingPlatform;

/// <summary>Microsoft.Testing.Platform's exit codes QualityGate relies on (documented; the platform's enum is internal).</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int TestsFailed = 2;

    /// <summary>
    /// The platform's TestAdapterTestSessionFailure: the framework reported its test session failed (a TUnit
    /// [After(TestSession)] hook that threw, for one). The framework's message reaches the console only.
    /// </summary>
    public const int TestSessionFailed = 10;

    /// <summary>The platform's "coverage threshold failed": what a failed gate reports on an otherwise successful run.</summary>
    public const int GateFailed = 14;

    /// <summary>The platform's own list of exit codes to turn into 0, read when it computes the exit code.</summary>
    public const string IgnoreVariable = "TESTINGPLATFORM_EXITCODE_IGNORE";
}
