using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using QualityGate.Diagnostics;
using QualityGate.Output;

namespace QualityGate.Tool;

/// <summary>'dotnet gate': parses the command line and turns every outcome into one of the documented exit codes.</summary>
internal static class Program
{
    private static int Main(string[] args) => Run(args, Console.Out, Console.Error, Directory.GetCurrentDirectory());

    /// <summary>
    /// Runs one command. Everything printed goes through the output guard (names, messages and paths come from the
    /// tests and the repository, and CI runs some lines as commands); anything unforeseen is one QG0000 line.
    /// <paramref name="environment"/> is what the reports read of the environment (the CI system, its step summary, source
    /// links, the commit); null reads this process's. A test host passes its own, so its CI does not leak in.
    /// </summary>
    internal static int Run(
        IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, string currentDirectory, Func<DateTimeOffset>? clock = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var output = GuardedWriter.Over(stdout);
        var error = GuardedWriter.Over(stderr);
        try
        {
            var root = new RootCommand("QualityGate: gate a build on test results and coverage, as qualitygate.json's current phase asks.")
            {
                CheckCommand.Create(output, error, currentDirectory, environment),
                BaselineCommand.Create(output, error, currentDirectory),
                InitCommand.Create(output, error, currentDirectory),
            };

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
            // The last resort: a one-line error and exit code 4, never a stack trace; the details go to a file.
            var failure = InternalError.From(e, "dotnet gate", (clock ?? SystemClock.Now)());
            try
            {
                error.WriteLine($"error {DiagnosticCode.InternalError}: {failure.Message}");
            }
            catch (Exception unwritable) when (unwritable is IOException or ObjectDisposedException)
            {
                // Standard error is gone too; the exit code and the diagnostics file remain.
            }

            return ExitCodes.InternalError;
        }
        finally
        {
            Close(output);
            Close(error);
        }
    }

    // The last unfinished line, then a flush: a closed pipe (dotnet gate check | head -1) must not turn into a crash.
    private static void Close(TextWriter writer)
    {
        try
        {
            writer.Dispose();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // Nobody is reading any more; the exit code still says what happened.
        }
    }
}
