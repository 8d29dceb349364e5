using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;

namespace QualityGate.Tool;

/// <summary>'dotnet gate': parses the command line and turns every outcome into one of the documented exit codes.</summary>
internal static class Program
{
    private static int Main(string[] args) => Run(args, Console.Out, Console.Error, Directory.GetCurrentDirectory());

    internal static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, string currentDirectory)
    {
        var root = new RootCommand("QualityGate: gate a build on test results and coverage, as qualitygate.json's current phase asks.")
        {
            CheckCommand.Create(output, error, currentDirectory),
            BaselineCommand.Create(output, error, currentDirectory),
            InitCommand.Create(output, error, currentDirectory),
        };

        try
        {
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                // System.CommandLine would exit 1, which here means "violations": a usage error must not look like one.
                foreach (var parseError in parse.Errors)
                {
                    error.WriteLine($"error: {parseError.Message}");
                }

                error.WriteLine("Usage: dotnet gate check [options]. Run 'dotnet gate check --help' for the options.");
                return ExitCodes.UsageOrConfiguration;
            }

            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            // The last resort: a one-line error and exit code 4, never a stack trace.
            error.WriteLine($"error QG0000: internal error: {e.GetType().Name}: {e.Message}");
            return ExitCodes.InternalError;
        }
    }
}
