using System;
using System.Collections;
using System.Linq;
using QualityGate.Configuration;
using QualityGate.Diagnostics;
using QualityGate.Policy;
using Xunit;

namespace QualityGate.Tests.Policy;

/// <summary>"Later phases may only tighten" holds for every target kind, by one rule, including kinds added later.</summary>
public class TighteningTests
{
    private const string Declarations = """
        "layers": { "services": { "include": ["src/**"] } },
        "testLayers": { "unit": { "projects": ["*.Tests"] } },
        "categories": { "rules": [ { "category": "flaky", "message": "x" } ] },
        """;

    [Theory]
    [InlineData("""{ "total": { "line": 70 } }""", """{ "total": { "line": 60 } }""", "total.line from 70 to 60")]
    [InlineData("""{ "total": { "branch": 50 } }""", """{ "total": { "branch": 40 } }""", "total.branch from 50 to 40")]
    [InlineData("""{ "layers": { "services": { "line": 90 } } }""", """{ "layers": { "services": { "line": 80 } } }""", "layers.services.line from 90 to 80")]
    [InlineData("""{ "layers": { "services": { "branch": 90 } } }""", """{ "layers": { "services": { "branch": 80 } } }""", "layers.services.branch")]
    [InlineData("""{ "layers": { "services": { "fileMinimum": 60 } } }""", """{ "layers": { "services": { "fileMinimum": 40 } } }""", "layers.services.fileMinimum from 60 to 40")]
    [InlineData("""{ "layers": { "services": { "maxUncoveredLines": 400 } } }""", """{ "layers": { "services": { "maxUncoveredLines": 500 } } }""", "layers.services.maxUncoveredLines from 400 to 500 (lower is stricter)")]
    [InlineData("""{ "testLayers": { "unit": { "line": 70 } } }""", """{ "testLayers": { "unit": { "line": 65 } } }""", "testLayers.unit.line from 70 to 65")]
    [InlineData("""{ "testLayers": { "unit": { "branch": 70 } } }""", """{ "testLayers": { "unit": { "branch": 65 } } }""", "testLayers.unit.branch")]
    [InlineData("""{ "testLayers": { "unit": { "passRate": 95 } } }""", """{ "testLayers": { "unit": { "passRate": 90 } } }""", "testLayers.unit.passRate")]
    [InlineData("""{ "passRate": 95 }""", """{ "passRate": 94.9 }""", "passRate from 95 to 94.9")]
    [InlineData("""{ "patch": { "line": 80 } }""", """{ "patch": { "line": 70 } }""", "patch.line from 80 to 70")]
    [InlineData("""{ "maxDurationSeconds": 600 }""", """{ "maxDurationSeconds": 601 }""", "maxDurationSeconds from 600 to 601 (lower is stricter)")]
    [InlineData("""{ "maxFailures": { "binding": 2 } }""", """{ "maxFailures": { "binding": 5 } }""", "maxFailures.binding from 2 to 5")]
    [InlineData("""{ "maxFailures": { "flaky": 2 } }""", """{ "maxFailures": { "flaky": 3 } }""", "maxFailures.flaky from 2 to 3")]
    public void A_later_phase_that_loosens_any_target_kind_is_QG1008(string first, string second, string says)
    {
        var error = Assert.Throws<QualityGateException>(() => Load(first, second));

        Assert.Equal(DiagnosticCode.ConfigPhaseLoosens, error.Code);
        Assert.Contains(says, error.Message);
        Assert.Contains("phase 'b' (phases[1])", error.Message);
        Assert.Contains("of phase 'a': later phases may only tighten targets", error.Message);
    }

    [Theory]
    [InlineData("""{ "layers": { "services": { "maxUncoveredLines": 400, "fileMinimum": 50 } }, "maxDurationSeconds": 600 }""",
                """{ "layers": { "services": { "maxUncoveredLines": 300, "fileMinimum": 50 } }, "maxDurationSeconds": 300 }""")]
    [InlineData("""{ "maxFailures": { "binding": 2 } }""", """{ "maxFailures": { "binding": 0, "legacy": 10 } }""")]
    [InlineData("""{ "testLayers": { "unit": { "line": 70 } } }""", """{ "testLayers": { "unit": { "line": 70, "passRate": 99 } } }""")]
    public void Tightening_or_keeping_every_target_is_accepted(string first, string second)
    {
        var config = Load(first, second);

        Assert.Equal(2, config.Phases.Count);
    }

