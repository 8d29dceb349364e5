using System.IO;
using System.Text;
using QualityGate.Configuration;
using QualityGate.Diagnostics;
using Xunit;

namespace QualityGate.Tests.Configuration;

/// <summary>qualitygate.json is read strictly: a repeated key or name is an error naming both places, never a crash.</summary>
public class StrictConfigTests
{
    private const string File = "/repo/qualitygate.json";

    [Fact]
    public void A_repeated_key_is_QG1007_naming_the_key_and_both_positions_instead_of_the_last_one_winning()
    {
        // 0.1 read this as total.line 10 and passed at 50 %.
        var error = Refuse("""
            {
              "phases": [ { "name": "a",
                "total": { "line": 90 },
                "total": { "line": 10 } } ]
            }
            """);

        Assert.Equal((DiagnosticCode.ConfigDuplicate, File), (error.Code, error.File));
        Assert.Contains("'phases[0].total' appears twice, at line 3, column 5 and at line 4, column 5", error.Message);
    }

    [Fact]
    public void A_repeated_key_deep_inside_is_found_at_any_level()
    {
        var error = Refuse("""{ "layers": { "s": { "include": ["a/**"] } }, "phases": [ {}, { "name": "b", "layers": { "s": { "line": 1, "line": 99 } } } ] }""");

        Assert.Equal(DiagnosticCode.ConfigDuplicate, error.Code);
        Assert.Contains("'phases[1].layers.s.line' appears twice", error.Message);
    }

    [Fact]
    public void An_escaped_spelling_of_a_key_repeats_it()
    {
        var error = Refuse("""{ "phase": "a", "ph\u0061se": "b", "phases": [ { "name": "a" }, { "name": "b" } ] }""");

        Assert.Equal(DiagnosticCode.ConfigDuplicate, error.Code);
        Assert.Contains("'phase' appears twice, at line 1, column 3 and at line 1, column 17", error.Message);
    }

    [Theory]
    [InlineData("""{ "layers": { "services": { "include": ["a/**"] }, "services": { "include": ["b/**"] } } }""", "'layers.services'")]
    [InlineData("""{ "testLayers": { "unit": { "projects": ["*.Tests"] }, "unit": { "projects": ["*.Unit"] } } }""", "'testLayers.unit'")]
    public void A_repeated_layer_or_test_layer_name_is_QG1007_not_an_ArgumentException(string json, string names)
    {
        var error = Refuse(json);

        Assert.Equal(DiagnosticCode.ConfigDuplicate, error.Code);
        Assert.Contains(names + " appears twice", error.Message);
    }

    [Fact]
    public void A_repeated_phase_name_is_QG1007_naming_both_phases()
    {
        var error = Refuse("""{ "phases": [ { "name": "a" }, { "name": "b" }, { "name": "a" } ] }""");

        Assert.Equal(DiagnosticCode.ConfigDuplicate, error.Code);
        Assert.Contains("'phases[2].name' repeats the phase name 'a' of phases[0]", error.Message);
    }

    [Fact]
    public void A_repeated_rule_name_is_QG1007()
    {
        var error = Refuse("""{ "categories": { "rules": [ { "name": "db", "category": "db", "message": "x" }, { "name": "db", "category": "db", "message": "y" } ] } }""");

        Assert.Equal(DiagnosticCode.ConfigDuplicate, error.Code);
        Assert.Contains("'categories.rules[1]' repeats the rule name 'db' of categories.rules[0]", error.Message);
    }

    [Fact]
    public void Keys_of_different_objects_may_share_a_name()
    {
        var config = ConfigLoader.Parse(
            """{ "layers": { "s": { "include": ["a/**"] } }, "testLayers": { "s": { "projects": ["*.Tests"] } }, "phases": [ { "name": "a", "layers": { "s": { "line": 1 } }, "testLayers": { "s": { "line": 1 } } } ] }""",
            File);

        Assert.Equal(1, config.Phases[0].Targets.TestLayers["s"].Line);
    }

    [Fact]
    public void A_file_that_is_not_JSON_is_QG1001_described_by_kind_without_quoting_it()
    {
        var error = Refuse("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----\n");

        Assert.Equal(DiagnosticCode.ConfigUnreadable, error.Code);
        Assert.Matches(@"not valid JSON at line 1, column \d+: unexpected characters", error.Message);
        Assert.Contains("The file is PEM-encoded text (a key or a certificate), not JSON", error.Message);
        Assert.DoesNotContain("OPENSSH", error.Message);
        Assert.DoesNotContain("b3Bl", error.Message);
        Assert.Null(error.InnerException);
    }

    [Theory]
    [InlineData("""{ "phase": trux }""", "unexpected characters", "tru")]
    [InlineData("""{ "phase": "se" + "cret" }""", "unexpected characters", "cret")]
    [InlineData("""{ "phases": [ { "name": "a" """, "ends before the JSON is complete", "name")]
    [InlineData("AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI", "The file is plain text that is neither JSON nor XML", "AWS")]
    public void A_syntax_error_says_where_and_why_without_echoing_the_text(string json, string says, string secret)
    {
        var error = Refuse(json);

        Assert.Equal(DiagnosticCode.ConfigUnreadable, error.Code);
        Assert.Contains(says, error.Message);
        Assert.DoesNotContain(secret, error.Message);
    }

    [Fact]
    public void Nesting_deeper_than_64_levels_is_QG1001_not_a_stack_overflow()
    {
        var error = Refuse("{ \"categories\": " + new string('[', 100_000) + new string(']', 100_000) + " }");

        Assert.Equal(DiagnosticCode.ConfigUnreadable, error.Code);
        Assert.Contains("nests deeper than 64 levels", error.Message);
    }

    [Fact]
    public void A_UTF16_file_without_a_byte_order_mark_is_QG1001_named_as_such()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, ConfigLoader.FileName);
        System.IO.File.WriteAllBytes(path, Encoding.Unicode.GetBytes("""{ "phase": "a" }"""));

        var error = Assert.Throws<QualityGateException>(() => ConfigLoader.Load(path));

        Assert.Equal(DiagnosticCode.ConfigUnreadable, error.Code);
        Assert.Contains("UTF-16 text without a byte-order mark", error.Message);
    }

    [Fact]
    public void A_UTF16_file_with_a_byte_order_mark_reads()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, ConfigLoader.FileName);
        System.IO.File.WriteAllText(path, """{ "phases": [ { "name": "a" } ], "phase": "a" }""", Encoding.Unicode);

        Assert.Equal("a", ConfigLoader.Load(path).CurrentPhase);
    }

    [Theory]
    [InlineData("""{ "phases": [ { "name": "a", "maxDurationSeconds": 1e400 } ] }""", "phases[0].maxDurationSeconds")]
    [InlineData("""{ "phases": [ { "name": "a", "total": { "line": -1e400 } } ] }""", "phases[0].total.line")]
    [InlineData("""{ "shards": { "expected": 1e12 } }""", "shards.expected")]
    public void A_number_beyond_double_range_is_QG1003_naming_the_key(string json, string key)
    {
        var error = Refuse(json);

        Assert.Equal(DiagnosticCode.ConfigInvalidValue, error.Code);
        Assert.Contains(key, error.Message);
    }

    private static QualityGateException Refuse(string json) => Assert.Throws<QualityGateException>(() => ConfigLoader.Parse(json, File));
}
