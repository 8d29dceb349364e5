using System;
using System.IO;
using System.Runtime.InteropServices;

namespace QualityGate.Files;

/// <summary>What a path names on disk, as far as writing to it is concerned.</summary>
public enum FileKind
{
    /// <summary>Nothing there (or a dangling link).</summary>
    Missing,

    /// <summary>A regular file, or a platform that cannot tell (Windows paths other than devices).</summary>
    Regular,

    Directory,

    /// <summary>A symbolic link (only from <see cref="FileNode.KindOfLink"/>, which does not follow it).</summary>
    Link,

    /// <summary>A character device: /dev/null, a terminal, Windows' NUL and CON.</summary>
    CharacterDevice,

    /// <summary>A named pipe (FIFO): opening it blocks until a reader comes, and a rename would replace it.</summary>
    Pipe,

    BlockDevice,

    Socket,
}

/// <summary>
/// The file system facts .NET Standard does not expose: the kind of a file (regular, device, pipe, link) and the real
/// path of a folder. On Unix they come from the runtime's own System.Native shim, whose mode constants are fixed for
/// managed callers (pal_io.h); where it is not there (.NET Framework, Windows) the answers fall back to what
/// System.IO can tell.
/// </summary>
public static class FileNode
{
    private const int TypeMask = 0xF000;

    /// <summary>The kind of <paramref name="path"/>, following symbolic links.</summary>
    public static FileKind KindOf(string path) => Kind(path, follow: true);

    /// <summary>The kind of <paramref name="path"/> itself: <see cref="FileKind.Link"/> for a symbolic link.</summary>
    public static FileKind KindOfLink(string path) => Kind(path, follow: false);

    /// <summary>
    /// The path with every symbolic link resolved (Unix), so two spellings of one file compare equal; the full path
    /// where that cannot be done. A path that does not exist yet keeps its missing tail after its real parent folder.
    /// </summary>
    public static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        if (!IsUnix)
        {
            return full;
        }

        // realpath(3) needs an existing path: resolve the longest existing prefix, keep the rest as written.
        var tail = string.Empty;
        var current = full;
        while (!string.IsNullOrEmpty(current))
        {
            if (Resolve(current) is { } real)
            {
                return tail.Length == 0 ? real : Path.Combine(real, tail);
            }

            var name = Path.GetFileName(current);
            tail = tail.Length == 0 ? name : Path.Combine(name, tail);
            current = Path.GetDirectoryName(current);
        }

        return full;
    }

    /// <summary>
    /// Throws <paramref name="code"/> unless <paramref name="path"/> is a regular file (or missing, which the reader
    /// reports in its own words). Reading a named pipe blocks until someone writes to it, and a device such as
    /// /dev/zero never ends: a test that leaves either where the gate reads would hang it instead of failing it.
    /// </summary>
    public static void RequireRegularInput(string path, string code, string what)
    {
        var kind = KindOf(path);
        if (kind is not (FileKind.Missing or FileKind.Regular))
        {
            var name = kind switch
            {
                FileKind.Directory => "a folder",
                FileKind.Pipe => "a named pipe (FIFO)",
                FileKind.CharacterDevice => "a character device",
                FileKind.BlockDevice => "a block device",
                FileKind.Socket => "a socket",
                _ => "not a regular file",
            };
            throw new Diagnostics.QualityGateException(code, $"{what} is {name}, not a regular file, so it is not read (it could block or never end). Pass the file itself.", path);
        }
    }

    /// <summary>True on Windows and macOS, whose default file systems ignore case; Linux's do not.</summary>
    public static bool CaseInsensitive { get; } =
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || RuntimeInformation.IsOSPlatform(OSPlatform.OSX);

    /// <summary>How paths compare on this machine's file system.</summary>
    public static StringComparison PathComparison => CaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>The same rule as a comparer, for sets and dictionaries of paths.</summary>
    public static StringComparer PathComparer => CaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    private static bool IsUnix => !RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    private static FileKind Kind(string path, bool follow)
    {
        var full = Path.GetFullPath(path);
        if (!IsUnix)
        {
            return WindowsKind(full);
        }

        try
        {
            var status = new byte[256];
            var result = follow ? Native.Stat(Utf8Z(full), status) : Native.LStat(Utf8Z(full), status);
            return result != 0 ? FileKind.Missing : FromMode(BitConverter.ToInt32(status, 4));
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            // A host without the shim: tell what System.IO can.
        }

        return Directory.Exists(full) ? FileKind.Directory : File.Exists(full) ? FileKind.Regular : FileKind.Missing;
    }

    private static FileKind FromMode(int mode) => (mode & TypeMask) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0xA000 => FileKind.Link,
        0x2000 => FileKind.CharacterDevice,
        0x1000 => FileKind.Pipe,
        0x6000 => FileKind.BlockDevice,
        0xC000 => FileKind.Socket,
        _ => FileKind.Regular,
    };

    // Windows has no special files in the file system, only device names that every folder answers to.
    private static FileKind WindowsKind(string full)
    {
        if (full.StartsWith(@"\\.\", StringComparison.Ordinal))
        {
            return FileKind.CharacterDevice;
        }

        var name = Path.GetFileNameWithoutExtension(full).TrimEnd(' ').ToUpperInvariant();
        if (name is "NUL" or "CON" or "PRN" or "AUX" or "CONIN$" or "CONOUT$"
            || (name.Length == 4 && (name.StartsWith("COM", StringComparison.Ordinal) || name.StartsWith("LPT", StringComparison.Ordinal)) && name[3] is >= '1' and <= '9'))
        {
            return FileKind.CharacterDevice;
        }

        return Directory.Exists(full) ? FileKind.Directory : File.Exists(full) ? FileKind.Regular : FileKind.Missing;
    }

    private static string? Resolve(string path)
    {
        try
        {
            var pointer = Native.RealPath(Utf8Z(path));
            if (pointer == IntPtr.Zero)
            {
                return null;
            }

            try
            {
                return Utf8String(pointer);
            }
            finally
            {
                Native.Free(pointer);
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return null;
        }
    }

    // .NET Standard 2.0 has no UTF-8 string marshalling: paths go as NUL-terminated UTF-8 bytes.
    private static byte[] Utf8Z(string path)
    {
        var bytes = new byte[System.Text.Encoding.UTF8.GetByteCount(path) + 1];
        System.Text.Encoding.UTF8.GetBytes(path, 0, path.Length, bytes, 0);
        return bytes;
    }

    private static string Utf8String(IntPtr pointer)
    {
        var length = 0;
        while (Marshal.ReadByte(pointer, length) != 0)
        {
            length++;
        }

        var bytes = new byte[length];
        Marshal.Copy(pointer, bytes, 0, length);
        return System.Text.Encoding.UTF8.GetString(bytes);
    }

    private static class Native
    {
        private const string Library = "libSystem.Native";

        // The status buffer is larger than the runtime's FileStatus; only Mode (the second int) is read.
        [DllImport(Library, EntryPoint = "SystemNative_Stat")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Stat(byte[] path, byte[] status);

        [DllImport(Library, EntryPoint = "SystemNative_LStat")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int LStat(byte[] path, byte[] status);

        [DllImport(Library, EntryPoint = "SystemNative_RealPath")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern IntPtr RealPath(byte[] path);

        [DllImport(Library, EntryPoint = "SystemNative_Free")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern void Free(IntPtr pointer);
    }
}
