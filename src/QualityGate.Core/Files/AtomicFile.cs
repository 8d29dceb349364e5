using System;
using System.IO;
using System.Text;
using System.Threading;
using QualityGate.Diagnostics;

namespace QualityGate.Files;

/// <summary>
/// The one way QualityGate writes a file. The content goes to a temporary file with a unique name in the target's
/// folder, is flushed, and the temporary is renamed over the target: a reader, or a crash, never meets half a file,
/// and two writers never share a temporary (the last rename wins whole). A failed write deletes its temporary and
/// leaves the target as it was.
/// Only a regular file is replaced. A character device (/dev/null, a terminal, Windows' NUL) is written through; a
/// folder, named pipe, socket or block device is refused (QG2025), and so is a symbolic link to one, because a
/// link committed to a repository would otherwise turn the gate's report into a write to whatever it points at.
/// Written otherwise, on purpose: what grows while a run goes on or is shared between processes — the results
/// writer's spool (its own unique name, folded into the results file through here), the MTP journal of running tests
/// (memory-mapped), the step summary and the history's lock (appended under an exclusive lock, ReportFiles) — the
/// writability probe (created and deleted), and the HTML source pages (a view rewritten each run, thousands of them:
/// whatever is at a page's path is deleted first, then the page is created new, never written through a link).
/// </summary>
internal static class AtomicFile
{
    /// <summary>UTF-8 without a byte order mark: what every QualityGate file is written in.</summary>
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private const int RenameAttempts = 5;

    /// <summary>
    /// Writes the file <paramref name="write"/> produces to <paramref name="path"/>. An I/O failure is turned into the
    /// caller's coded error by <paramref name="unwritable"/>; an exception thrown by <paramref name="write"/> itself
    /// passes through, after the temporary is deleted.
    /// </summary>
    public static void Write(string path, Action<Stream> write, Func<string, Exception, QualityGateException> unwritable)
    {
        var full = Path.GetFullPath(path);
        if (WriteThrough(full))
        {
            try
            {
                // Append: /dev/stdout redirected to a file reopens that file, and must not overwrite what is already in it.
                using var device = new FileStream(full, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
                write(device);
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                throw unwritable(full, e);
            }
        }

        var temp = TemporaryName(full);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);

                // To the operating system, not to the disk: the rename is what protects readers from half a file, and
                // forcing the data to disk would only add protection against power loss at a cost paid on every run.
                // (A writer that closed the stream has flushed it already.)
                if (stream.CanWrite)
                {
                    stream.Flush();
                }
            }

            Replace(temp, full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw unwritable(full, e);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte order mark.</summary>
    public static void WriteText(string path, string text, Func<string, Exception, QualityGateException> unwritable) =>
        Write(path, stream =>
        {
            var bytes = Utf8.GetBytes(text);
            stream.Write(bytes, 0, bytes.Length);
        }, unwritable);

    /// <summary>
    /// The temporary's name: hidden, beside the target (a rename within one folder is atomic; across file systems it
    /// is not), unique per writer, and ending in ".tmp" so no results or coverage glob ever matches it. A long name is
    /// cut, so a target whose name is near the file system's limit of 255 bytes still gets a temporary.
    /// </summary>
    internal static string TemporaryName(string full)
    {
        var name = Path.GetFileName(full);
        return Path.Combine(Path.GetDirectoryName(full)!, $".{(name.Length > 100 ? name.Substring(0, 100) : name)}.{Guid.NewGuid():N}.tmp");
    }

    /// <summary>
    /// True when <paramref name="full"/> is a device to write into rather than a file to replace; throws QG2025 for
    /// what may be neither replaced nor written (folders, pipes, sockets, block devices, links to any special file).
    /// </summary>
    internal static bool WriteThrough(string full)
    {
        var kind = FileNode.KindOfLink(full);
        if (kind == FileType.Link)
        {
            var target = FileNode.KindOf(full);
            if (IsStandardStream(full) && target is not (FileType.Missing or FileType.Directory or FileType.BlockDevice))
            {
                return true;
            }

            if (target is FileType.Missing or FileType.Regular)
            {
                // The link itself is replaced: never a write into a file elsewhere that a checkout chose.
                return false;
            }

            throw Refused(full, target, viaLink: true);
        }

        return kind switch
        {
            FileType.Missing or FileType.Regular => false,
            FileType.CharacterDevice => true,
            _ => throw Refused(full, kind, viaLink: false),
        };
    }

    /// <summary>The error for a special file given as an output.</summary>
    public static QualityGateException Refused(string full, FileType kind, bool viaLink)
    {
        var what = kind switch
        {
            FileType.Directory => "a folder",
            FileType.Pipe => "a named pipe (FIFO)",
            FileType.Socket => "a socket",
            FileType.BlockDevice => "a block device",
            FileType.CharacterDevice => "a character device",
            _ => "not a regular file",
        };
        return new QualityGateException(
            DiagnosticCode.OutputNotRegularFile,
            $"the output path is {(viaLink ? "a symbolic link to " : string.Empty)}{what}. QualityGate replaces only regular files " +
            "(and writes through /dev/null or a terminal); it never replaces or follows a link into a special file. Choose a file path.",
            full);
    }

    // /dev/stdout and friends are links by nature; writing through them is what a user who names them means.
    private static bool IsStandardStream(string full) =>
        full is "/dev/stdout" or "/dev/stderr"
        || full.StartsWith("/dev/fd/", StringComparison.Ordinal)
        || full.StartsWith("/proc/self/fd/", StringComparison.Ordinal);

    private static void Replace(string temp, string full)
    {
        // .NET Standard has no File.Move with overwrite: File.Replace when the target exists, File.Move when it does
        // not, and another writer may create or delete the target in between, so a lost race is retried.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (File.Exists(full))
                {
                    File.Replace(temp, full, destinationBackupFileName: null, ignoreMetadataErrors: true);
                }
                else
                {
                    File.Move(temp, full);
                }

                return;
            }
            catch (IOException) when (attempt < RenameAttempts && File.Exists(temp))
            {
                Thread.Sleep(attempt * 10);
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The temporary stays behind, hidden; the target was never touched.
        }
    }
}
