using System.IO;
using QualityGate.Recording;
using QualityGate.Results;
using Xunit;

namespace QualityGate.Tests.Results;

/// <summary>A results folder moved or downloaded elsewhere (a CI artifact) still finds the coverage it lists.</summary>
public class TravellingResultsTests
{
    [Fact]
    public void An_attachment_is_found_beside_a_moved_results_file_and_at_its_absolute_path_otherwise()
    {
        using var temp = new TempFolder();
        var results = Path.Combine(temp.Path, "TestResults");
        var coverage = Path.Combine(results, "0f1e", "coverage.cobertura.xml");
        Directory.CreateDirectory(Path.GetDirectoryName(coverage)!);
        File.WriteAllText(coverage, "<coverage />");
        string written;
        using (var recorder = new RunRecorder(new RecorderOptions(results, "net10.0"), TextWriter.Null))
        {
            recorder.Record(new ReportedResult("/bin/App.Tests.dll", "App.Tests.T.M", "App.Tests.T.M", TestOutcome.Passed));
            written = Assert.Single(recorder.Complete(new RunCompletion { Attachments = [new RunAttachment(coverage, null, "datacollector://Microsoft/CoverletCodeCoverage/1.0")] }));
        }

        Assert.Equal(coverage, Assert.Single(ResultsFileReader.Read(written).Attachments).Path);
        Assert.Contains("\"relativePath\": \"0f1e/coverage.cobertura.xml\"", File.ReadAllText(written));

        var artifacts = Path.Combine(temp.Path, "artifacts", "shard-1");
        Directory.CreateDirectory(Path.GetDirectoryName(artifacts)!);
        Directory.Move(results, artifacts);

        Assert.Equal(Path.Combine(artifacts, "0f1e", "coverage.cobertura.xml"), Assert.Single(ResultsFileReader.Read(Path.Combine(artifacts, Path.GetFileName(written))).Attachments).Path);
    }
}
