using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using Xunit;

namespace QualityGate.PackageTests;

/// <summary>
/// The installed tool's own entry point (QualityGate.Tool.Program.Run), called in the test process: dotnet-gate.dll and
/// its dependencies (Core, Reporting, System.CommandLine) come from the --tool-path store, the package a user gets,
/// through a load context of their own that resolves them as the tool's deps.json says. No project reference: the test
/// host runs the package's bits, not the build output, and coverlet instruments none of them here. Loaded once per run;
/// Program.Run keeps no state between calls, so the parallel collections may call it at once.
/// </summary>
internal sealed class ToolEntryPoint
{
    // What the tool's reports read of the environment (CI detection, step summary, source links, commit), given empty:
    // the host's CI must not turn these runs into CI runs. The installed command gets the same variables removed.
    private static readonly IReadOnlyDictionary<string, string?> NoCi = new Dictionary<string, string?>();

    private readonly Run _run;

    public ToolEntryPoint(string toolPath)
    {
        var found = Directory.GetFiles(Path.Combine(toolPath, ".store"), "dotnet-gate.dll", SearchOption.AllDirectories);
        Assert.True(found.Length == 1, $"expected one installed dotnet-gate.dll under {toolPath}/.store, found {found.Length}");
        var context = new InstalledTool(found[0]);
        foreach (var dependency in new[] { "QualityGate.Core", "QualityGate.Reporting" })
        {
            var path = context.Resolve(dependency);
            Assert.True(path is not null && path.StartsWith(toolPath, StringComparison.Ordinal), $"{dependency} does not resolve into the installed tool ({path ?? "not found"})");
        }

        var program = context.LoadFromAssemblyPath(found[0]).GetType("QualityGate.Tool.Program", throwOnError: true)!;
        var run = program.GetMethod("Run", BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException($"no QualityGate.Tool.Program.Run in {found[0]}");
        _run = run.CreateDelegate<Run>();
    }

    private delegate int Run(
        IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, string currentDirectory, Func<DateTimeOffset>? clock, IReadOnlyDictionary<string, string?>? environment);

    /// <summary>'dotnet gate {arguments}' from <paramref name="workingDirectory"/>: the exit code and everything printed.</summary>
    public (int ExitCode, string Output) Invoke(string workingDirectory, string[] arguments)
    {
        // A writer per call: the collections run in parallel, so the process's Console is no one's to redirect.
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var started = Stopwatch.StartNew();
        var exit = _run(arguments, stdout, stderr, workingDirectory, null, NoCi);
        DotNet.Trace(started.Elapsed, exit, "dotnet-gate (in process)", arguments);
        return (exit, stdout.ToString() + stderr);
    }

    private sealed class InstalledTool(string toolDll) : AssemblyLoadContext("dotnet-gate (installed)")
    {
        private readonly AssemblyDependencyResolver _resolver = new(toolDll);

        public string? Resolve(string assembly) => _resolver.ResolveAssemblyToPath(new AssemblyName(assembly));

        // The tool's own dependencies from its folder; the shared framework (null) from the host, as 'dotnet' would.
        protected override Assembly? Load(AssemblyName assemblyName) =>
            _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;

        protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
            _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
    }
}
