using System;
using System.Collections.Generic;
using System.Linq;
using QualityGate.Baseline;
using QualityGate.Categorization;
using QualityGate.Shards;
using QualityGate.Policy;

namespace QualityGate.Configuration;

/// <summary>Reads the plan part of qualitygate.json: source layers, phases with their targets, the current phase.</summary>
internal static class PolicyReader
{
    public static void Read(ConfigNode root, GateConfig config)
    {
        config.Layers = ReadLayers(root.Child("layers"));
        var phasesNode = root.Child("phases");
        config.Phases = phasesNode is { } node ? ReadPhases(node, config) : [];
        config.CurrentPhase = root.String("phase");
        config.Baseline = ReadBaseline(root.Child("baseline"), config);
        config.ExpectedShards = ReadShards(root.Child("shards"));
        if (config.CurrentPhase is { } current && config.Phases.All(p => p.Name != current))
        {
            throw root.Child("phase")!.Value.Invalid(
                $"names '{current}', which is not a phase. Phases: {(config.Phases.Count == 0 ? "(none: add \"phases\")" : string.Join(", ", config.Phases.Select(p => p.Name)))}.");
        }
    }

    private static ExpectedShards? ReadShards(ConfigNode? node)
    {
        if (node is not { } shards || shards.ExpectObject("expected").Child("expected") is not { } expected)
        {
            return null;
        }

        return expected.Kind switch
        {
            System.Text.Json.JsonValueKind.Number => ExpectedShards.Of((int)(shards.Count("expected") ?? 0)),
            System.Text.Json.JsonValueKind.Array => ExpectedShards.Of(shards.Strings("expected")!),
            _ => throw expected.Invalid("must be a shard count (3) or the shard names ([\"1\", \"2\", \"3\"])."),
        };
    }

