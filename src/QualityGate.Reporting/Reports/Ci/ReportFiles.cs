using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using QualityGate.Diagnostics;
using QualityGate.Files;

namespace QualityGate.Reports.Ci;

/// <summary>
/// How the publisher touches the file system: whole files through <see cref="AtomicFile"/>, files shared with other
/// processes (the step summary, the history's lock) appended under an exclusive lock.
/// </summary>
internal static class ReportFiles
{
    /// <summary>Writes a whole report through the one atomic-write path; a failure is QG2010 naming the file.</summary>
    public static void WriteAtomic(string path, string text) => AtomicFile.WriteText(path, text, Unwritable);

    /// <summary>
    /// Opens <paramref name="path"/> for reading and writing with FileShare.None, retrying while another process (or
    /// thread) holds it, so writers that finish at the same moment take turns instead of interleaving.
    /// </summary>
    public static FileStream OpenExclusive(string path, TimeSpan timeout)
    {
        // A pipe would block or fail on the seek an append needs, and a folder cannot be appended to.
        var kind = FileNode.KindOf(path);
        if (kind is not (FileType.Missing or FileType.Regular or FileType.CharacterDevice))
        {
            throw AtomicFile.Refused(Path.GetFullPath(path), kind, viaLink: false);
        }

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
}
