using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using QualityGate.Categorization;
using QualityGate.Configuration;
using QualityGate.Diagnostics;
using QualityGate.Results;

namespace QualityGate.Recording;

/// <summary>
/// Records a test run: one results file per test assembly, each failure categorized as it arrives, a console summary
/// at the end. Hosts (the VSTest logger) translate their events into these calls. Not thread-safe by itself: the
/// host serializes calls.
/// </summary>
internal sealed class RunRecorder : IDisposable
{
    private readonly RecorderOptions _options;
    private readonly TextWriter _console;
    private readonly Dictionary<string, AssemblyRecording> _assemblies = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (GateConfig Config, string? Error)> _configs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _paths = new(StringComparer.Ordinal);
    private DateTimeOffset? _start;

    public RunRecorder(RecorderOptions options, TextWriter console)
    {
        _options = options;

        // Test names, messages and paths reach this console, which CI reads: every line goes through the guard.
        _console = Output.GuardedWriter.Over(console);
    }

    /// <summary>Announces the run's test assemblies, so that each gets a file even if none of its tests report.</summary>
    public void Start(IEnumerable<string> sources)
    {
        _start ??= _options.Clock();
        foreach (var source in sources)
        {
            GetOrStart(source);
        }
    }

    public void Record(ReportedResult result)
    {
        _start ??= _options.Clock();
        var assembly = GetOrStart(result.Source);
        var record = new TestResultRecord(result.Name, result.DisplayName, result.Outcome)
        {
            Id = result.Id,
            DurationMs = result.Duration.TotalMilliseconds,
            Traits = result.Traits,
            TestLayer = TestLayer.Resolve(assembly.Config.TestLayers, assembly.Assembly, result.Traits),
            Source = result.CodeFilePath is null ? null : new SourceLocation(result.CodeFilePath, result.LineNumber),
        };

        if (result.Outcome == TestOutcome.Failed && FrameworkNoise.IsCleanupFailure(result.ErrorMessage, out var ofOneTest, out var cleanup))
        {
            // Not a test of its own: it belongs to the test whose cleanup failed, or else to the run.
            if (!ofOneTest || !assembly.Attach(result.Id, test => AttachCleanup(test, result, assembly)))
            {
                assembly.AddError(FailureEvidence.Truncate(cleanup)!);
            }

            return;
        }

        if (result.Outcome == TestOutcome.Failed)
        {
            record.Failure = Categorize(result, result.ErrorMessage, assembly);
        }
        else if (result.Outcome == TestOutcome.Skipped && result.ErrorMessage is not null)
        {
            record.SkipReason = FailureEvidence.Truncate(result.ErrorMessage);
        }

        assembly.Add(record);
    }

    private static FailureRecord Categorize(ReportedResult result, string? message, AssemblyRecording assembly)
    {
        var evidence = new FailureEvidence(result.Name, message, result.ErrorStackTrace)
        {
            ClassName = result.ClassName,
            Traits = result.Traits,
            State = result.FailureState,
        };
        var category = assembly.Categorizer.Categorize(evidence);
        return new FailureRecord(category.Category, category.Rule, category.Hint)
        {
            ExceptionType = category.ExceptionType,
            Message = evidence.Message,
            StackTrace = evidence.StackTrace,
            Location = category.Location,
            RootCause = category.RootCause,
            State = result.FailureState,
            StandardOutput = FailureEvidence.Truncate(result.StandardOutput),
            StandardError = FailureEvidence.Truncate(result.StandardError),
        };
    }

    /// <summary>A test whose own cleanup failed: a failing test keeps its failure, a passing one fails with the cleanup's.</summary>
    private static void AttachCleanup(TestResultRecord test, ReportedResult cleanup, AssemblyRecording assembly)
    {
        if (test.Failure is { } failure)
        {
            failure.Message = FailureEvidence.Truncate($"{failure.Message}\n(then its cleanup failed too: {FrameworkNoise.WithoutCleanupPrefix(cleanup.ErrorMessage!)})");
            return;
        }

        test.Outcome = TestOutcome.Failed;
        test.SkipReason = null;
        test.Failure = Categorize(cleanup, FrameworkNoise.WithoutCleanupPrefix(cleanup.ErrorMessage!), assembly);
    }

