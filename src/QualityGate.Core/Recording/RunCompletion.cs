using System.Collections.Generic;
using QualityGate.Results;

namespace QualityGate.Recording;

/// <summary>How a run ended, as the host reports it.</summary>
internal sealed class RunCompletion
{
    public bool Aborted { get; set; }

    public string? AbortReason { get; set; }

    public IReadOnlyList<RunAttachment> Attachments { get; set; } = [];

    /// <summary>Error-level messages of the run (for example the test host's crash report).</summary>
    public IReadOnlyList<string> Errors { get; set; } = [];

    /// <summary>
    /// Warning-level messages of the run: read for crash attribution (blame's hang timeout); recorded only when they
    /// say that tests were lost (<see cref="LostTests"/>).
    /// </summary>
    public IReadOnlyList<string> Warnings { get; set; } = [];
}