    private static BaselineSettings? ReadBaseline(ConfigNode? node, GateConfig config)
    {
        if (config.Directory is not { } directory)
        {
            return null;
        }

        if (node is not { } baseline)
        {
            return new BaselineSettings(System.IO.Path.Combine(directory, BaselineSettings.DefaultFileName));
        }

        baseline.ExpectObject("path", "tolerance", "fileTolerance", "required");
        var path = baseline.String("path") ?? BaselineSettings.DefaultFileName;
        var settings = new BaselineSettings(System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, path)))
        {
            Tolerance = baseline.Number("tolerance", 0, 100) ?? 0.1,
            FileTolerance = baseline.Number("fileTolerance", 0, 100) ?? 1.0,
        };
        if (baseline.Child("required") is { } required)
        {
            settings.Required = required.Kind switch
            {
                System.Text.Json.JsonValueKind.True => true,
                System.Text.Json.JsonValueKind.False => false,
                _ => throw required.Invalid("must be true or false."),
            };
        }

        return settings;
    }

    private static List<SourceLayer> ReadLayers(ConfigNode? node)
    {
        var layers = new List<SourceLayer>();
        if (node is not { } layersNode)
        {
            return layers;
        }

        layersNode.ExpectObject(layersNode.Properties().Select(p => p.Key).ToArray());
        foreach (var pair in layersNode.Properties())
        {
            var layer = pair.Value.ExpectObject("include", "exclude");
            var include = Globs(layer, "include") ?? throw layer.Invalid("needs \"include\": globs of the layer's source files, relative to qualitygate.json's folder (e.g. \"src/App/Services/**/*.cs\").");
            if (include.Count == 0)
            {
                throw layer.Invalid("has an empty \"include\": the layer would contain no file.");
            }

            layers.Add(new SourceLayer(pair.Key, include, Globs(layer, "exclude") ?? []));
        }

        return layers;
    }

    private static List<string>? Globs(ConfigNode layer, string key)
    {
        if (layer.Strings(key) is not { } patterns)
        {
            return null;
        }

        var result = new List<string>();
        foreach (var raw in patterns)
        {
            var pattern = raw.Replace('\\', '/');
            if (pattern.StartsWith("/", StringComparison.Ordinal) || (pattern.Length > 1 && pattern[1] == ':'))
            {
                throw layer.Child(key)!.Value.Invalid($"has the absolute path '{raw}': globs are relative to qualitygate.json's folder.");
            }

            if (pattern.Trim().Length == 0)
            {
                throw layer.Child(key)!.Value.Invalid("has an empty glob.");
            }

            result.Add(pattern);
        }

        return result;
    }

    private static List<Phase> ReadPhases(ConfigNode node, GateConfig config)
    {
        var phases = new List<Phase>();
        var layerNames = config.Layers.Select(l => l.Name).ToList();
        var testLayerNames = config.TestLayers.Select(l => l.Name).ToList();
        var categories = Categories.BuiltIn.Concat(config.Rules.Select(r => r.Category)).Distinct().ToList();
        PhaseTargets? previous = null;
        foreach (var item in node.Items())
        {
            item.ExpectObject("name", "total", "layers", "testLayers", "passRate", "maxFailures", "maxDurationSeconds", "patch");
            var name = item.String("name") ?? throw item.Invalid("needs a \"name\".");
            if (phases.FindIndex(p => p.Name == name) is var earlier and >= 0)
            {
                throw new Diagnostics.QualityGateException(
                    Diagnostics.DiagnosticCode.ConfigDuplicate,
                    $"'{item.Path}.name' repeats the phase name '{name}' of phases[{earlier}]: a phase is named once, or a phase override and the baseline could mean either.",
                    item.File);
            }

            // A phase inherits every target of the one before it; what it sets anew may only be stricter.
            var targets = previous is null ? new PhaseTargets() : Tightening.Copy(previous);
            if (item.Child("total") is { } total)
            {
                ReadCoverage(total.ExpectObject("line", "branch"), targets.Total);
            }

            foreach (var pair in Named(item.Child("layers"), layerNames, "layer", "\"layers\""))
            {
                var target = targets.Layers.TryGetValue(pair.Key, out var inherited) ? inherited : targets.Layers[pair.Key] = new LayerTarget();
                var layer = pair.Value.ExpectObject("line", "branch", "fileMinimum", "maxUncoveredLines");
                ReadCoverage(layer, target);
                target.FileMinimum = layer.Number("fileMinimum", 0, 100) ?? target.FileMinimum;
                target.MaxUncoveredLines = layer.Count("maxUncoveredLines") ?? target.MaxUncoveredLines;
            }

            foreach (var pair in Named(item.Child("testLayers"), testLayerNames, "test layer", "\"testLayers\""))
            {
                var target = targets.TestLayers.TryGetValue(pair.Key, out var inherited) ? inherited : targets.TestLayers[pair.Key] = new TestLayerTarget();
                var layer = pair.Value.ExpectObject("line", "branch", "passRate");
                ReadCoverage(layer, target);
                target.PassRate = layer.Number("passRate", 0, 100) ?? target.PassRate;
            }

            targets.PassRate = item.Number("passRate", 0, 100) ?? targets.PassRate;
            targets.PatchLine = item.Child("patch")?.ExpectObject("line").Number("line", 0, 100) ?? targets.PatchLine;
            targets.MaxDurationSeconds = item.Number("maxDurationSeconds", 0, double.MaxValue) ?? targets.MaxDurationSeconds;
            foreach (var pair in Named(item.Child("maxFailures"), categories, "category", "the categories"))
            {
                targets.MaxFailures[pair.Key] = item.Child("maxFailures")!.Value.Count(pair.Key)!.Value;
            }

            if (previous is not null && Tightening.FirstLoosening(previous, targets) is { } loosening)
            {
                throw new Diagnostics.QualityGateException(
                    Diagnostics.DiagnosticCode.ConfigPhaseLoosens,
                    $"phase '{name}' ({item.Path}) {loosening} of phase '{phases[phases.Count - 1].Name}': later phases may only tighten targets. " +
                    "Set it at least as strict, or change the earlier phase.",
                    item.File);
            }

            phases.Add(new Phase(name, targets));
            previous = targets;
        }

        return phases;
    }

    private static IEnumerable<KeyValuePair<string, ConfigNode>> Named(ConfigNode? node, List<string> valid, string what, string where)
    {
        if (node is not { } map)
        {
            yield break;
        }

        if (map.Kind != System.Text.Json.JsonValueKind.Object)
        {
            throw map.Invalid("must be an object.");
        }

        foreach (var pair in map.Properties())
        {
            if (!valid.Contains(pair.Key))
            {
                throw pair.Value.Invalid(
                    $"names the {what} '{pair.Key}', which is not declared. Valid: {(valid.Count == 0 ? $"(none: declare it in {where})" : string.Join(", ", valid))}.");
            }

            yield return pair;
        }
    }

    private static void ReadCoverage(ConfigNode node, CoverageTarget target)
    {
        target.Line = node.Number("line", 0, 100) ?? target.Line;
        target.Branch = node.Number("branch", 0, 100) ?? target.Branch;
    }
}