    /// <summary>Writes every results file and prints the summary. Returns the files written.</summary>
    public IReadOnlyList<string> Complete(RunCompletion completion)
    {
        var finish = _options.Clock();
        var written = new List<string>();
        foreach (var assembly in _assemblies.Values)
        {
            if (completion.Aborted)
            {
                var crashed = CrashReport.Attribute(completion, assembly.Source, _console);
                foreach (var test in crashed)
                {
                    assembly.Add(CrashReport.Record(test, completion));
                }

                assembly.Flush();
                assembly.UnnamedCrash = crashed.Count == 0 ? CrashReport.UnnamedHang(completion, assembly.Writer.Summary.Total) : null;
            }

            assembly.Flush();
            var errors = new List<string>(completion.Errors.Where(e => !FrameworkNoise.IsProgressLine(e) && LostTests.Concerns(e, assembly.Source)));

            // A framework that lost tests may say so only in a warning (MSTest 3's discovery, VSTest's "No test is
            // available"): kept with the errors, where the gate looks for them — for the source it names.
            errors.AddRange(completion.Warnings.Where(w => LostTests.IsLoss(w) && LostTests.Concerns(w, assembly.Source)));
            if (assembly.UnnamedCrash is not null)
            {
                errors.Add(assembly.UnnamedCrash);
            }

            errors.AddRange(assembly.Errors);
            if (assembly.ConfigError is not null)
            {
                errors.Insert(0, assembly.ConfigError);
            }

            var run = new RunInfo(assembly.Assembly, _options.TargetFramework)
            {
                AssemblyPath = assembly.Source,
                RunId = _options.RunId ?? System.Guid.NewGuid().ToString("N"),
                Shard = _options.Shard,
                StartTime = _start ?? finish,
                FinishTime = finish,
                Aborted = completion.Aborted,
                AbortReason = completion.AbortReason,
                ConfigPath = assembly.Config.Path,
                Attachments = completion.Attachments,
                Errors = errors,
            };

            try
            {
                assembly.Writer.Complete(run);
                written.Add(assembly.Writer.Path);
                ConsoleSummary.Write(_console, run, assembly, _options);
            }
            catch (QualityGateException e)
            {
                _console.WriteLine(e.ToString());
            }
        }

        return written;
    }

    public void Dispose()
    {
        foreach (var assembly in _assemblies.Values)
        {
            assembly.Writer.Dispose();
        }
    }

    private AssemblyRecording GetOrStart(string source)
    {
        if (_assemblies.TryGetValue(source, out var existing))
        {
            return existing;
        }

        var name = Path.GetFileNameWithoutExtension(source);
        var (config, error) = ConfigFor(source);
        var path = _options.ResultsFile ?? _options.ResolvePath(name);
        if (!_paths.Add(path))
        {
            // Two assemblies of one run, a LogFilePath without {assembly}: keep both, and say so.
            var unique = Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + "." + name + Path.GetExtension(path));
            _console.WriteLine(
                $"warning {DiagnosticCode.ResultsPathCollision}: {path} would receive the results of several test assemblies; " +
                $"{name} writes {unique} instead. Put {{assembly}} in LogFilePath to choose the names yourself.");
            path = unique;
            _paths.Add(path);
        }

        var recording = new AssemblyRecording(source, name, config, error, new ResultsFileWriter(path, _options.SpoolPath) { FlushFailures = _options.SpoolPath is not null }, _options.FailuresPerCategory);
        _assemblies[source] = recording;
        return recording;
    }

    private (GateConfig Config, string? Error) ConfigFor(string source)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(source)) ?? Directory.GetCurrentDirectory();
        var key = _options.ConfigPath ?? directory;
        if (_configs.TryGetValue(key, out var cached))
        {
            return cached;
        }

        try
        {
            cached = (ConfigLoader.Discover(_options.ConfigPath, directory), null);
        }
        catch (QualityGateException e)
        {
            // Recorded in the results file, so the gate refuses it; failures are still categorized with the defaults.
            _console.WriteLine(e.ToString());
            cached = (GateConfig.Empty, $"{e.Code}: {(e.File is null ? string.Empty : e.File + ": ")}{e.Message}");
        }

        _configs[key] = cached;
        return cached;
    }
}
