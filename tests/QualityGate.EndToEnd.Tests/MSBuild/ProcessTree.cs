using System;
using System.IO;
using System.Linq;

namespace QualityGate.MSBuildTests;

/// <summary>Finds a running process by its command line (Linux /proc), so a scenario kills only what it started.</summary>
internal static class ProcessTree
{
    public static (int Pid, string CommandLine)? Find(Func<(int Pid, string CommandLine), bool> match)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            string commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // the process ended meanwhile
            }

            if (match((pid, commandLine)))
            {
                return (pid, commandLine);
            }
        }

        return null;
    }
}
