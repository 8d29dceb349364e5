using System;
using System.IO;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using QualityGate.PackageTests;
using Xunit;

namespace QualityGate.MSBuildTests;

/// <summary>
/// What QualityGate assumes about the SDK's test targets, checked against the installed SDK (a tripwire: an SDK that
/// moves fails this repository's CI, not its users' builds), and proof that it leaves them untouched when it is off.
/// </summary>
[Collection(MSBuildTestGroup.HandOff)]
public class SdkHookTests(SourceFixtures fixtures)
{
    private static readonly XNamespace MSBuild = "http://schemas.microsoft.com/developer/msbuild/2003";

    [Fact]
    public void The_installed_sdks_test_targets_still_have_every_part_the_gate_hooks()
    {
        var sdk = XDocument.Load(WithQualityGateOff.GetProperty("VSTestTargets").GetString()!);
        var targets = sdk.Root!.Elements(MSBuild + "Target").ToDictionary(t => (string)t.Attribute("Name")!);

        // The override runs exactly what the SDK's VSTest target runs, so VSTest may hold nothing else.
        var vstest = targets["VSTest"];
        Assert.Equal(
            ["CallTarget:_VSTestConsole", "CallTarget:_VSTestMSBuild"],
            vstest.Elements().Select(e => $"{e.Name.LocalName}:{(string?)e.Attribute("Targets")}").ToArray());
        var ours = XDocument.Load(Path.Combine(Repository.Root, "build", "QualityGate.Gate.targets")).Root!.Elements("Target").Single(t => (string)t.Attribute("Name")! == "VSTest");
        Assert.Equal((string?)vstest.Attribute("DependsOnTargets"), (string?)ours.Attribute("DependsOnTargets"));
        Assert.Contains("ShowInfoMessageIfProjectHasNoIsTestProjectProperty", targets.Keys);
        Assert.Empty(targets["_TestRunStart"].Elements()); // a marker the terminal logger watches, nothing more

        // The console view's test task reads the properties QualityGateBeginRun sets or reads.
        var task = targets["_VSTestConsole"].Element(MSBuild + "VSTestTask")!;
        Assert.Equal("$(VSTestLogger)", (string?)task.Attribute("VSTestLogger"));
        Assert.Equal("$(VSTestTestAdapterPath)", (string?)task.Attribute("VSTestTestAdapterPath"));
        Assert.Equal("$(VSTestResultsDirectory)", (string?)task.Attribute("VSTestResultsDirectory"));
        Assert.Equal("$(VSTestCLIRunSettings)", (string?)task.Attribute("VSTestCLIRunSettings"));
        Assert.Contains("$(VSTestSetting)", (string?)task.Attribute("VSTestSetting"));
        Assert.Contains("$(RunSettingsFilePath)", (string?)task.Attribute("VSTestSetting"));

        // The property the SDK check (QG1010) relies on.
        Assert.NotEmpty(sdk.Root.Elements(MSBuild + "PropertyGroup").Elements(MSBuild + "VsTestUseMSBuildOutput"));
    }

    [Fact]
    public void With_QualityGateEnabled_false_the_sdks_VSTest_target_is_untouched_and_nothing_of_the_package_runs()
    {
        var preprocessed = Preprocess("-p:QualityGateEnabled=false", "-p:VSTestLogger=gate");

        Assert.Equal(1, Regex.Count(preprocessed, "<Target Name=\"VSTest\""));
        Assert.DoesNotContain("Name=\"_QualityGateBeginRun\"", preprocessed); // QualityGate.VSTest.targets is not imported
        Assert.Equal(string.Empty, WithQualityGateOff.GetProperty("_QualityGateLoggerDirectory").GetString());
        Assert.Equal(string.Empty, WithQualityGateOff.GetProperty("_QualityGateLoggerRequested").GetString());
    }

    [Fact]
    public void Without_the_gate_logger_only_the_sdks_VSTest_target_exists_and_with_it_the_override_delegates_to_the_sdk()
    {
        Assert.Equal(1, Regex.Count(Preprocess("-p:VSTestLogger=trx"), "<Target Name=\"VSTest\""));

        var gated = Preprocess("-p:VSTestLogger=gate");
        Assert.Equal(2, Regex.Count(gated, "<Target Name=\"VSTest\""));
        Assert.Contains("<CallTarget Targets=\"_VSTestConsole\"", gated);
    }

    // Evaluated only: the built fixture is read, never changed.
    private string Project => Path.Combine(fixtures.Built("HandOff", "HandOff.Tests"), "HandOff.Tests");

    // One evaluation with QualityGate off and the gate logger asked for, read by both tests: where the SDK's test targets
    // are does not depend on QualityGate. Several names make MSBuild print JSON ({"Properties": {name: value}}).
    private JsonElement WithQualityGateOff => fixtures.Once("sdk-hook-quality-gate-off", () =>
    {
        string[] names = ["VSTestTargets", "_QualityGateLoggerDirectory", "_QualityGateLoggerRequested"];
        var (exit, output) = fixtures.Run(
            new Dictionary<string, string>(), ["msbuild", Project, .. names.Select(n => $"-getProperty:{n}"), "-p:QualityGateEnabled=false", "-p:VSTestLogger=gate"]);
        Assert.True(exit == 0, output);
        using var document = JsonDocument.Parse(output.Trim());
        return document.RootElement.GetProperty("Properties").Clone();
    });

    private string Preprocess(params string[] properties)
    {
        var file = Path.Combine(fixtures.Work, $"preprocessed-{Guid.NewGuid():N}.xml");
        var (exit, output) = fixtures.Run(new Dictionary<string, string>(), ["msbuild", Project, $"-pp:{file}", .. properties]);
        Assert.True(exit == 0, output);
        return File.ReadAllText(file);
    }
}
