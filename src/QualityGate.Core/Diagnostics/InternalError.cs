using System;
using System.Globalization;
using System.IO;
using System.Reflection;
using QualityGate.Files;
using QualityGate.Output;

namespace QualityGate.Diagnostics;

/// <summary>
/// What the MSBuild task and 'dotnet gate' make of an exception QualityGate did not foresee: one line with QG0000, what
/// went wrong and where the details are, never a stack trace in the build log (it would hide the advice, and CI logs
/// are read by people who cannot act on it). The stack trace goes to a diagnostics file, which the line names.
/// </summary>
internal sealed class InternalError
{
    /// <summary>Where diagnostics files go, when set: a CI job can point it at a folder it uploads as an artifact.</summary>
    public const string FolderVariable = "QUALITYGATE_DIAGNOSTICS_DIR";

    private InternalError(string message, string details, string? file)
    {
        Message = message;
        Details = details;
        File = file;
    }

    /// <summary>The one line to print after "error QG0000: ".</summary>
    public string Message { get; }

    /// <summary>The whole exception, stack traces included: for the diagnostics file and a diagnostic-verbosity log.</summary>
    public string Details { get; }

    /// <summary>The diagnostics file written, or null when it could not be.</summary>
    public string? File { get; }

    /// <summary>
    /// Describes <paramref name="exception"/> and writes its details to a diagnostics file in <paramref name="folder"/>
    /// (default: $QUALITYGATE_DIAGNOSTICS_DIR, else the temporary folder). <paramref name="host"/> names the adapter.
    /// </summary>
    public static InternalError From(Exception exception, string host, DateTimeOffset now, string? folder = null)
    {
        var details = string.Join(
            "\n",
            $"QualityGate {Version()} in {host}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription} on {System.Runtime.InteropServices.RuntimeInformation.OSDescription}",
            "time: " + now.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            exception.ToString(),
            string.Empty);
        var file = TryWrite(details, folder ?? Environment.GetEnvironmentVariable(FolderVariable), now);
        var what = $"{exception.GetType().Name}: {OutputGuard.Text(exception.Message, 200)}";
        var where = file is null ? "run with -v:diag (MSBuild) to see the details" : $"the details are in {file}";
        return new InternalError(
            $"QualityGate failed unexpectedly ({what}). This is a bug in QualityGate, not in your tests: please report it with " +
            $"the diagnostics file; {where}.",
            details,
            file);
    }

    private static string? TryWrite(string details, string? folder, DateTimeOffset now)
    {
        try
        {
            var directory = string.IsNullOrWhiteSpace(folder) ? Path.Combine(Path.GetTempPath(), "qualitygate-diagnostics") : folder!;
            var name = FormattableString.Invariant($"qg0000-{now.ToUniversalTime():yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N").Substring(0, 8)}.txt");
            var path = Path.GetFullPath(Path.Combine(directory, name));
            AtomicFile.WriteText(path, details, (full, e) => new QualityGateException(DiagnosticCode.InternalError, e.Message, full, e));
            return path;
        }
        catch (Exception e) when (e is QualityGateException or IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // Nowhere to write: the one-line error still stands, and the log at diagnostic verbosity has the details.
            return null;
        }
    }

    private static string Version() =>
        typeof(InternalError).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "(unknown version)";
}
