using System;
using System.IO;
using System.Linq;
using System.Text;
using QualityGate.Tests.Output;
using Xunit;

namespace QualityGate.AdapterTests.Tool;

/// <summary>Whatever QualityGate did not foresee ends 'dotnet gate' with one QG0000 line and exit code 4, never a stack trace.</summary>
public class InternalErrorTests
{
    [Fact]
    public void An_unexpected_exception_is_one_QG0000_line_naming_a_diagnostics_file_with_the_stack_trace()
    {
        using var workspace = new Workspace();
        workspace.Results();
        workspace.Coverage();

        var run = workspace.Run(new FailingWriter(new InvalidOperationException("the writer broke\n   at Fake.Frame() in /x.cs:line 1")), "check", "--coverage", "coverage.cobertura.xml");

        Assert.Equal(4, run.Exit);
        var line = Assert.Single(HostileText.Lines(run.Error));
        Assert.StartsWith("error QG0000: QualityGate failed unexpectedly (InvalidOperationException: the writer broke", line, StringComparison.Ordinal);
        Assert.Contains("please report it", line, StringComparison.Ordinal);
        Assert.DoesNotContain("at QualityGate.", run.Error, StringComparison.Ordinal); // the real frames are in the file
        var file = line[(line.IndexOf("the details are in ", StringComparison.Ordinal) + "the details are in ".Length)..].TrimEnd('.');
        try
        {
            var details = File.ReadAllText(file);
            Assert.Contains("System.InvalidOperationException: the writer broke", details, StringComparison.Ordinal);
            Assert.Contains("at QualityGate.", details, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_closed_standard_output_ends_with_an_exit_code_not_a_crash()
    {
        using var workspace = new Workspace();
        workspace.Results();
        workspace.Coverage();

        var run = workspace.Run(new FailingWriter(new IOException("Broken pipe")), "check", "--coverage", "coverage.cobertura.xml");

        Assert.Equal(4, run.Exit);
        Assert.StartsWith("error QG0000: QualityGate failed unexpectedly (IOException: Broken pipe)", run.Error, StringComparison.Ordinal);
        File.Delete(run.Error[(run.Error.IndexOf("the details are in ", StringComparison.Ordinal) + 19)..].Trim().TrimEnd('.'));
    }

    /// <summary>Standard output that fails on the first line written, as a closed pipe or a full disk does.</summary>
    private sealed class FailingWriter(Exception failure) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw failure;

        public override void Write(string? value) => throw failure;

        public override string ToString() => string.Empty;
    }
}
