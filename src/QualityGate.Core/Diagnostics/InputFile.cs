using System;
using System.IO;
using System.Reflection;

namespace QualityGate.Diagnostics;

/// <summary>
/// The length of an input file as reading it would find it, without opening it. A named pipe would block the open
/// until someone writes to it and a device (/dev/zero) never ends; both report length 0, so a reader that treats
/// length 0 as "empty" refuses a committed symlink to either at once.
/// </summary>
internal static class InputFile
{
    // FileSystemInfo.ResolveLinkTarget(bool) exists from .NET 6, which every host of this netstandard2.0 library has.
    private static readonly MethodInfo? ResolveLinkTarget = typeof(FileSystemInfo).GetMethod("ResolveLinkTarget", [typeof(bool)]);

    public static long Length(string path)
    {
        var info = new FileInfo(path);
        if ((info.Attributes & FileAttributes.ReparsePoint) != 0)
        {
            // FileInfo describes the link itself; the target is what would be read.
            try
            {
                info = ResolveLinkTarget?.Invoke(info, [true]) is FileInfo target ? target : info;
            }
            catch (TargetInvocationException e) when (e.InnerException is IOException or UnauthorizedAccessException)
            {
                return 0;
            }
        }

        return info.Exists ? info.Length : 0;
    }
}
