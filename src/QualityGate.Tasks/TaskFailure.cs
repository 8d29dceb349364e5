using System;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using QualityGate.Diagnostics;
using QualityGate.Output;

namespace QualityGate.Tasks;

/// <summary>
/// What a task logs for an exception QualityGate did not foresee: one QG0000 error, never MSBuild's MSB4018 with a stack
/// trace; the details go to a diagnostics file and, line by line, to the log at detailed verbosity.
/// </summary>
internal static class TaskFailure
{
    public static bool Log(TaskLoggingHelper log, Exception exception, string task, string projectDirectory)
    {
        var failure = InternalError.From(exception, $"the MSBuild task {task}", SystemClock.Now());
        log.LogError("QualityGate", DiagnosticCode.InternalError, null, OutputGuard.Line(projectDirectory), 0, 0, 0, 0, failure.Message);
        foreach (var line in failure.Details.Split('\n'))
        {
            log.LogMessage(MessageImportance.Low, OutputGuard.Line(line));
        }

        return false;
    }
}
