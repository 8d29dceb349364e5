using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using QualityGate.Categorization;
using QualityGate.Diagnostics;

namespace QualityGate.Configuration;

/// <summary>Finds and reads qualitygate.json. Every problem is a <see cref="QualityGateException"/> with a code.</summary>
internal static class ConfigLoader
{
    public const string FileName = "qualitygate.json";

    private static readonly Regex CategoryName = new("^[a-z][a-z0-9-]*$", RegexOptions.CultureInvariant);

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The nearest qualitygate.json in <paramref name="startDirectory"/> or a folder above it.</summary>
    public static string? Find(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Loads an explicit path (which must exist), else the nearest file above <paramref name="startDirectory"/>, else the defaults.</summary>
    public static GateConfig Discover(string? explicitPath, string startDirectory)
    {
        if (explicitPath is not null)
        {
            return Load(Path.GetFullPath(explicitPath));
        }

        return Find(startDirectory) is { } found ? Load(found) : GateConfig.Empty;
    }

    public static GateConfig Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new QualityGateException(
                DiagnosticCode.ConfigNotFound,
                "the configuration file does not exist. Fix the path, or leave it unset to use the nearest qualitygate.json.",
                path);
        }

        string text;
        try
        {
            // A FIFO or a device (a committed symlink to /dev/zero) reports length 0: not opened, it is empty here.
            text = InputFile.Length(path) == 0 ? string.Empty : File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new QualityGateException(DiagnosticCode.ConfigUnreadable, $"cannot read the configuration: {e.Message}", path, e);
        }

        return Parse(text, path);
    }

    public static GateConfig Parse(string json, string path)
    {
        if (json.Trim().Length == 0)
        {
            throw new QualityGateException(
                DiagnosticCode.ConfigUnreadable,
                "the configuration file is empty. Write at least '{}' or delete the file.",
                path);
        }

        var utf8 = Encoding.UTF8.GetBytes(json);
        if (StrictJson.Check(utf8, allowCommentsAndTrailingCommas: true) is { } problem)
        {
            throw Refused(problem, utf8, path);
        }

        var document = JsonDocument.Parse(utf8, DocumentOptions);
        using (document)
        {
            var root = new ConfigNode(document.RootElement, string.Empty, path)
                .ExpectObject("$schema", "categories", "testLayers", "layers", "phases", "phase", "baseline", "shards", "evidence", "coverage");
            var categories = root.Child("categories")?.ExpectObject("legacy", "rules");
            var config = new GateConfig(
                path,
                ReadRules(categories?.Child("rules")),
                ReadLegacy(categories?.Child("legacy")),
                ReadTestLayers(root.Child("testLayers")));
            PolicyReader.Read(root, config);
            config.Evidence = EvidenceSettings.Read(root.Child("evidence"));
            if (root.Child("coverage") is { } coverage)
            {
                coverage.ExpectObject("includeTestCode");
                config.IncludeTestCode = coverage.Boolean("includeTestCode") ?? false;
            }

            return config;
        }
    }

    private static List<UserRule> ReadRules(ConfigNode? rules)
    {
        var result = new List<UserRule>();
        if (rules is not { } node)
        {
            return result;
        }

        var index = 0;
        foreach (var item in node.Items())
        {
            item.ExpectObject("name", "category", "hint", "exceptionType", "message", "stackTrace", "test", "trait");
            var category = item.String("category") ?? throw item.Invalid("needs a 'category': the name failures matching the rule are counted under.");
            if (!CategoryName.IsMatch(category))
            {
                throw item.Invalid($"has category '{category}': use lower-case letters, digits and '-' (built-in: {string.Join(", ", Categories.BuiltIn)}).");
            }

            var name = item.String("name") ?? $"rule-{index}";
            if (result.FindIndex(r => r.Name == name) is var earlier and >= 0)
            {
                throw new QualityGateException(
                    DiagnosticCode.ConfigDuplicate,
                    $"'{item.Path}' repeats the rule name '{name}' of categories.rules[{earlier}]: failures it matches would be reported under a rule that is not one. Give each rule its own name.",
                    item.File);
            }

            var rule = new UserRule(name, category, item.String("hint") ?? $"Matched rule '{name}' of qualitygate.json: see its notes.")
            {
                ExceptionType = item.String("exceptionType") is { } type ? new NamePattern(type) : null,
                Message = Pattern(item, "message"),
                StackTrace = Pattern(item, "stackTrace"),
                Test = item.String("test") is { } test ? new NamePattern(test) : null,
                Trait = item.String("trait"),
            };
            if (rule.ExceptionType is null && rule.Message is null && rule.StackTrace is null && rule.Test is null && rule.Trait is null)
            {
                throw item.Invalid("has no condition and would match every failure: give at least one of exceptionType, message, stackTrace, test, trait.");
            }

            result.Add(rule);
            index++;
        }

        return result;
    }

    private static LegacyLocation ReadLegacy(ConfigNode? legacy)
    {
        if (legacy is not { } node)
        {
            return LegacyLocation.Default;
        }

        node.ExpectObject("types", "traits");
        var types = node.Strings("types") ?? LegacyLocation.DefaultTypes;
        var traits = node.Strings("traits") ?? LegacyLocation.DefaultTraits;
        return new LegacyLocation(types.Select(t => new NamePattern(t)).ToList(), traits);
    }

    private static List<TestLayer> ReadTestLayers(ConfigNode? layers)
    {
        var result = new List<TestLayer>();
        if (layers is not { } node)
        {
            return result;
        }

        node.ExpectObject(node.Kind == JsonValueKind.Object ? node.Properties().Select(p => p.Key).ToArray() : []);
        foreach (var pair in node.Properties())
        {
            var layer = pair.Value.ExpectObject("projects", "traits");
            var projects = layer.Strings("projects") ?? [];
            var traits = layer.Strings("traits") ?? [];
            if (projects.Count == 0 && traits.Count == 0)
            {
                throw layer.Invalid("claims no tests: give 'projects' (test project name patterns) or 'traits' (\"Name=Value\").");
            }

            result.Add(new TestLayer(pair.Key, projects.Select(p => new NamePattern(p)).ToList(), traits));
        }

        return result;
    }

    // Neither error quotes the file: a qualitygate.json may be a committed symlink to anything on the CI machine.
    private static QualityGateException Refused(JsonProblem problem, byte[] utf8, string path)
    {
        if (problem.Key is { } key)
        {
            return new QualityGateException(
                DiagnosticCode.ConfigDuplicate,
                $"the key '{problem.KeyPath}' appears twice, at {problem.First} and at {problem.Second}. JSON readers disagree on "
                + "which one counts, so neither does: keep one.",
                path);
        }

        var kind = FileKind.Describe(utf8, Math.Min(utf8.Length, FileKind.SniffLength));
        return new QualityGateException(
            DiagnosticCode.ConfigUnreadable,
            $"the configuration is not valid JSON at {problem.First}: {problem.Reason}."
            + (kind == "JSON" ? string.Empty : $" The file is {kind}, not JSON: is this the right file?"),
            path);
    }

    private static Regex? Pattern(ConfigNode node, string key)
    {
        if (node.String(key) is not { } pattern)
        {
            return null;
        }

        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Multiline, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            throw new QualityGateException(
                DiagnosticCode.ConfigInvalidPattern,
                $"'{node.Path}.{key}' is not a valid regular expression: {e.Message}",
                node.File);
        }
    }
}
