using System;
using System.IO;
using System.Linq;
using QualityGate.Output;
using Xunit;

namespace QualityGate.Tests.Output;

/// <summary>The output guard: no outside text becomes a CI command or a terminal control, and readable text stays as it was.</summary>
public class OutputGuardTests
{
    public static TheoryData<string> Corpus() => new(HostileText.Corpus);

    [Theory]
    [MemberData(nameof(Corpus))]
    public void No_hostile_text_is_a_command_anywhere_in_a_guarded_line(string text)
    {
        foreach (var line in new[] { OutputGuard.Text(text), OutputGuard.Line(text), OutputGuard.Line($"    {text}  {text}:12"), OutputGuard.Line(text + " ok") })
        {
            Assert.Empty(HostileText.Commands(line));
            Assert.False(HostileText.HasControl(line), $"control character left in '{line}'");
            Assert.DoesNotContain('\n', line);
            Assert.DoesNotContain('\r', line);
            Assert.False(OutputGuard.LooksLikeCommand(line));
        }
    }

    [Fact]
    public void The_corpus_is_hostile_each_text_would_be_a_command_or_a_control_unguarded()
    {
        // Each case must prove something: printed raw at the start of a line (or after one), it injects or controls.
        Assert.All(HostileText.Corpus, text => Assert.True(
            HostileText.Commands(text).Count > 0 || HostileText.HasControl(text) || text.Any(c => Invisible.IsInvisible(c) || char.IsSurrogate(c)),
            $"'{text}' is harmless and proves nothing"));
    }

    [Fact]
    public void A_zero_width_character_before_two_colons_hides_a_command_only_from_an_ordinal_check()
    {
        // GitHub's runner compares with the current culture, which ignores U+200B: "\u200B::error::x" starts with "::" there.
        Assert.False("\u200B::error::x".StartsWith("::", StringComparison.Ordinal));
        Assert.True(HostileText.IsGitHubCommand("\u200B::error::x"));
        Assert.True(HostileText.IsGitHubCommand("#\uFE0F#[error]x"));

        Assert.Equal("?::error::x", OutputGuard.Text("\u200B::error::x"));
        Assert.False(HostileText.IsGitHubCommand("?::error::x"));
        Assert.Equal("# #[error]x", OutputGuard.Text("#\uFE0F#[error]x"));
    }

    [Fact]
    public void Markers_are_broken_with_a_visible_space_and_the_rest_is_left_alone()
    {
        Assert.Equal(": :warning::pwned", OutputGuard.Text("::warning::pwned"));
        Assert.Equal("done # #vso[task.complete result=Succeeded;]", OutputGuard.Text("done ##vso[task.complete result=Succeeded;]"));
        Assert.Equal("x # #[set-env name=X;]", OutputGuard.Text("x ##[set-env name=X;]"));
        Assert.Equal("  : :error::indented", OutputGuard.Line("  ::error::indented"));
        Assert.Equal("a ::error::b", OutputGuard.Line("a\n::error::b"));
    }

    [Theory]
    [InlineData("Shop.Tests.PricingServiceTests.Discounted_in_currency(price: 100, percent: 10, ???: \"EUR\")")]
    [InlineData("Prüfung_der_Größe_ß(İstanbul: ı) 東京 🚀")]
    [InlineData("C# ## heading and a::b::c and ## [not a command]")]
    [InlineData("/home/runner/work/shop/src/Pricing/PriceService.cs:42")]
    public void Readable_text_passes_unchanged(string text)
    {
        Assert.Equal(text, OutputGuard.Text(text));
        Assert.Equal(text, OutputGuard.Line(text));
    }

    [Fact]
    public void Escape_sequences_are_dropped_and_other_controls_shown_as_question_marks()
    {
        Assert.Equal("red and title", OutputGuard.Text("\u001b[31mred\u001b[0m and \u001b]0;pwned\u0007title"));
        Assert.Equal("a?b?c", OutputGuard.Text("a\u0000b\u009bc"));
        Assert.Equal("evil? ?isolate?", OutputGuard.Text("evil\u202E \u2066isolate\u2069"));
        Assert.Equal("❤ tags:??", OutputGuard.Text("❤\uFE0F tags:\U000E0041\U000E0042"));
    }

    [Fact]
    public void Text_is_cut_to_its_limit_with_an_ellipsis()
    {
        Assert.Equal("abc…", OutputGuard.Text("abcdef", 3));
        Assert.Equal(new string('x', 300) + "…", OutputGuard.Text(new string('x', 1000)));
    }

    [Fact]
    public void A_command_split_across_writes_and_flushes_is_still_broken()
    {
        var inner = new StringWriter();
        var guarded = GuardedWriter.Over(inner);

        guarded.Write('#');
        guarded.Flush();
        guarded.Write("#vs");
        guarded.Write("o[task.complete result=Succeeded;]x\n:");
        guarded.Flush();
        guarded.Write(":error::y\r\n  ok");
        guarded.Dispose();

        Assert.Equal(["# #vso[task.complete result=Succeeded;]x", ": :error::y", "  ok"], HostileText.Lines(inner.ToString()));
        Assert.Empty(HostileText.Commands(inner.ToString()));
    }

    [Fact]
    public void Only_WriteCommand_prints_a_command_and_always_on_a_line_of_its_own()
    {
        var inner = new StringWriter();
        var guarded = GuardedWriter.Over(inner);

        guarded.Write("::error::not ours");
        guarded.WriteCommand("::error file=a.cs::ours\nsecond line");
        guarded.WriteLine("##vso[task.complete]not ours");

        Assert.Equal([": :error::not ours", "::error file=a.cs::ours?second line", "# #vso[task.complete]not ours"], HostileText.Lines(inner.ToString()));
        Assert.Same(guarded, GuardedWriter.Over(guarded));
    }
}