    [Fact]
    public void A_later_phase_inherits_every_target_the_earlier_one_set()
    {
        var config = Load(
            """{ "total": { "line": 1, "branch": 2 }, "layers": { "services": { "line": 3, "branch": 4, "fileMinimum": 5, "maxUncoveredLines": 6 } }, "testLayers": { "unit": { "line": 7, "branch": 8, "passRate": 9 } }, "passRate": 10, "patch": { "line": 11 }, "maxDurationSeconds": 12, "maxFailures": { "binding": 13 } }""",
            "{}");

        var first = config.Phases[0].Targets;
        var second = config.Phases[1].Targets;
        Assert.Equal(Flatten(first), Flatten(second));
        Assert.Equal(13, Flatten(second).Length);
        Assert.NotSame(first.Layers["services"], second.Layers["services"]);
    }

    [Fact]
    public void Every_property_of_every_target_type_declares_its_direction_or_is_marked_derived()
    {
        var targetTypes = typeof(PhaseTargets).Assembly.GetTypes()
            .Where(t => t == typeof(PhaseTargets) || (typeof(CoverageTarget).IsAssignableFrom(t) && !t.IsAbstract))
            .ToList();

        Assert.Contains(typeof(LayerTarget), targetTypes);
        foreach (var type in targetTypes)
        {
            Assert.NotEmpty(Tightening.TargetsOf(type)); // throws, naming the property, when one is undeclared
        }

        Assert.Equal(["line", "branch", "fileMinimum", "maxUncoveredLines"], Tightening.TargetsOf(typeof(LayerTarget)));
    }

    [Fact]
    public void A_target_kind_added_without_a_direction_is_refused_by_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Tightening.TargetsOf(typeof(NewKindWithoutDirection)));

        Assert.Contains("NewKindWithoutDirection.MaxFlakyTests is neither a declared target nor marked [NotATarget]", error.Message);
    }

    [Fact]
    public void A_target_kind_added_with_a_direction_is_compared_without_further_code()
    {
        var before = new PhaseTargets();
        var after = new PhaseTargets();
        before.Layers["x"] = new LayerTarget();
        after.Layers["x"] = new LayerTarget { MaxUncoveredLines = 3 };

        Assert.Null(Tightening.FirstLoosening(before, after));
        Assert.Equal("loosens layers.x.maxUncoveredLines from 3 to 4 (lower is stricter)",
            Tightening.FirstLoosening(after, new PhaseTargets { Layers = { ["x"] = new LayerTarget { MaxUncoveredLines = 4 } } }));
    }

    private static string[] Flatten(PhaseTargets targets) =>
        [
            .. new[] { ("total", (CoverageTarget)targets.Total) }
                .Concat(targets.Layers.Select(p => ("layers." + p.Key, (CoverageTarget)p.Value)))
                .Concat(targets.TestLayers.Select(p => ("testLayers." + p.Key, (CoverageTarget)p.Value)))
                .SelectMany(t => t.Item2.GetType().GetProperties().Where(p => p.PropertyType == typeof(double?) || p.PropertyType == typeof(int?))
                    .Select(p => (t.Item1, p.Name, p.GetValue(t.Item2))))
                .Where(v => v.Item3 is not null)
                .Select(v => $"{v.Item1}.{v.Name}={v.Item3}"),
            .. new object?[] { targets.PassRate, targets.PatchLine, targets.MaxDurationSeconds }.Where(v => v is not null).Select(v => v!.ToString()!),
            .. ((IDictionary)targets.MaxFailures).Keys.Cast<string>().Select(k => $"maxFailures.{k}={targets.MaxFailures[k]}"),
        ];

    private static GateConfig Load(string first, string second) =>
        ConfigLoader.Parse("{" + Declarations + "\"phases\": [" + Phase("a", first) + ", " + Phase("b", second) + "] }", "/repo/qualitygate.json");

    // { "total": … } becomes { "name": "a", "total": … }
    private static string Phase(string name, string targets) => "{ \"name\": \"" + name + "\"" + (targets.Trim() == "{}" ? " }" : ", " + targets.Trim()[1..]);

    private sealed class NewKindWithoutDirection : CoverageTarget
    {
        public int? MaxFlakyTests { get; set; }
    }
}
