using System.IO;
using QualityGate.Categorization;
using QualityGate.Configuration;
using QualityGate.Diagnostics;
using QualityGate.Results;
using Xunit;

namespace QualityGate.Tests.Configuration;

public class ConfigLoaderTests
{
    [Fact]
    public void User_rules_run_first_in_order_and_may_name_new_categories()
    {
        var config = ConfigLoader.Parse(
            """
            {
              // comments are allowed
              "categories": {
                "rules": [
                  { "name": "flaky-http", "category": "flaky", "exceptionType": "*HttpRequestException", "hint": "Retry is not a fix." },
                  { "name": "second", "category": "never", "message": "Connection refused" },
                ]
              }
            }
            """,
            "qualitygate.json");

        var result = config.CreateCategorizer().Categorize(new FailureEvidence(
            "Ns.T.M", "System.Net.Http.HttpRequestException : Connection refused (127.0.0.1:1)", null));

        Assert.Equal(("flaky", "user/flaky-http", "Retry is not a fix."), (result.Category, result.Rule, result.Hint));
    }

    [Fact]
    public void A_user_rule_can_match_on_test_name_trait_and_stack_frame_together()
    {
        var config = ConfigLoader.Parse(
            """{ "categories": { "rules": [ { "category": "db", "test": "*.Repositories.*", "trait": "Kind=Db", "stackTrace": "Npgsql\\." } ] } }""",
            "qualitygate.json");
        var categorizer = config.CreateCategorizer();
        FailureEvidence Evidence(string trait) => new("App.Repositories.OrderRepoTests.Saves", "System.Exception : x", "   at Npgsql.Connector.Open()")
        {
            Traits = [new Trait("Kind", trait)],
        };

        Assert.Equal("user/rule-0", categorizer.Categorize(Evidence("Db")).Rule);
        Assert.Equal("error", categorizer.Categorize(Evidence("Unit")).Category);
    }

    [Fact]
    public void Legacy_locations_are_configurable_and_never_match_a_method_name()
    {
        var config = ConfigLoader.Parse("""{ "categories": { "legacy": { "types": ["App.OldBilling*"], "traits": [] } } }""", "q.json");
        var categorizer = config.CreateCategorizer();

        Assert.Equal("legacy/location", categorizer.Categorize(new FailureEvidence("App.OldBillingTests.Rounds", "System.Exception : x", null)).Rule);
        Assert.Equal("error", categorizer.Categorize(new FailureEvidence("App.BillingTests.ConvertsLegacyIds", "System.Exception : x", null)).Category);
    }

    [Theory]
    [InlineData("""{ "categoreis": {} }""", "QG1002", "Did you mean 'categories'?")]
    [InlineData("""{ "categories": { "rules": [ { "category": "x", "mesage": "y" } ] } }""", "QG1002", "categories.rules[0].mesage")]
    [InlineData("""{ "categories": { "rules": [ { "category": "x", "message": "(unclosed" } ] } }""", "QG1004", "categories.rules[0].message")]
    [InlineData("""{ "categories": { "rules": [ { "category": "x" } ] } }""", "QG1003", "would match every failure")]
    [InlineData("""{ "categories": { "rules": [ { "category": "Bad Name", "message": "y" } ] } }""", "QG1003", "lower-case")]
    [InlineData("""{ "categories": { "rules": {} } }""", "QG1003", "must be an array")]
    [InlineData("""{ "testLayers": { "unit": {} } }""", "QG1003", "testLayers.unit")]
    [InlineData("""{ "categories": """, "QG1001", "line 1")]
    [InlineData("   ", "QG1001", "empty")]
    public void A_bad_configuration_is_a_coded_error_that_points_at_the_key(string json, string code, string says)
    {
        var error = Assert.Throws<QualityGateException>(() => ConfigLoader.Parse(json, "/repo/qualitygate.json"));

        Assert.Equal(code, error.Code);
        Assert.Contains(says, error.Message);
        Assert.Equal("/repo/qualitygate.json", error.File);
    }

    [Fact]
    public void An_explicit_configuration_path_that_does_not_exist_is_an_error_not_the_defaults()
    {
        var error = Assert.Throws<QualityGateException>(() => ConfigLoader.Discover("/nonexistent/qualitygate.json", "/"));

        Assert.Equal(DiagnosticCode.ConfigNotFound, error.Code);
    }

    [Fact]
    public void The_nearest_configuration_above_the_test_assembly_is_found()
    {
        using var temp = new TempFolder();
        File.WriteAllText(Path.Combine(temp.Path, "qualitygate.json"), "{}");
        var deep = Directory.CreateDirectory(Path.Combine(temp.Path, "tests", "App.Tests", "bin", "Debug", "net10.0")).FullName;

        Assert.Equal(Path.Combine(temp.Path, "qualitygate.json"), ConfigLoader.Discover(null, deep).Path);
    }

    [Fact]
    public void Test_layers_prefer_a_trait_match_over_a_project_match()
    {
        var config = ConfigLoader.Parse(
            """{ "testLayers": { "unit": { "projects": ["*.Tests"] }, "integration": { "projects": "*.IntegrationTests", "traits": ["Category=Integration"] } } }""",
            "q.json");

        Assert.Equal("unit", TestLayer.Resolve(config.TestLayers, "App.Tests", []));
        Assert.Equal("integration", TestLayer.Resolve(config.TestLayers, "App.Tests", [new Trait("Category", "integration")]));
        Assert.Equal("integration", TestLayer.Resolve(config.TestLayers, "App.IntegrationTests", []));
        Assert.Null(TestLayer.Resolve(config.TestLayers, "App.Benchmarks", []));
    }
}
