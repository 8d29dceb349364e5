using System;
using System.Collections.Generic;
using System.IO;
using QualityGate.Files;

namespace QualityGate.Tool;

/// <summary>
/// The files under a folder, for the globs of --results and --coverage. Linked folders are followed (TestResults on
/// another disk is common) but never into a loop: a link is entered only if its target has not been entered yet, so
/// "TestResults/loop -> .." ends at once instead of listing the same run forever. Folders that cannot be read are left
/// out (a database volume in the checkout); a glob that then matches nothing is still an error.
/// </summary>
internal static class FileTree
{
    /// <summary>Paths relative to <paramref name="root"/>, '/'-separated.</summary>
    public static IEnumerable<string> Files(string root)
    {
        var entered = new HashSet<string>(FileNode.PathComparer);
        var pending = new Stack<(string Path, string Relative)>();
        pending.Push((root, string.Empty));
        while (pending.Count > 0)
        {
            var (folder, relative) = pending.Pop();
            var real = FileNode.RealPath(folder);
            var isLink = new DirectoryInfo(folder).LinkTarget is not null;
            if (!entered.Add(real) && isLink)
            {
                continue;
            }

            FileSystemInfo[] entries;
            try
            {
                entries = new DirectoryInfo(folder).GetFileSystemInfos();
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                continue;
            }

            foreach (var entry in entries)
            {
                var name = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
                if (entry is DirectoryInfo)
                {
                    pending.Push((entry.FullName, name));
                }
                else if (entry.LinkTarget is null || File.Exists(entry.FullName) || !Directory.Exists(entry.FullName))
                {
                    yield return name;
                }
                else
                {
                    pending.Push((entry.FullName, name));
                }
            }
        }
    }
}
