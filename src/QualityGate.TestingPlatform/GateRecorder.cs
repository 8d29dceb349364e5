using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.Extensions.TestHost;
using Microsoft.Testing.Platform.Extensions;
using Microsoft.Testing.Platform.Extensions.OutputDevice;
using Microsoft.Testing.Platform.Services;
using QualityGate.Diagnostics;
using QualityGate.Recording;
using QualityGate.Results;

namespace QualityGate.TestingPlatform;

/// <summary>
/// The test host half of '--gate': feeds every final test node to the core's <see cref="RunRecorder"/> and completes
/// the results file when the session ends. It decides nothing itself: the identity comes from the controller.
/// </summary>
internal sealed class GateRecorder : IDataConsumer, ITestSessionLifetimeHandler, IOutputDeviceDataProducer, IDisposable
{
    private readonly GateOptions _options;
    private readonly RunIdentity _identity;
    private readonly Func<GateRecorder, GateConsole> _console;
    private readonly (string Name, string Path, string Framework) _app;
    private readonly List<RunAttachment> _attachments = [];
    private readonly StringWriter _summary = new();
    private RunRecorder? _recorder;
    private bool _failed;

    public GateRecorder(GateOptions options, RunIdentity identity, (string Name, string Path, string Framework) app, Func<GateRecorder, GateConsole> console)
    {
        _options = options;
        _identity = identity;
        _app = app;
        _console = console;
    }

    public string Uid => "QualityGate.Recorder";

    public string Version => Extension.Version;

    public string DisplayName => "QualityGate";

    public string Description => "Records every test result to a QualityGate results file and categorizes failures.";

    public Type[] DataTypesConsumed { get; } = [typeof(TestNodeUpdateMessage), typeof(SessionFileArtifact), typeof(FileArtifact)];

    public Task<bool> IsEnabledAsync() => Task.FromResult(_options.Enabled);

    public Task OnTestSessionStartingAsync(ITestSessionContext testSessionContext)
    {
        var options = new RecorderOptions(Path.GetDirectoryName(_identity.ResultsFile)!, _app.Framework)
        {
            ResultsFile = _identity.ResultsFile,
            RunId = _identity.RunId,
            SpoolPath = _identity.SpoolFile,
            Verbosity = _options.Verbosity,
            ConfigPath = _options.ConfigPath,
            Shard = _options.ShardName,
        };
        _recorder = new RunRecorder(options, _summary);
        Guard(() => _recorder.Start([_app.Path]));
        return Task.CompletedTask;
    }

    public Task ConsumeAsync(IDataProducer dataProducer, IData value, CancellationToken cancellationToken)
    {
        switch (value)
        {
            case TestNodeUpdateMessage update when NodeMapper.Map(update.TestNode, _app.Path) is { } result:
                Guard(() => _recorder?.Record(result));
                break;
            case SessionFileArtifact artifact:
                _attachments.Add(new RunAttachment(artifact.FileInfo.FullName, artifact.Description, artifact.DisplayName));
                break;
            case FileArtifact artifact:
                _attachments.Add(new RunAttachment(artifact.FileInfo.FullName, artifact.Description, artifact.DisplayName));
                break;
        }

        return Task.CompletedTask;
    }

    public async Task OnTestSessionFinishingAsync(ITestSessionContext testSessionContext)
    {
        var cancelled = testSessionContext.CancellationToken.IsCancellationRequested;
        Guard(() =>
        {
            _recorder?.Complete(new RunCompletion
            {
                Aborted = cancelled,
                AbortReason = cancelled ? "The test run was cancelled." : null,
                Attachments = _attachments,
            });
            _recorder?.Dispose();
        });
        await _console(this).WriteAsync(_summary.ToString(), CancellationToken.None).ConfigureAwait(false);
    }

    public void Dispose() => _recorder?.Dispose();

    private void Guard(Action action)
    {
        if (_failed)
        {
            return;
        }

        try
        {
            action();
        }
        catch (QualityGateException e)
        {
            _summary.WriteLine(e.ToString());
        }
        catch (Exception e)
        {
            // A results file that silently misses results would pass a gate it should fail: write none at all.
            _failed = true;
            _recorder?.Dispose();
            _summary.WriteLine(
                $"error {DiagnosticCode.LoggerFailed}: QualityGate's recorder failed ({e.GetType().Name}: {e.Message}) and writes no results " +
                "file for this run, so no gate can pass on partial results. Please report this with the message above.");
        }
    }
}
