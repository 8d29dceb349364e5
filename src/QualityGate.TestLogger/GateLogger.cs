using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Client;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;
using QualityGate.Configuration;
using QualityGate.Diagnostics;
using QualityGate.Recording;

namespace QualityGate.TestLogger;

/// <summary>
/// The VSTest logger "gate" (dotnet test --logger gate). It only translates VSTest events into
/// <see cref="RunRecorder"/> calls; everything QualityGate decides lives in the core.
/// </summary>
[FriendlyName(FriendlyName)]
[ExtensionUri(ExtensionUri)]
public sealed class GateLogger : ITestLoggerWithParameters, IDisposable
{
    public const string FriendlyName = "gate";
    public const string ExtensionUri = "logger://QualityGate/GateLogger/1";

    private const int MaxRunMessages = 50;

    private readonly object _gate = new();
    private readonly TextWriter _console;
    private readonly List<string> _errors = [];
    private readonly List<string> _warnings = [];
    private RunRecorder? _recorder;
    private bool _failed;

    public GateLogger()
        : this(Console.Out)
    {
    }

    /// <summary>For tests: capture the console summary.</summary>
    internal GateLogger(TextWriter console) => _console = Output.GuardedWriter.Over(console);

    public void Initialize(TestLoggerEvents events, string testRunDirectory) =>
        Initialize(events, new Dictionary<string, string?> { ["TestRunDirectory"] = testRunDirectory });

    public void Initialize(TestLoggerEvents events, Dictionary<string, string?> parameters)
    {
        try
        {
            var options = LoggerParameters.Parse(parameters);
            options.EnsureWritable();
            if (options.ConfigPath is not null)
            {
                // An explicit configuration must be usable before the first test runs, not discovered broken at the end.
                ConfigLoader.Load(options.ConfigPath);
            }

            _recorder = new RunRecorder(options, _console);
        }
        catch (QualityGateException e)
        {
            // VSTest reports the message and fails the run; the code and the advice must be in it.
            throw new ArgumentException(e.ToString(), e);
        }

        events.TestRunStart += (_, e) => Guard(() => _recorder.Start(e.TestRunCriteria?.Sources ?? []));
        events.TestResult += (_, e) => Guard(() => _recorder.Record(ResultMapper.Map(e.Result)));
        events.TestRunMessage += (_, e) => OnMessage(e);
        events.TestRunComplete += (_, e) => Guard(() => Complete(e));
    }

    /// <summary>VSTest never disposes loggers; the recorder is disposed when the run completes. This is for tests.</summary>
    public void Dispose() => _recorder?.Dispose();

    private void OnMessage(TestRunMessageEventArgs e)
    {
        if (e.Message is null || e.Level == TestMessageLevel.Informational)
        {
            return;
        }

        lock (_gate)
        {
            // xunit's "[FAIL]" lines repeat failed results, one each: they are not kept, and must not fill the list
            // before a message that says tests were lost. Those are kept past the limit (up to twice as many).
            if (e.Level == TestMessageLevel.Error && FrameworkNoise.IsProgressLine(e.Message))
            {
                return;
            }

            // Warnings are kept for crash attribution (blame's "inactivity time … elapsed" names a hang) and lost tests.
            var list = e.Level == TestMessageLevel.Error ? _errors : _warnings;
            if (list.Count < MaxRunMessages || (list.Count < 2 * MaxRunMessages && LostTests.IsLoss(e.Message)))
            {
                list.Add(Categorization.FailureEvidence.Truncate(e.Message)!);
            }
        }
    }

    private void Complete(TestRunCompleteEventArgs e)
    {
        var aborted = e.IsAborted || e.IsCanceled;
        string? reason = null;
        if (aborted)
        {
            reason = e.Error?.Message
                ?? _errors.FirstOrDefault(m => m.IndexOf("aborted", StringComparison.OrdinalIgnoreCase) >= 0
                                               || m.IndexOf("crashed", StringComparison.OrdinalIgnoreCase) >= 0)
                ?? (e.IsCanceled ? "The test run was canceled." : "The test run was aborted.");
        }

        _recorder!.Complete(new RunCompletion
        {
            Aborted = aborted,
            AbortReason = reason,
            Attachments = ResultMapper.Attachments(e.AttachmentSets),
            Errors = _errors,
            Warnings = _warnings,
        });
        _recorder.Dispose();
    }

    private void Guard(Action action)
    {
        lock (_gate)
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
                _console.WriteLine(e.ToString());
            }
            catch (Exception e)
            {
                // A results file that silently misses results would pass a gate it should fail: write none at all.
                _failed = true;
                _recorder?.Dispose();
                _console.WriteLine(
                    $"error {DiagnosticCode.LoggerFailed}: the gate logger failed ({e.GetType().Name}: {e.Message}) and writes no results " +
                    "file for this run, so no gate can pass on partial results. Please report this with the message above.");
            }
        }
    }
}
