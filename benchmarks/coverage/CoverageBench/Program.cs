using System;
using System.Diagnostics;
using System.IO;
using System.Xml;
using QualityGate.Coverage;
using QualityGate.Diagnostics;

// CoverageBench read <report> [repo-root]   CoverageReader.Read, as `dotnet gate check` will call it
// CoverageBench bare <report>                 the floor: one XmlReader pass reading number and hits of every <line>
// Prints one JSON line with what was counted and the in-process time; run.sh measures wall time and peak RSS around it.
if (args.Length < 2 || (args[0] != "read" && args[0] != "bare"))
{
    Console.Error.WriteLine("usage: CoverageBench read|bare <report> [repo-root]");
    return 2;
}

var clock = Stopwatch.StartNew();
if (args[0] == "bare")
{
    var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreWhitespace = true };
    using var reader = XmlReader.Create(args[1], settings);
    long elements = 0, checksum = 0;
    while (reader.Read())
    {
        if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "line")
        {
            elements++;
            checksum += reader.GetAttribute("number")!.Length + reader.GetAttribute("hits")!.Length;
        }
    }

    Console.WriteLine($"{{\"mode\":\"bare\",\"lineElements\":{elements},\"checksum\":{checksum},\"seconds\":{clock.Elapsed.TotalSeconds:F3}}}");
    return 0;
}

try
{
    var data = CoverageReader.Read(args[1], new PathMapper(args.Length > 2 ? args[2] : Directory.GetCurrentDirectory()));
    var (covered, valid) = data.LineTotals();
    var (branchesCovered, branchesValid) = data.BranchTotals();
    Console.WriteLine($"{{\"mode\":\"read\",\"files\":{data.Files.Count},\"lines\":{valid},\"covered\":{covered},\"branchesCovered\":{branchesCovered},\"branchesValid\":{branchesValid},\"seconds\":{clock.Elapsed.TotalSeconds:F3}}}");
    return 0;
}
catch (QualityGateException e)
{
    Console.Error.WriteLine(e.ToString());
    return 1;
}
