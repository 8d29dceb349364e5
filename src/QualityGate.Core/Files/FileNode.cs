using System;
using System.IO;
using System.Runtime.InteropServices;

namespace QualityGate.Files;

/// <summary>What a path names on disk, as far as writing to it is concerned.</summary>
internal enum FileType
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
internal static class FileNode
{
    private const int TypeMask = 0xF000;

    /// <summary>The kind of <paramref name="path"/>, following symbolic links.</summary>
    public static FileType KindOf(string path) => Kind(path, follow: true);

    /// <summary>The kind of <paramref name="path"/> itself: <see cref="FileType.Link"/> for a symbolic link.</summary>
    public static FileType KindOfLink(string path) => Kind(path, follow: false);

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

    /// <summary>True on Windows and macOS, whose default file systems ignore case; Linux's do not.</summary>
    public static bool CaseInsensitive { get; } =
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || RuntimeInformation.IsOSPlatform(OSPlatform.OSX);

    /// <summary>How paths compare on this machine's file system.</summary>
    public static StringComparison PathComparison => CaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>The same rule as a comparer, for sets and dictionaries of paths.</summary>
    public static StringComparer PathComparer => CaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    private static bool IsUnix => !RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    private static FileType Kind(string path, bool follow)
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
            return result != 0 ? FileType.Missing : FromMode(BitConverter.ToInt32(status, 4));
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            // A host without the shim: tell what System.IO can.
        }

        return Directory.Exists(full) ? FileType.Directory : File.Exists(full) ? FileType.Regular : FileType.Missing;
    }

    private static FileType FromMode(int mode) => (mode & TypeMask) switch
    {
        0x8000 => FileType.Regular,
        0x4000 => FileType.Directory,
        0xA000 => FileType.Link,
        0x2000 => FileType.CharacterDevice,
        0x1000 => FileType.Pipe,
        0x6000 => FileType.BlockDevice,
        0xC000 => FileType.Socket,
        _ => FileType.Regular,
    };

    // Windows has no special files in the file system, only device names that every folder answers to.
    private static FileType WindowsKind(string full)
    {
        if (full.StartsWith(@"\\.\", StringComparison.Ordinal))
        {
            return FileType.CharacterDevice;
        }

        var name = Path.GetFileNameWithoutExtension(full).TrimEnd(' ').ToUpperInvariant();
        if (name is "NUL" or "CON" or "PRN" or "AUX" or "CONIN$" or "CONOUT$"
            || (name.Length == 4 && (name.StartsWith("COM", StringComparison.Ordinal) || name.StartsWith("LPT", StringComparison.Ordinal)) && name[3] is >= '1' and <= '9'))
        {
            return FileType.CharacterDevice;
        }

        return Directory.Exists(full) ? FileType.Directory : File.Exists(full) ? FileType.Regular : FileType.Missing;
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
