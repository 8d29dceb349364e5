using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using QualityGate.Diagnostics;
using QualityGate.Results;
using Xunit;

namespace QualityGate.Tests.Results;

/// <summary>
/// A results file is parsed as strictly as the configuration: any null, wrong type, impossible value or repeated key
/// is QG2007 naming the field's JSON path, never a NullReferenceException and never silently accepted.
/// </summary>
public sealed class MalformedResultsTests : IDisposable
{
    private static readonly Dictionary<string, Action<JsonNode>> Mutations = new()
    {
        ["run.attachments[0].path"] = root => root["run"]!["attachments"] = new JsonArray(new JsonObject { ["path"] = null }),
        ["run.errors[1]"] = root => root["run"]!["errors"] = new JsonArray("QG1003: x", null),
        ["tests[1].name"] = root => root["tests"]![1]!["name"] = null,
        ["tests[0].displayName"] = root => root["tests"]![0]!["displayName"] = null,
        ["tests[0].outcome"] = root => root["tests"]![0]!["outcome"] = "Passed",
        ["tests[1].failure.category"] = root => root["tests"]![1]!["failure"]!["category"] = 3,
        ["run.aborted"] = root => root["run"]!["aborted"] = "false",
        ["run.assembly"] = root => root["run"]!.AsObject().Remove("assembly"),
        ["run.durationMs"] = root => root["run"]!["durationMs"] = -5,
        ["tests[0].durationMs"] = root => root["tests"]![0]!["durationMs"] = -0.5,
        ["tests[1].failure.line"] = root => root["tests"]![1]!["failure"]!["line"] = 2147483648L,
        ["tests[0].source.file"] = root => root["tests"]![0]!["source"] = new JsonObject { ["file"] = null, ["line"] = 3 },
        ["tests[0].source.line"] = root => root["tests"]![0]!["source"] = new JsonObject { ["file"] = "/src/T.cs", ["line"] = -1 },
        ["tests[0].traits.Category[0]"] = root => root["tests"]![0]!["traits"] = new JsonObject { ["Category"] = new JsonArray((JsonNode?)null) },
        ["tests[0].failure"] = root => root["tests"]![0]!["failure"] = new JsonObject { ["category"] = "error" },
        ["tests[1]"] = root => root["tests"]![1] = null,
        ["tests"] = root => root["tests"] = new JsonObject(),
        ["run.summary"] = root => root["run"]!["summary"]!["failed"] = 0,
        ["run.summary.categories"] = root => root["run"]!["summary"]!["categories"] = new JsonObject(),
        ["run.summary.categories.error"] = root => root["run"]!["summary"]!["categories"]!["error"] = 7,
        ["run.shard"] = root => root["run"]!["shard"] = new JsonArray(),
    };

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static IEnumerable<object[]> Fields => Mutations.Keys.Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(Fields))]
    public void A_null_wrong_or_impossible_field_is_QG2007_naming_its_JSON_path(string field)
    {
        var root = JsonNode.Parse(File.ReadAllText(ResultsFileReaderTests.Record(_temp)))!;
        Mutations[field](root);
        var path = Write(root.ToJsonString());

        var error = Assert.Throws<QualityGateException>(() => ResultsFileReader.Read(path));

        Assert.Equal((DiagnosticCode.ResultsForeign, path), (error.Code, error.File));
        Assert.Contains($"'{field}' ", error.Message);
        Assert.Contains("run the tests again", error.Message);
    }

    [Fact]
    public void A_repeated_key_is_QG2007_naming_both_positions()
    {
        // The gate would read the second outcome; another tool reading the first would call the run green.
        var text = JsonNode.Parse(File.ReadAllText(ResultsFileReaderTests.Record(_temp)))!.ToJsonString();
        var path = Write(ReplaceFirst(text, "\"outcome\":\"failed\"", "\"outcome\":\"passed\",\"outcome\":\"failed\""));

        var error = Assert.Throws<QualityGateException>(() => ResultsFileReader.Read(path));

        Assert.Equal(DiagnosticCode.ResultsForeign, error.Code);
        Assert.Matches(@"the key 'tests\[1\]\.outcome' appears twice, at line 1, column \d+ and at line 1, column \d+", error.Message);
    }

    [Fact]
    public void A_duration_beyond_double_range_is_QG2007()
    {
        var text = JsonNode.Parse(File.ReadAllText(ResultsFileReaderTests.Record(_temp)))!.ToJsonString();
        var path = Write(System.Text.RegularExpressions.Regex.Replace(text, "\"durationMs\":[0-9.]+", "\"durationMs\":1e400"));

        var error = Assert.Throws<QualityGateException>(() => ResultsFileReader.Read(path));

        Assert.Contains("'run.durationMs' is beyond any duration", error.Message);
    }

    [Fact]
    public void A_name_that_is_not_valid_UTF8_is_QG2007_not_an_InvalidOperationException()
    {
        var text = JsonNode.Parse(File.ReadAllText(ResultsFileReaderTests.Record(_temp)))!.ToJsonString();
        var bytes = Encoding.UTF8.GetBytes(ReplaceFirst(text, "App.Tests.T.Fails\"", "App.Tests.T.Fails#\""));
        bytes[Array.IndexOf(bytes, (byte)'#')] = 0xFF;
        var path = Path.Combine(_temp.Path, "bad.qualitygate.json");
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<QualityGateException>(() => ResultsFileReader.Read(path));

        Assert.Equal(DiagnosticCode.ResultsForeign, error.Code);
        Assert.Contains("is not valid UTF-8 text", error.Message);
    }

    [Fact]
    public void A_file_saved_again_with_a_UTF8_byte_order_mark_still_reads()
    {
        var path = ResultsFileReaderTests.Record(_temp);
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(path)]);

        Assert.Equal(2, ResultsFileReader.Read(path).Tests.Count);
    }

    [Theory]
    [InlineData("utf16", "UTF-16 text")]
    [InlineData("binary", "binary data")]
    [InlineData("secret", "plain text that is neither JSON nor XML")]
    [InlineData("deep", "nests deeper than 64 levels")]
    public void A_file_that_is_not_results_JSON_is_QG2006_described_by_kind_without_quoting_it(string kind, string says)
    {
        byte[] bytes = kind switch
        {
            "utf16" => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("{\"schema\":\"SECRET\"}")).ToArray(),
            "binary" => [0x53, 0x45, 0x43, 0x52, 0x45, 0x54, 0x00, 0x01, 0x02, 0xFF],
            "secret" => Encoding.UTF8.GetBytes("SECRET_TOKEN=ghp_abcdef\n"),
            _ => Encoding.UTF8.GetBytes("{\"SECRET\":" + new string('[', 5000) + new string(']', 5000) + "}"),
        };
        var path = Path.Combine(_temp.Path, "x.qualitygate.json");
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<QualityGateException>(() => ResultsFileReader.Read(path));

        Assert.Equal(DiagnosticCode.ResultsUnreadable, error.Code);
        Assert.Contains(says, error.Message);
        Assert.DoesNotContain("SECRET", error.Message);
        Assert.DoesNotContain("ghp_", error.Message);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public void A_foreign_schema_value_is_not_echoed()
    {
        var path = Write("""{ "schema": "AKIAIOSFODNN7EXAMPLE wJalrXUtnFEMI/K7MDENG", "run": {} }""");

        var error = Assert.Throws<QualityGateException>(() => ResultsFileReader.Read(path));

        Assert.Equal(DiagnosticCode.ResultsForeign, error.Code);
        Assert.Contains("its schema is not a schema name, not qualitygate.results/1", error.Message);
        Assert.DoesNotContain("AKIA", error.Message);
    }

    [Fact]
    public void Unknown_fields_are_allowed_within_schema_1()
    {
        var root = JsonNode.Parse(File.ReadAllText(ResultsFileReaderTests.Record(_temp)))!;
        root["run"]!["futureField"] = new JsonObject { ["x"] = null };
        root["tests"]![0]!["futureField"] = null;

        Assert.Equal(2, ResultsFileReader.Read(Write(root.ToJsonString())).Tests.Count);
    }

    private static string ReplaceFirst(string text, string what, string with)
    {
        var at = text.IndexOf(what, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{what}' is not in the recorded file");
        return string.Concat(text.AsSpan(0, at), with, text.AsSpan(at + what.Length));
    }

    private string Write(string json)
    {
        var path = Path.Combine(_temp.Path, "edited.qualitygate.json");
        File.WriteAllText(path, json, new UTF8Encoding(false));
        return path;
    }
}
