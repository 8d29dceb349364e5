using System;
using System.Collections.Generic;
using System.IO;
using QualityGate.PackageTests;

namespace QualityGate.MSBuildTests;

/// <summary>
/// A folder nobody can write to, not even root (for whom chmod changes nothing): a read-only bind mount of an empty
/// folder. Null where the machine cannot make one (not root, no mount).
/// </summary>
internal sealed class ReadOnlyMount : IDisposable
{
    private readonly string _path;

    private ReadOnlyMount(string path) => _path = path;

    public static ReadOnlyMount? Create(string path)
    {
        Directory.CreateDirectory(path);
        var none = new Dictionary<string, string?>();
        var limit = TimeSpan.FromSeconds(30);
        if (DotNet.Process("mount", "/", none, limit, "--bind", path, path).ExitCode != 0)
        {
            return null;
        }

        if (DotNet.Process("mount", "/", none, limit, "-o", "remount,bind,ro", path).ExitCode != 0)
        {
            DotNet.Process("umount", "/", none, limit, path);
            return null;
        }

        return new ReadOnlyMount(path);
    }

    public void Dispose() => DotNet.Process("umount", "/", new Dictionary<string, string?>(), TimeSpan.FromSeconds(30), _path);
}
