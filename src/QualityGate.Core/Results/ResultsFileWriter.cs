using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using QualityGate.Diagnostics;
using QualityGate.Files;

namespace QualityGate.Results;

/// <summary>
/// Writes one results file (schema qualitygate.results/1) while the run is going: each result is serialized to a
/// spool file as it arrives, so memory does not grow with the suite. <see cref="Complete"/> writes the header, copies
/// the spool behind it into a temporary file and renames that over the target, so a crash never leaves a truncated
/// file that still parses.
/// </summary>
internal sealed class ResultsFileWriter : IDisposable
{
    public const string Schema = "qualitygate.results/1";

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, SkipValidation = true };

    private readonly string _spoolPath;
    private FileStream? _spool;
    private Utf8JsonWriter? _spoolWriter;

    public ResultsFileWriter(string path, string? spoolPath = null)
    {
        Path = System.IO.Path.GetFullPath(path);
        _spoolPath = spoolPath ?? Path + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".spool";
        try
        {
            var directory = System.IO.Path.GetDirectoryName(Path);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            // Readable by others: after a crash (or while a host hangs) the MTP controller recovers the results from it.
            _spool = new FileStream(_spoolPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw Unwritable(e);
        }

        _spoolWriter = new Utf8JsonWriter(_spool, WriterOptions);
        _spoolWriter.WriteStartArray();
    }

    /// <summary>The results file this writer produces.</summary>
    public string Path { get; }

    public RunSummary Summary { get; } = new();

    public void Add(TestResultRecord result)
    {
        var writer = _spoolWriter ?? throw new ObjectDisposedException(nameof(ResultsFileWriter));
        Summary.Add(result);
        ResultsJson.WriteTest(writer, result);
        if (writer.BytesPending > 1 << 15)
        {
            writer.Flush();
        }
        else if (result.Failure is not null && FlushFailures)
        {
            // Failures are rare and are what a crash report must not lose: hand them to the operating system now.
            writer.Flush();
            _spool!.Flush();
        }
    }

    /// <summary>Makes every failure reach the spool file at once, for a run whose spool may be read after a crash.</summary>
    public bool FlushFailures { get; set; }

    /// <summary>Writes the finished file atomically; afterwards the writer accepts nothing more.</summary>
    public void Complete(RunInfo run)
    {
        var spool = _spool ?? throw new ObjectDisposedException(nameof(ResultsFileWriter));
        try
        {
            _spoolWriter!.WriteEndArray();
            _spoolWriter.Flush();
            AtomicFile.Write(Path, output =>
            {
                using (var header = new Utf8JsonWriter(output, WriterOptions))
                {
                    header.WriteStartObject();
                    header.WriteString("schema", Schema);
                    ResultsJson.WriteTool(header);
                    ResultsJson.WriteRun(header, run, Summary, System.IO.Path.GetDirectoryName(Path)!);
                    header.Flush();
                }

                // The spool holds the "tests" array; it goes last so it can be copied as bytes, not re-serialized.
                var between = Encoding.UTF8.GetBytes(",\n  \"tests\": ");
                output.Write(between, 0, between.Length);
                spool.Position = 0;
                spool.CopyTo(output, 1 << 16);
                output.WriteByte((byte)'\n');
                output.WriteByte((byte)'}');
                output.WriteByte((byte)'\n');
            }, (_, e) => Unwritable(e));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The spool itself failed (a full disk while the tests ran).
            throw Unwritable(e);
        }
        finally
        {
            Dispose();
        }
    }

    public void Dispose()
    {
        _spoolWriter?.Dispose();
        _spoolWriter = null;
        _spool?.Dispose();
        _spool = null;
        TryDelete(_spoolPath);
    }

    private QualityGateException Unwritable(Exception e) => new(
        DiagnosticCode.ResultsUnwritable,
        $"cannot write the results file: {e.Message} Point LogFilePath (--logger \"gate;LogFilePath=...\") or " +
        "--results-directory at a folder you can write to.",
        Path,
        e);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary file is harmless; the results file itself was never touched.
        }
    }

    internal static string FormatTime(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
