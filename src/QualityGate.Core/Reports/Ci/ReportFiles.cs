using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using QualityGate.Diagnostics;

namespace QualityGate.Reports.Ci;

/// <summary>How the publisher touches the file system: whole files atomically, shared files under an exclusive lock.</summary>
internal static class ReportFiles
{
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes a temporary file and renames it over the target, so a reader never sees half a file.</summary>
    public static void WriteAtomic(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var temp = $"{full}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
            }

            if (File.Exists(full))
            {
                File.Replace(temp, full, null);
            }
            else
            {
                File.Move(temp, full);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw Unwritable(full, e);
        }
    }

    public static void WriteAtomic(string path, string text) =>
        WriteAtomic(path, stream =>
        {
            var bytes = Utf8.GetBytes(text);
            stream.Write(bytes, 0, bytes.Length);
        });

    /// <summary>
    /// Opens <paramref name="path"/> for reading and writing with FileShare.None, retrying while another process (or
    /// thread) holds it, so writers that finish at the same moment take turns instead of interleaving.
    /// </summary>
    public static FileStream OpenExclusive(string path, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        var random = new Random(Environment.CurrentManagedThreadId ^ Environment.TickCount);
        while (true)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e) when (IsSharingViolation(e) && watch.Elapsed < timeout)
            {
                Thread.Sleep(random.Next(5, 40));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw IsSharingViolation(e)
                    ? new QualityGateException(
                        DiagnosticCode.ReportUnwritable,
                        $"another process held the file for more than {timeout.TotalSeconds:0} s, so it could not be written: {e.Message}",
                        path,
                        e)
                    : Unwritable(path, e);
            }
        }
    }

    public static QualityGateException Unwritable(string path, Exception e) =>
        new(DiagnosticCode.ReportUnwritable, $"cannot write the report: {e.Message} Choose a folder you can write to.", path, e);

    // Windows reports a sharing violation as ERROR_SHARING_VIOLATION (32) or ERROR_LOCK_VIOLATION (33); Unix reports
    // a failed flock as a plain IOException. Files that are missing or forbidden are not worth a retry.
    private static bool IsSharingViolation(Exception e) =>
        e is IOException and not FileNotFoundException and not DirectoryNotFoundException and not PathTooLongException
        && ((e.HResult & 0xFFFF) is 32 or 33 || !RuntimeIsWindows());

    private static bool RuntimeIsWindows() => Path.DirectorySeparatorChar == '\\';

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The temporary file stays behind; the target was never touched.
        }
    }
}
