using System.IO;
using QualityGate.Diagnostics;
using QualityGate.Recording;
using QualityGate.Results;
using Xunit;

namespace QualityGate.Tests.Results;

public class ResultsFileReaderTests
{
    [Fact]
    public void A_results_file_reads_back_what_the_recorder_wrote()
    {
        using var temp = new TempFolder();
        var path = Record(temp);

        var run = ResultsFileReader.Read(path);

        Assert.Equal(("App.Tests", "net10.0", false), (run.Assembly, run.TargetFramework, run.Aborted));
        Assert.Equal(2, run.Tests.Count);
        var failed = run.Tests[1];
        Assert.Equal((TestOutcome.Failed, "error", "/src/T.cs", (int?)9), (failed.Outcome, failed.Category, failed.Location!.File, failed.Location.Line));
    }

    [Theory]
    [InlineData("", DiagnosticCode.ResultsUnreadable, "empty")]
    [InlineData("{ \"schema\": \"qualitygate.results/1\", \"run\": { \"assembly\": \"A\"", DiagnosticCode.ResultsUnreadable, "truncated or corrupt")]
    [InlineData("<TestRun xmlns=\"http://microsoft.com/schemas/VisualStudio/TeamTest/2010\" />", DiagnosticCode.ResultsUnreadable, "not valid JSON")]
    [InlineData("{ \"name\": \"something else\" }", DiagnosticCode.ResultsForeign, "not a QualityGate results file")]
    [InlineData("{ \"schema\": \"qualitygate.results/2\" }", DiagnosticCode.ResultsForeign, "newer than this QualityGate reads")]
    [InlineData("{ \"schema\": \"qualitygate.results/1\", \"run\": {} }", DiagnosticCode.ResultsForeign, "malformed: 'run.assembly' is missing")]
    public void A_broken_or_foreign_results_file_is_a_coded_error_naming_the_file(string content, string code, string says)
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "x.qualitygate.json");
        File.WriteAllText(path, content);

        var error = Assert.Throws<QualityGateException>(() => ResultsFileReader.Read(path));

        Assert.Equal((code, path), (error.Code, error.File));
        Assert.Contains(says, error.Message);
    }

    [Fact]
    public void A_missing_results_file_says_how_to_produce_one()
    {
        var error = Assert.Throws<QualityGateException>(() => ResultsFileReader.Read("/nonexistent/x.qualitygate.json"));

        Assert.Equal(DiagnosticCode.ResultsMissing, error.Code);
        Assert.Contains("dotnet test --logger gate", error.Message);
    }

    internal static string Record(TempFolder temp, string assembly = "App.Tests", int passed = 1, bool fail = true)
    {
        var options = new RecorderOptions(temp.Path, "net10.0");
        using var recorder = new RunRecorder(options, TextWriter.Null);
        var source = Path.Combine(temp.Path, "bin", assembly + ".dll");
        for (var i = 0; i < passed; i++)
        {
            recorder.Record(new ReportedResult(source, $"{assembly}.T.Passes{i}", $"{assembly}.T.Passes{i}", TestOutcome.Passed));
        }

        if (fail)
        {
            recorder.Record(new ReportedResult(source, $"{assembly}.T.Fails", $"{assembly}.T.Fails", TestOutcome.Failed)
            {
                ErrorMessage = "System.NullReferenceException : boom",
                ErrorStackTrace = $"   at {assembly}.T.Fails() in /src/T.cs:line 9",
            });
        }

        return Assert.Single(recorder.Complete(new RunCompletion()));
    }
}
