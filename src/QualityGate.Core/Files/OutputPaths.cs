using System.Collections.Generic;
using QualityGate.Diagnostics;

namespace QualityGate.Files;

/// <summary>
/// The files a gate run reads, so that none of them is written over: `--markdown qualitygate.json` or a report path
/// equal to a results file would destroy the input and leave a gate that can never judge it again. Paths compare as
/// the file system does (case rules of the platform, symbolic links resolved), so a second spelling of an input is
/// still that input. Two outputs on one path are refused too: one would silently replace the other.
/// </summary>
internal sealed class OutputPaths
{
    private readonly Dictionary<string, (string Path, string Role, bool Output)> known = new(FileNode.PathComparer);

    /// <summary>Registers a file the run reads; null is ignored.</summary>
    public void Input(string? path, string role)
    {
        if (path is not null)
        {
            var real = FileNode.RealPath(path);
            if (!known.ContainsKey(real))
            {
                known[real] = (path, role, false);
            }
        }
    }

    /// <summary>Registers a file the run writes; throws QG2026 when it is an input or another output.</summary>
    public void Output(string? path, string role)
    {
        if (path is null)
        {
            return;
        }

        var real = FileNode.RealPath(path);
        if (known.TryGetValue(real, out var other))
        {
            throw new QualityGateException(
                DiagnosticCode.OutputIsInput,
                other.Output
                    ? $"{role} and {other.Role} would both be written to this path, and one would replace the other. Give each its own path."
                    : $"{role} would be written over {other.Role} ({other.Path}), an input of this run. Choose another path for {role}.",
                path);
        }

        known[real] = (path, role, true);
    }
}
