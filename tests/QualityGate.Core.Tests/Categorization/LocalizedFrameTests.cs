using System.IO;
using System.Linq;
using System.Text.Json;
using QualityGate.Categorization;
using QualityGate.Recording;
using QualityGate.Results;
using Xunit;

namespace QualityGate.Tests.Categorization;

/// <summary>Stack frames a localized runtime writes still give the failure's file and line.</summary>
public class LocalizedFrameTests
{
    [Theory]
    [InlineData("   at Shop.Tests.PriceTests.Discount(Int32 a) in /src/Shop Tests/PriceTests.cs:line 12", "/src/Shop Tests/PriceTests.cs")]
    [InlineData(@"   bei Shop.Tests.PriceTests.Discount(Int32 a) in C:\src\Shop.Tests\PriceTests.cs:Zeile 12.", @"C:\src\Shop.Tests\PriceTests.cs")]
    [InlineData("   à Shop.Tests.PriceTests.Discount(Int32 a) dans /src/PriceTests.cs:ligne 12", "/src/PriceTests.cs")]
    [InlineData(@"   場所 Shop.Tests.PriceTests.Discount(Int32 a) 場所 C:\src\PriceTests.cs:行 12", @"C:\src\PriceTests.cs")]
    [InlineData(@"   konum: Shop.Tests.PriceTests.Discount(Int32 a) C:\src\PriceTests.cs içinde: satır 12", @"C:\src\PriceTests.cs")]
    [InlineData(@"   a következő helyen: Shop.Tests.PriceTests.Discount(Int32 a) hely: C:\src\PriceTests.cs, sor: 12", @"C:\src\PriceTests.cs")]
    [InlineData(@"   於 Shop.Tests.PriceTests.Discount(Int32 a) 於 C:\src\PriceTests.cs: 行 12", @"C:\src\PriceTests.cs")]
    [InlineData("   в Shop.Tests.PriceTests.Discount(Int32 a) в /src/PriceTests.cs:строка 12", "/src/PriceTests.cs")]
    [InlineData("  at Shop.Tests.PriceTests.Discount (System.Int32 a) [0x0001b] in /src/PriceTests.cs:12 ", "/src/PriceTests.cs")]
    public void A_frame_in_any_runtime_language_gives_method_file_and_line(string text, string file)
    {
        var frame = StackFrame.Parse(text);

        Assert.NotNull(frame);
        Assert.Equal(("Shop.Tests.PriceTests.Discount", file, 12), (frame.Method, frame.File, frame.Line));
    }

    [Theory]
    [InlineData("in the beginning (of time) there was a message")]
    [InlineData("en el caso (x) falla")]
    [InlineData("w przypadku błędu")]
    [InlineData("--- End of stack trace from previous location ---")]
    [InlineData("   --- Ende der Stapelüberwachung vom vorhergehenden Ort ---")]
    public void A_message_line_that_starts_with_a_foreign_at_word_is_not_a_frame(string text) =>
        Assert.Null(StackFrame.Parse(text));

    [Fact]
    public void A_German_test_hosts_failure_is_recorded_with_its_file_and_line()
    {
        using var temp = new TempFolder();
        var options = new RecorderOptions(temp.Path, "net48");
        string file;
        using (var recorder = new RunRecorder(options, TextWriter.Null))
        {
            recorder.Record(new ReportedResult("/bin/Shop.Tests.dll", "Shop.Tests.PriceTests.Discount", "Shop.Tests.PriceTests.Discount", TestOutcome.Failed)
            {
                ErrorMessage = "System.NullReferenceException : Der Objektverweis wurde nicht auf eine Objektinstanz festgelegt.",
                ErrorStackTrace = "   bei Shop.Pricing.PriceService.Net(Decimal p) in C:\\src\\Shop\\PriceService.cs:Zeile 30.\r\n" +
                                  "   bei Shop.Tests.PriceTests.Discount() in C:\\src\\Shop.Tests\\PriceTests.cs:Zeile 12.",
            });
            file = recorder.Complete(new RunCompletion()).Single();
        }

        using var json = JsonDocument.Parse(File.ReadAllText(file));
        var failure = json.RootElement.GetProperty("tests")[0].GetProperty("failure");
        Assert.Equal(@"C:\src\Shop.Tests\PriceTests.cs", failure.GetProperty("file").GetString());
        Assert.Equal(12, failure.GetProperty("line").GetInt32());
    }
}
