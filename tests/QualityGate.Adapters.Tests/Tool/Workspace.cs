using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using QualityGate.Recording;
using QualityGate.Results;
using QualityGate.Tests;

namespace QualityGate.AdapterTests.Tool;

/// <summary>
/// A repository-shaped folder for 'dotnet gate': qualitygate.json, a results file under TestResults/ written by the
/// real recorder, and a Cobertura report; and the tool run in process on it with captured output.
/// </summary>
internal sealed class Workspace : IDisposable
{
    private readonly TempFolder folder = new();

    public Workspace(string? config = null)
    {
        Directory.CreateDirectory(Path.Combine(Root, "src"));
        File.WriteAllText(Path.Combine(Root, "qualitygate.json"), config ?? """
            { "layers": { "core": { "include": ["src/**/*.cs"] } },
              "phases": [ { "name": "p1", "layers": { "core": { "line": 50 } }, "maxFailures": { "error": 100 } } ] }
            """);
    }

    public string Root => folder.Path;

    public string Config => Path.Combine(Root, "qualitygate.json");

    /// <summary>Records a run with the given failing test names (each an error failure at the given file) and passing tests.</summary>
    public string Results(IEnumerable<string>? failing = null, int passed = 2, string assembly = "App.Tests", string? file = null, string runId = "run1")
    {
        var options = new RecorderOptions(Path.Combine(Root, "App.Tests", "TestResults"), "net10.0") { RunId = runId };
        using var recorder = new RunRecorder(options, TextWriter.Null);
        var source = Path.Combine(Root, "bin", assembly + ".dll");
        for (var i = 0; i < passed; i++)
        {
            recorder.Record(new ReportedResult(source, $"{assembly}.T.Passes{i}", $"{assembly}.T.Passes{i}", TestOutcome.Passed));
        }

        foreach (var name in failing ?? [])
        {
            recorder.Record(new ReportedResult(source, name, name, TestOutcome.Failed)
            {
                ErrorMessage = $"System.InvalidOperationException : {name}",
                ErrorStackTrace = $"   at App.Tests.T.M() in {file ?? Path.Combine(Root, "src", "T.cs")}:line 9",
            });
        }

        return recorder.Complete(new RunCompletion()).Single();
    }

    public string Coverage(string name = "coverage.cobertura.xml", int covered = 3, int valid = 4) =>
        Coverage(name, ("src/A.cs", Enumerable.Range(covered + 1, valid - covered).ToArray(), valid));

    /// <summary>A Cobertura report of the given files: lines 1..valid, all hit but the uncovered ones.</summary>
    public string Coverage(string name, params (string File, int[] Uncovered, int Valid)[] files)
    {
        var classes = new StringBuilder();
        foreach (var (file, uncovered, valid) in files)
        {
            classes.Append($"<class name=\"C\" filename=\"{System.Security.SecurityElement.Escape(file)}\"><methods /><lines>");
            for (var line = 1; line <= valid; line++)
            {
                classes.Append($"<line number=\"{line}\" hits=\"{(uncovered.Contains(line) ? 0 : 1)}\" branch=\"False\" />");
            }

            classes.Append("</lines></class>");
        }

        var path = Path.Combine(Root, name);
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <coverage line-rate="0" branch-rate="0" version="1.9" timestamp="1">
              <sources><source>{Root}/</source></sources>
              <packages><package name="App"><classes>{classes}</classes></package></packages>
            </coverage>
            """);
        return path;
    }

    /// <summary>
    /// Runs 'dotnet gate' in process, from the workspace's root, with an empty environment for its reports: a test host
    /// on a CI runner must not make these runs CI runs (annotations in the real log, the real step summary appended).
    /// </summary>
    public ToolRun Run(params string[] args) => Run(new StringWriter(), args);

    public ToolRun Run(TextWriter stdout, params string[] args)
    {
        var stderr = new StringWriter();
        var exit = QualityGate.Tool.Program.Run(args, stdout, stderr, Root, environment: new Dictionary<string, string?>());
        return new ToolRun(exit, stdout.ToString() ?? string.Empty, stderr.ToString());
    }

    public void Dispose() => folder.Dispose();
}

internal sealed record ToolRun(int Exit, string Output, string Error)
{
    public string All => Output + Error;
}
