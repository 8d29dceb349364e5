using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace QualityGate.PackageTests;

/// <summary>Reads a results file the way a CI script would: plain JSON, by the documented field names.</summary>
public sealed class ResultsFile
{
    private ResultsFile(string path, JsonElement root)
    {
        Path = path;
        Root = root;
    }

    public string Path { get; }

    public JsonElement Root { get; }

    public JsonElement Run => Root.GetProperty("run");

    public IReadOnlyList<JsonElement> Tests => Root.GetProperty("tests").EnumerateArray().ToList();

    public IEnumerable<JsonElement> Failed => Tests.Where(t => t.GetProperty("outcome").GetString() == "failed");

    public static ResultsFile Read(string path)
    {
        Assert.True(File.Exists(path), $"no results file at {path}");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement.Clone();
        Assert.Equal("qualitygate.results/1", root.GetProperty("schema").GetString());
        return new ResultsFile(path, root);
    }

    public static string? Trait(JsonElement test, string name) =>
        test.GetProperty("traits").TryGetProperty(name, out var values) ? values[0].GetString() : null;
}
