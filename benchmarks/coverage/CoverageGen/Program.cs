using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

// Writes a Cobertura report shaped like coverlet's: one <source> root, relative filenames, every class listing its
// lines under <methods> and again under <lines>, two or three classes sharing a file, async/iterator state-machine
// classes (Ns.Type/<M>d__N) whose lines the declaring class repeats in part (as closures and older producers do),
// and branch lines with condition-coverage and <conditions>. Deterministic for a given size and seed.
//
//   CoverageGen <output.xml> <size-MB> [seed]
//
// Prints the expected totals (distinct file/line pairs, covered, branches) as one JSON line on stdout.
if (args.Length < 2 || !double.TryParse(args[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var megabytes) || megabytes <= 0)
{
    Console.Error.WriteLine("usage: CoverageGen <output.xml> <size-MB> [seed]");
    return 2;
}

var seed = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 42;
var target = (long)(megabytes * 1024 * 1024);
var random = new Random(seed);
long lines = 0, covered = 0, branchesValid = 0, branchesCovered = 0;

using var stream = new FileStream(args[0], FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
writer.WriteLine("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
writer.WriteLine("<coverage line-rate=\"0.5\" branch-rate=\"0.5\" version=\"1.9\" timestamp=\"1700000000\" lines-covered=\"0\" lines-valid=\"0\" branches-covered=\"0\" branches-valid=\"0\">");
writer.WriteLine("  <sources>");
writer.WriteLine("    <source>/home/runner/work/big/big/src/</source>");
writer.WriteLine("  </sources>");
writer.WriteLine("  <packages>");

var package = 0;
while (Written(writer, stream) < target)
{
    writer.WriteLine($"    <package name=\"Big.Module{package}\" line-rate=\"0.5\" branch-rate=\"0.5\" complexity=\"1\">");
    writer.WriteLine("      <classes>");
    for (var f = 0; f < 200 && Written(writer, stream) < target; f++)
    {
        var file = $"Module{package}/Feature{f / 20}/File{f}.cs";
        var fileLines = new Dictionary<int, (bool Covered, int BranchCovered, int BranchValid)>();
        var nextLine = 10;
        var classes = 1 + random.Next(3);
        for (var c = 0; c < classes; c++)
        {
            var type = $"Big.Module{package}.Feature{f / 20}.Type{f}_{c}";
            var methods = new List<Method>();
            var machines = new List<(string Name, Method Body)>();
            var methodCount = 3 + random.Next(8);
            for (var m = 0; m < methodCount; m++)
            {
                var method = NewMethod(random, $"M{m}", ref nextLine);
                if (random.Next(4) == 0)
                {
                    // async or iterator: the body lives in the state machine; the declaring class keeps its first
                    // line (the kickoff) with hits of its own, so that line is listed by two classes.
                    machines.Add(($"{type}/<M{m}>d__{m}", method));
                    methods.Add(new Method($"M{m}", [method.Lines[0] with { Hits = random.Next(3) }]));
                }
                else
                {
                    methods.Add(method);
                }
            }

            WriteClass(writer, type, file, methods, fileLines);
            foreach (var (name, body) in machines)
            {
                WriteClass(writer, name, file, [body with { Name = "MoveNext" }], fileLines);
            }

            nextLine += 5;
        }

        foreach (var line in fileLines.Values)
        {
            lines++;
            covered += line.Covered ? 1 : 0;
            branchesValid += line.BranchValid;
            branchesCovered += line.BranchCovered;
        }
    }

    writer.WriteLine("      </classes>");
    writer.WriteLine("    </package>");
    package++;
}

writer.WriteLine("  </packages>");
writer.WriteLine("</coverage>");
writer.Flush();
Console.WriteLine($"{{\"bytes\":{stream.Length},\"lines\":{lines},\"covered\":{covered},\"branchesCovered\":{branchesCovered},\"branchesValid\":{branchesValid}}}");
return 0;

static long Written(StreamWriter writer, FileStream stream)
{
    writer.Flush();
    return stream.Position;
}

static Method NewMethod(Random random, string name, ref int nextLine)
{
    var count = 3 + random.Next(13);
    var lines = new List<Line>(count);
    var runs = random.Next(10) < 7;
    for (var i = 0; i < count; i++)
    {
        var hits = runs && random.Next(10) < 8 ? 1 + random.Next(500) : 0;
        var branches = random.Next(6) == 0 ? 2 * (1 + random.Next(2)) : 0;
        var branchCovered = branches == 0 || hits == 0 ? 0 : random.Next(branches + 1);
        lines.Add(new Line(nextLine++, hits, branchCovered, branches));
    }

    nextLine += 2;
    return new Method(name, lines);
}

static void WriteClass(StreamWriter writer, string name, string file, List<Method> methods, Dictionary<int, (bool, int, int)> fileLines)
{
    writer.WriteLine($"        <class name=\"{Escape(name)}\" filename=\"{file}\" line-rate=\"0.5\" branch-rate=\"0.5\" complexity=\"1\">");
    writer.WriteLine("          <methods>");
    foreach (var method in methods)
    {
        writer.WriteLine($"            <method name=\"{method.Name}\" signature=\"()\" line-rate=\"0.5\" branch-rate=\"0.5\" complexity=\"1\">");
        writer.WriteLine("              <lines>");
        foreach (var line in method.Lines)
        {
            WriteLine(writer, "                ", line);
        }

        writer.WriteLine("              </lines>");
        writer.WriteLine("            </method>");
    }

    writer.WriteLine("          </methods>");
    writer.WriteLine("          <lines>");
    foreach (var method in methods)
    {
        foreach (var line in method.Lines)
        {
            WriteLine(writer, "            ", line);
            var old = fileLines.TryGetValue(line.Number, out var o) ? o : (false, 0, 0);
            fileLines[line.Number] = (old.Item1 || line.Hits > 0, Math.Max(old.Item2, line.BranchCovered), Math.Max(old.Item3, line.Branches));
        }
    }

    writer.WriteLine("          </lines>");
    writer.WriteLine("        </class>");
}

static void WriteLine(StreamWriter writer, string indent, Line line)
{
    if (line.Branches == 0)
    {
        writer.WriteLine($"{indent}<line number=\"{line.Number}\" hits=\"{line.Hits}\" branch=\"False\" />");
        return;
    }

    var percent = line.BranchCovered * 100 / line.Branches;
    writer.WriteLine($"{indent}<line number=\"{line.Number}\" hits=\"{line.Hits}\" branch=\"True\" condition-coverage=\"{percent}% ({line.BranchCovered}/{line.Branches})\">");
    writer.WriteLine($"{indent}  <conditions>");
    for (var i = 0; i < line.Branches / 2; i++)
    {
        writer.WriteLine($"{indent}    <condition number=\"{(i * 13) + 7}\" type=\"jump\" coverage=\"{percent}%\" />");
    }

    writer.WriteLine($"{indent}  </conditions>");
    writer.WriteLine($"{indent}</line>");
}

static string Escape(string text) => text.Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

internal sealed record Line(int Number, int Hits, int BranchCovered, int Branches);

internal sealed record Method(string Name, List<Line> Lines);
