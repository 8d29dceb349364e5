using System.Collections.Generic;
using QualityGate.Results;

namespace QualityGate.Configuration;

/// <summary>A test layer (unit, integration, e2e, …): the test projects and traits that belong to it.</summary>
internal sealed class TestLayer
{
    public TestLayer(string name, IReadOnlyList<NamePattern> projects, IReadOnlyList<string> traits)
    {
        Name = name;
        Projects = projects;
        Traits = traits;
    }

    public string Name { get; }

    /// <summary>Patterns over the test assembly (project) name.</summary>
    public IReadOnlyList<NamePattern> Projects { get; }

    /// <summary>"Name=Value" traits; a test with any of them belongs here whatever its project.</summary>
    public IReadOnlyList<string> Traits { get; }

    /// <summary>
    /// The layer of one test: a trait match wins over a project match (an integration-tagged test in a unit project
    /// is an integration test); among layers, the first declared wins. Null when no layer claims it.
    /// </summary>
    public static string? Resolve(IReadOnlyList<TestLayer> layers, string assembly, IReadOnlyList<Trait> traits)
    {
        if (layers.Count == 0)
        {
            return null;
        }

        foreach (var layer in layers)
        {
            foreach (var wanted in layer.Traits)
            {
                foreach (var trait in traits)
                {
                    if (trait.Matches(wanted))
                    {
                        return layer.Name;
                    }
                }
            }
        }

        foreach (var layer in layers)
        {
            foreach (var project in layer.Projects)
            {
                if (project.IsMatch(assembly))
                {
                    return layer.Name;
                }
            }
        }

        return null;
    }
}
