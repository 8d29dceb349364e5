using System.IO;
using System.Linq;
using System.Text.Json;
using QualityGate.Configuration;
using Xunit;

namespace QualityGate.Tests.Configuration;

/// <summary>The configurations this repository ships and uses (its own gate, the sample, the fixtures) are valid.</summary>
public class RepositoryConfigTests
{
    public static TheoryData<string> ConfigFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryRoot.Path, "qualitygate.json", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")))
        {
            data.Add(Path.GetRelativePath(RepositoryRoot.Path, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ConfigFiles))]
    public void Every_qualitygate_json_in_the_repository_loads_and_names_the_shipped_schema(string relativePath)
    {
        var path = Path.Combine(RepositoryRoot.Path, relativePath);

        var config = ConfigLoader.Load(path);

        Assert.Equal(path, config.Path);
        var text = File.ReadAllText(path);
        if (text.Contains("\"$schema\""))
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var schema = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, document.RootElement.GetProperty("$schema").GetString()!));
            Assert.Equal(Path.Combine(RepositoryRoot.Path, "schema", "qualitygate.schema.json"), schema);
        }
    }

    [Fact]
    public void The_schema_declares_every_top_level_key_the_loader_accepts_and_no_other()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "schema", "qualitygate.schema.json")));
        var declared = schema.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();

        foreach (var key in declared)
        {
            // The loader accepts the key (it may reject the empty value, but not as an unknown key).
            var error = Record.Exception(() => ConfigLoader.Parse($$"""{ "{{key}}": null }""", "q.json"));
            Assert.True(error is null, $"{key}: {error?.Message}");
        }

        var unknown = Assert.Throws<QualityGate.Diagnostics.QualityGateException>(() => ConfigLoader.Parse("""{ "notAKey": 1 }""", "q.json"));
        Assert.Equal(declared.OrderBy(k => k, System.StringComparer.Ordinal), Valid(unknown.Message).OrderBy(k => k, System.StringComparer.Ordinal));
    }

    private static string[] Valid(string message) =>
        message[(message.IndexOf("Valid keys here: ", System.StringComparison.Ordinal) + "Valid keys here: ".Length)..].TrimEnd('.').Split(", ");
}
