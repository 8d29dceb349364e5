using System;
using System.IO;
using System.Linq;
using System.Text;
using QualityGate.Baseline;
using QualityGate.Coverage;
using QualityGate.Diagnostics;
using QualityGate.History;
using Xunit;

namespace QualityGate.Tests.Inputs;

/// <summary>
/// No diagnostic quotes a file it was given: a committed symlink named x.cobertura.xml (or qualitygate.json, a
/// baseline, a history) pointing at a credentials file must not put the start of that file into the CI log.
/// Errors say what kind of file it is instead.
/// </summary>
public sealed class NoEchoTests : IDisposable
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_coverage_report_symlinked_to_a_credentials_file_is_QG3004_without_its_content()
    {
        var credentials = Write("credentials", $"[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = {Secret}\n");
        var link = Path.Combine(_temp.Path, "x.cobertura.xml");
        File.CreateSymbolicLink(link, credentials);

        var error = Assert.Throws<QualityGateException>(() => CoverageReader.Read(link, new PathMapper(_temp.Path)));

        Assert.Equal(DiagnosticCode.CoverageForeignFormat, error.Code);
        Assert.Contains("it is INI-style text (a [section] header), not XML", error.Message);
        AssertNoSecret(error);
    }

    [Theory]
    [InlineData("<coverage><packages " + Secret + "></packages></coverage>")]
    [InlineData("<coverage><" + Secret + "></coverage>")]
    [InlineData("<coverage><packages a=\"1\" a=\"" + Secret + "\" /></coverage>")]
    [InlineData("<AKIAIOSFODNN7EXAMPLE" + "/>")]
    public void Malformed_or_foreign_XML_is_reported_by_position_and_kind_without_its_tokens(string xml)
    {
        var path = Write("coverage.cobertura.xml", xml);

        var error = Assert.Throws<QualityGateException>(() => CoverageReader.Read(path, new PathMapper(_temp.Path)));

        Assert.Contains(error.Code, new[] { DiagnosticCode.CoverageUnreadable, DiagnosticCode.CoverageForeignFormat });
        AssertNoSecret(error);
        Assert.DoesNotContain("AKIA", error.Message);
    }

    [Fact]
    public void A_binary_file_given_as_coverage_is_named_binary()
    {
        var path = Path.Combine(_temp.Path, "coverage.cobertura.xml");
        File.WriteAllBytes(path, [0x01, 0x02, 0x03, .. Encoding.ASCII.GetBytes(Secret)]);

        var error = Assert.Throws<QualityGateException>(() => CoverageReader.Read(path, new PathMapper(_temp.Path)));

        Assert.Contains("binary data, not XML", error.Message);
        AssertNoSecret(error);
    }

    [Fact]
    public void A_baseline_that_is_not_JSON_is_QG5006_named_by_kind()
    {
        var error = Assert.Throws<QualityGateException>(() => BaselineFile.Read(Write("qualitygate.baseline.json", $"token={Secret}\n")));

        Assert.Equal(DiagnosticCode.BaselineUnreadable, error.Code);
        Assert.Contains("the file is plain text that is neither JSON nor XML", error.Message);
        AssertNoSecret(error);
    }

    [Theory]
    [InlineData("tru" + Secret)]
    [InlineData("{\"schema\":\"qualitygate.history/1\",\"records\":[{\"time\":\"" + Secret + "\"}]}")]
    [InlineData("{\"schema\":\"qualitygate.history/1\",\"records\":[{\"time\":null}]}")]
    public void A_history_file_that_does_not_read_is_QG2013_without_its_content(string content)
    {
        var error = Assert.Throws<QualityGateException>(() => HistoryFile.Read(Write("qualitygate-history.json", content)));

        Assert.Equal(DiagnosticCode.HistoryUnreadable, error.Code);
        AssertNoSecret(error);
    }

    [Theory]
    [InlineData(new byte[0], "an empty file")]
    [InlineData(new byte[] { 0x20, 0x0A, 0x09 }, "only white space")]
    [InlineData(new byte[] { 0x1F, 0x8B, 0x08, 0x00 }, "a gzip archive")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04 }, "a zip archive (a .nupkg, .docx or .zip file)")]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x02 }, "an ELF executable")]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00 }, "a Windows executable or .NET assembly")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D }, "a PDF document")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x00, 0x00, 0x7B, 0x00, 0x00, 0x00 }, "UTF-32 text")]
    [InlineData(new byte[] { 0xFE, 0xFF, 0x00, 0x7B }, "UTF-16 text")]
    [InlineData(new byte[] { 0x7B, 0x00, 0x22, 0x00 }, "UTF-16 text without a byte-order mark")]
    [InlineData(new byte[] { 0xC3, 0x28, 0x41 }, "binary data")]
    public void File_kinds_are_named_from_their_first_bytes(byte[] head, string kind)
    {
        Assert.Equal(kind, FileKind.Describe(head, head.Length));
    }

    [Theory]
    [InlineData("\uFEFF{ \"a\": 1 }", "JSON")]
    [InlineData("<?xml version=\"1.0\"?><a/>", "XML")]
    [InlineData("<!doctype html><p>", "an HTML page")]
    [InlineData("<<<<<<< HEAD\n{}", "text with merge conflict markers")]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\n", "PEM-encoded text (a key or a certificate)")]
    [InlineData("SF:/src/a.cs\n", "an LCOV tracefile")]
    [InlineData("hello, wörld", "plain text that is neither JSON nor XML")]
    [InlineData("[default]\naws_access_key_id = x\n", "INI-style text (a [section] header)")]
    [InlineData("[1, 2]", "JSON")]
    [InlineData("[true]", "JSON")]
    public void Text_kinds_are_named_without_their_words(string text, string kind)
    {
        var bytes = Encoding.UTF8.GetBytes(text);

        Assert.Equal(kind, FileKind.Describe(bytes, bytes.Length));
    }

    private static void AssertNoSecret(QualityGateException error)
    {
        Assert.DoesNotContain("wJalr", error.Message);
        Assert.DoesNotContain("EXAMPLEKEY", error.Message);
        Assert.True(error.InnerException is null || !error.InnerException.Message.Contains("wJalr"), "the inner exception quotes the file");
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_temp.Path, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }
}
