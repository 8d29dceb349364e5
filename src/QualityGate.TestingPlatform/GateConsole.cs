using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Testing.Platform.CommandLine;
using Microsoft.Testing.Platform.Extensions.OutputDevice;
using Microsoft.Testing.Platform.OutputDevice;
using QualityGate.Output;

namespace QualityGate.TestingPlatform;

/// <summary>
/// Where QualityGate's console lines go. Run directly, through the platform's output device (it owns the terminal).
/// Under 'dotnet test', the SDK (dotnet-test protocol 1.0.0) forwards no extension text but captures the app's
/// standard output and shows it when the app's exit code is not 0: there, plain standard output.
/// </summary>
internal sealed class GateConsole
{
    private readonly IOutputDevice? _device;
    private readonly IOutputDeviceDataProducer _producer;
    private readonly TextWriter? _stdout;

    public GateConsole(IOutputDevice? device, IOutputDeviceDataProducer producer, TextWriter? stdout)
    {
        _device = device;
        _producer = producer;
        _stdout = stdout;
    }

    // The process's own standard output, not Console.Out: frameworks replace Console.Out to capture what tests write
    // (TUnit does), and a summary written there would be attributed to a test or lost.
    private static readonly Lazy<TextWriter> StandardOutput = new(() =>
        new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { AutoFlush = true });

    public static bool UnderDotnetTest(ICommandLineOptions commandLine, Func<string, string?> environment) =>
        (commandLine.TryGetOptionArgumentList("server", out var server) && server is { Length: > 0 } && server[0] == "dotnettestcli")
        || !string.IsNullOrEmpty(environment("TESTINGPLATFORM_DOTNETTEST_EXECUTIONID"));

    public static GateConsole For(IOutputDevice device, IOutputDeviceDataProducer producer, bool underDotnetTest) =>
        underDotnetTest ? new GateConsole(null, producer, StandardOutput.Value) : new GateConsole(device, producer, null);

    /// <summary>
    /// Writes text built from what tests and frameworks named (test names, messages, paths): each line through the
    /// output guard, so no CI command or escape sequence reaches the log from outside text.
    /// </summary>
    public Task WriteGuardedAsync(string text, CancellationToken cancellationToken) =>
        WriteAsync(string.Join("\n", text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(OutputGuard.Line)), cancellationToken);

    /// <summary>Writes text QualityGate already guarded (the recorder's summary, the gate's own output and annotations).</summary>
    public async Task WriteAsync(string text, CancellationToken cancellationToken)
    {
        text = text.TrimEnd('\r', '\n');
        if (text.Length == 0)
        {
            return;
        }

        if (_stdout is not null)
        {
            await _stdout.WriteLineAsync(text).ConfigureAwait(false);
            await _stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        else if (_device is not null)
        {
            await _device.DisplayAsync(_producer, new TextOutputDeviceData(text), cancellationToken).ConfigureAwait(false);
        }
    }
}
