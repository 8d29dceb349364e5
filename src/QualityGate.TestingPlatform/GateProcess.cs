using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using QualityGate.Diagnostics;

namespace QualityGate.TestingPlatform;

/// <summary>
/// Runs 'dotnet gate check' from the package (tools/gate) in a process of its own: the gate, its coverage reading and
/// the report writers never load into the test app. The package's build file tells the app where the tool is.
/// </summary>
internal static class GateProcess
{
    /// <summary>The runtime configuration value (runtimeconfig.json) naming dotnet-gate.dll, written by the package's build file.</summary>
    public const string ToolSetting = "QualityGate.GateTool";

    public static string? ToolPath() => AppContext.GetData(ToolSetting) as string;

    public static async Task<(int ExitCode, string Output)> RunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        if (!File.Exists(tool))
        {
            throw new QualityGateException(
                DiagnosticCode.GateUnavailable,
                "the gate program the package ships (tools/gate/dotnet-gate.dll) is not there: restore the QualityGate package again.",
                tool);
        }

        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(tool);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("no process");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new QualityGateException(DiagnosticCode.GateUnavailable, $"cannot start the gate ({start.FileName} exec dotnet-gate.dll): {e.Message}", tool, e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            return (process.ExitCode, (await output.ConfigureAwait(false)) + (await error.ConfigureAwait(false)));
        }
    }

    /// <summary>The dotnet host that runs this app: the CLI's (DOTNET_HOST_PATH), else the one above the running runtime.</summary>
    private static string DotnetHost()
    {
        var executable = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "dotnet.exe" : "dotnet";
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        // <root>/shared/Microsoft.NETCore.App/<version>/ → <root>/dotnet
        var runtime = RuntimeEnvironment.GetRuntimeDirectory();
        var root = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        var candidate = Path.Combine(root, executable);
        return File.Exists(candidate) ? candidate : executable;
    }
}
