using System;
using System.IO;
using System.Linq;
using System.Threading;
using QualityGate.Diagnostics;
using QualityGate.History;
using Xunit;

namespace QualityGate.Tests.Reports;

/// <summary>The bounded history: appended atomically, oldest dropped, a broken file is an error and not a fresh start.</summary>
public class HistoryTests
{
    private static HistoryRecord At(int day) =>
        new(ReportSamples.Now.AddDays(day)) { Commit = $"c{day}", Phase = "2A", Passed = true, TotalLine = 60 + day, PassRate = 90 };

    [Fact]
    public void A_missing_file_is_an_empty_history_and_the_first_append_creates_it()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "sub", HistoryFile.DefaultFileName);

        Assert.Empty(HistoryFile.Read(path));
        var records = HistoryFile.Append(path, At(0));

        Assert.Single(records);
        Assert.Equal("c0", Assert.Single(HistoryFile.Read(path)).Commit);
        Assert.Equal([HistoryFile.DefaultFileName], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    public void The_history_keeps_the_newest_records_up_to_the_limit()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, HistoryFile.DefaultFileName);

        for (var day = 0; day < 8; day++)
        {
            HistoryFile.Append(path, At(day), limit: 5);
        }

        Assert.Equal(["c3", "c4", "c5", "c6", "c7"], HistoryFile.Read(path).Select(r => r.Commit));
        Assert.Equal(5 + 2, File.ReadAllLines(path).Length); // one record per line, between the head and the tail
    }

    [Fact]
    public void A_record_round_trips_with_every_field()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, HistoryFile.DefaultFileName);
        var (report, _) = ReportSamples.Sample();
        var record = HistoryRecord.From(report, ReportSamples.Now, ReportSamples.Commit);

        HistoryFile.Append(path, record);
        var read = Assert.Single(HistoryFile.Read(path));

        Assert.Equal((ReportSamples.Now, ReportSamples.Commit, "2A", false), (read.Time, read.Commit, read.Phase, read.Passed));
        Assert.Equal(record.Layers, read.Layers);
        Assert.Equal((record.TotalLine, record.TotalBranch, record.PassRate), (read.TotalLine, read.TotalBranch, read.PassRate));
        Assert.Equal((115, 4, 0), (read.TestsPassed, read.TestsFailed, read.TestsSkipped));
        Assert.Equal(record.Categories, read.Categories);
        Assert.Equal(91.0, read.LineRate("services"));
    }

    [Fact]
    public void Appends_from_several_processes_at_once_all_land()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, HistoryFile.DefaultFileName);
        using var start = new Barrier(8);
        var threads = Enumerable.Range(0, 8).Select(day => new Thread(() =>
        {
            start.SignalAndWait();
            HistoryFile.Append(path, At(day));
        })).ToList();

        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(Enumerable.Range(0, 8).Select(d => $"c{d}"), HistoryFile.Read(path).Select(r => r.Commit).OrderBy(c => c));
        Assert.Single(Directory.GetFiles(temp.Path)); // no temporary file left behind
    }

    [Theory]
    [InlineData("{\"schema\":\"qualitygate.history/1\",\"records\":[\n{\"time\":\"2026-11-21T12:00:00Z\",\"verdict\":\"pa")]
    [InlineData("<<<<<<< HEAD\n{\"schema\":\"qualitygate.history/1\",\"records\":[]}")]
    [InlineData("{\"schema\":\"qualitygate.results/1\",\"records\":[]}")]
    [InlineData("{\"schema\":\"qualitygate.history/1\",\"records\":[{\"commit\":\"no time\"}]}")]
    public void A_broken_history_is_a_coded_error_naming_the_file_and_is_left_untouched(string content)
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, HistoryFile.DefaultFileName);
        File.WriteAllText(path, content);

        var error = Assert.Throws<QualityGateException>(() => HistoryFile.Append(path, At(0)));

        Assert.Equal(HistoryFile.UnreadableCode, error.Code);
        Assert.Equal(path, error.File);
        Assert.Contains("delete it to start a new history", error.Message);
        Assert.Equal(content, File.ReadAllText(path));
    }

    [Fact]
    public void A_limit_below_one_is_a_coded_error()
    {
        using var temp = new TempFolder();

        var error = Assert.Throws<QualityGateException>(() => HistoryFile.Append(Path.Combine(temp.Path, "h.json"), At(0), limit: 0));

        Assert.Equal(DiagnosticCode.ConfigInvalidValue, error.Code);
    }
}
