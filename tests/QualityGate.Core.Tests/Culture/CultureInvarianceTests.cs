using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using QualityGate.History;
using QualityGate.Reports;
using QualityGate.Reports.Ci;
using QualityGate.Tests.Reports;
using Xunit;

namespace QualityGate.Tests.Culture;

/// <summary>A build agent's language never changes what the gate prints or writes: "12.3 s", not "12,3 s".</summary>
public class CultureInvarianceTests
{
    [Theory]
    [InlineData("de-DE")] // decimal comma
    [InlineData("tr-TR")] // dotless i: "I".ToLower() is "ı"
    [InlineData("fr-FR")] // decimal comma, narrow no-break space between thousands
    [InlineData("ar-SA")] // Arabic decimal separator
    [InlineData("ja-JP")]
    public void Every_report_reads_the_same_as_under_the_invariant_culture(string name)
    {
        var expected = Render(CultureInfo.InvariantCulture);

        var actual = Render(CultureInfo.GetCultureInfo(name));

        Assert.Equal(expected.Keys, actual.Keys);
        Assert.All(expected, pair => Assert.Equal(pair.Value, actual[pair.Key]));
        Assert.Contains(" s", expected["markdown"], StringComparison.Ordinal);
    }

    private static SortedDictionary<string, string> Render(CultureInfo culture)
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            using var temp = new TempFolder();
            var (report, runs) = ReportSamples.Sample();
            report.DurationSeconds = 12.345;
            report.MaxDurationSeconds = 600.5;
            var rendered = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["console"] = string.Join("\n", ConsoleTable.Lines(report)),
                ["violations"] = string.Join("\n", report.Violations.Select(v => $"{v.Code} {v.Subject} {v.Message}")),
            };
            var markdown = new StringWriter();
            MarkdownReport.Write(report, markdown);
            rendered["markdown"] = markdown.ToString();
            var json = new MemoryStream();
            ReportJson.Write(report, json);
            rendered["json"] = System.Text.Encoding.UTF8.GetString(json.ToArray());

            var history = Path.Combine(temp.Path, "history.json");
            foreach (var record in ReportSamples.History())
            {
                HistoryFile.Append(history, record);
            }

            foreach (var ci in new[] { CiKind.GitHub, CiKind.Azure })
            {
                var output = Path.Combine(temp.Path, ci.ToString());
                var console = new StringWriter();
                var options = ReportSamples.Options(output, ci, ReportSamples.GitHubEnvironment(Path.Combine(temp.Path, ci + ".summary.md")));
                options.HistoryPath = history;
                options.JUnit = true;
                foreach (var file in ReportPublisher.Publish(report, runs, options, console).Where(f => f != history))
                {
                    rendered[$"{ci}:{Path.GetRelativePath(temp.Path, file)}"] = ReportSamples.Fixed(File.ReadAllText(file), temp.Path);
                }

                rendered[$"{ci}:console"] = ReportSamples.Fixed(console.ToString(), temp.Path);
            }

            return rendered;
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }
}
