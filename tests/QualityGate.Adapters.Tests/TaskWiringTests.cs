using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using Microsoft.Build.Framework;
using QualityGate.Tasks;
using Xunit;

namespace QualityGate.AdapterTests;

/// <summary>
/// Every setting of the gate task reaches it from the build: build/QualityGate.Gate.targets (the file the package ships)
/// passes each of QualityGateCheck's parameters, the documented QualityGate… property to the parameter of the same name.
/// The real builds of the end-to-end tier prove the target runs; this proves no parameter is left out or crossed.
/// </summary>
public class TaskWiringTests
{
    // Parameters set from the build's own state, or from a property whose name says what it holds.
    private static readonly (string Parameter, string Value)[] Decided =
    [
        ("ProjectDirectory", "$(MSBuildProjectDirectory)"),
        ("AssemblyName", "$(AssemblyName)"),
        ("TargetFrameworkMoniker", "$(TargetFrameworkMoniker)"),
        ("ResultsFile", "$(_QualityGateResultsFile)"),
        ("RunId", "$(_QualityGateRunId)"),
        ("ConfigPath", "$(_QualityGateConfig)"),
        ("TestRunSucceeded", "$(_QualityGateTestRunSucceeded)"),
        ("CoverageFiles", "@(_QualityGateCoverage)"),
        ("JsonReportPath", "$(QualityGateReportFile)"),
        ("MarkdownReportPath", "$(QualityGateSummaryFile)"),
    ];

    [Fact]
    public void The_gate_target_passes_every_parameter_of_the_task_from_its_property()
    {
        var call = XDocument.Load(Path.Combine(QualityGate.Tests.RepositoryRoot.Path, "build", "QualityGate.Gate.targets"))
            .Descendants().Single(e => e.Name.LocalName == "QualityGate.Tasks.QualityGateCheck");
        var passed = call.Attributes().ToDictionary(a => a.Name.LocalName, a => a.Value, StringComparer.Ordinal);
        var parameters = typeof(QualityGateCheck).GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(p => p.CanWrite && p.GetCustomAttribute<OutputAttribute>() is null)
            .Select(p => p.Name)
            .ToList();

        Assert.Equal(parameters.Order(StringComparer.Ordinal), passed.Keys.Order(StringComparer.Ordinal));
        foreach (var parameter in parameters.Where(p => p != "TerminalLogger"))
        {
            var expected = Decided.Where(d => d.Parameter == parameter).Select(d => d.Value).DefaultIfEmpty($"$(QualityGate{parameter})").Single();
            Assert.True(passed[parameter] == expected, $"{parameter}=\"{passed[parameter]}\", expected \"{expected}\"");
        }
    }
}
