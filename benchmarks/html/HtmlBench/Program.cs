using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using QualityGate.Baseline;
using QualityGate.Configuration;
using QualityGate.Coverage;
using QualityGate.Policy;
using QualityGate.Reports;
using QualityGate.Results;

// HtmlBench <folder> [files]
// Generates <folder>/repo: N C# files over six layers (40–240 lines each, runs of uncovered lines, some branches
// partly covered), their coverage and a baseline, judges them and publishes the reports to <folder>/reports.
// Prints one JSON line: what was written, its sizes and the in-process publishing time.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: HtmlBench <folder> [files]");
    return 2;
}

var folder = Path.GetFullPath(args[0]);
var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3000;
string[] layers = ["api", "services", "domain", "data", "workers", "web"];
var random = new Random(13);
var repo = Path.Combine(folder, "repo");
var coverage = new CoverageData();
var baseline = new BaselineData();
for (var i = 0; i < count; i++)
{
    var path = $"src/{layers[i % layers.Length]}/Module{i / 50:D3}/File{i:D4}.cs";
    var text = new StringBuilder($"namespace App.Module{i / 50:D3};\n\npublic sealed class File{i:D4}\n{{\n");
    var file = coverage.GetOrAddFile(path);
    var line = 5;
    var last = random.Next(40, 240);
    var offFrom = random.Next(5, last);
    var offTo = Math.Min(last, offFrom + random.Next(0, 60));
    while (line < last)
    {
        // A method: signature, brace, a few statements (one with a condition), brace, blank line.
        text.Append($"    public int Method{line}(int value)\n    {{\n");
        line += 2;
        for (var statement = 0; statement < random.Next(2, 8) && line < last; statement++, line++)
        {
            var branch = statement == 1;
            text.Append(branch ? $"        if (value > {line}) {{ value -= {line}; }}\n" : $"        value = value * 3 + {line}; // <step {line}> & \"more\"\n");
            var off = line >= offFrom && line <= offTo;
            file.Add(line, new LineHits(off ? 0 : 1 + (line % 4), branch && !off ? 1 + (line % 2) : 0, branch ? 2 : 0));
        }

        text.Append("        return value;\n    }\n\n");
        file.Add(line, new LineHits(line >= offFrom && line <= offTo ? 0 : 1, 0, 0));
        line += 3;
    }

    text.Append("}\n");
    var full = Path.Combine(repo, path);
    Directory.CreateDirectory(Path.GetDirectoryName(full)!);
    File.WriteAllText(full, text.ToString());
    baseline.Files[path] = new Measured(new Ratio(Math.Max(0, file.CoveredLines - random.Next(0, 12)), file.ValidLines), new Ratio(0, 0));
}

var config = ConfigLoader.Parse(
    "{ \"layers\": { " + string.Join(", ", layers.Select(l => $"\"{l}\": {{ \"include\": [\"src/{l}/**/*.cs\"] }}")) + " }, " +
    "\"phases\": [ { \"name\": \"1\", \"total\": { \"line\": 85 }, \"layers\": { \"services\": { \"line\": 95 }, \"workers\": { \"line\": 90, \"fileMinimum\": 40 } } } ] }",
    Path.Combine(repo, "qualitygate.json"));
var run = new RecordedRun(Path.Combine(folder, "App.Tests.qualitygate.json"), "App.Tests", "net10.0")
{
    Tests = Enumerable.Range(0, 500).Select(t => new RecordedTest($"App.Tests.T{t}", $"App.Tests.T{t}", TestOutcome.Passed) { DurationMs = 3 }).ToList(),
};

var process = Process.GetCurrentProcess();
var clock = Stopwatch.StartNew();
var report = GateEvaluator.Evaluate(new GateInput(config, [run]) { Coverage = coverage, Baseline = baseline });
report.SourceRoot = repo;
var judged = clock.Elapsed.TotalSeconds;
process.Refresh();
var cpuBefore = process.TotalProcessorTime;
var output = Path.Combine(folder, "reports");
var published = ReportPublisher.Publish(report, [run], new PublishOptions(output) { Badges = false, JUnit = false }, TextWriter.Null);
var publishSeconds = clock.Elapsed.TotalSeconds - judged;
process.Refresh();
var publishCpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
using (var json = File.Create(Path.Combine(output, "qualitygate-report.json")))
{
    ReportJson.Write(report, json);
}

var markdown = new StringWriter();
MarkdownReport.Write(report, markdown);
var pages = Directory.GetFiles(Path.Combine(output, "files"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{{\"files\":{count},\"violations\":{report.Violations.Count},\"htmlBytes\":{new FileInfo(Path.Combine(output, ReportPublisher.HtmlFileName)).Length}," +
    $"\"pages\":{pages.Length},\"pagesBytes\":{pages.Sum(p => new FileInfo(p).Length)},\"largestPageBytes\":{pages.Max(p => new FileInfo(p).Length)}," +
    $"\"jsonBytes\":{new FileInfo(Path.Combine(output, "qualitygate-report.json")).Length},\"markdownBytes\":{Encoding.UTF8.GetByteCount(markdown.ToString())}," +
    $"\"judgeSeconds\":{judged:F3},\"publishSeconds\":{publishSeconds:F3},\"publishCpuSeconds\":{publishCpu:F3},\"published\":{published.Count}}}"));
return 0;
