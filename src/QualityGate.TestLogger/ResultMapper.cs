using System;
using System.Collections.Generic;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using QualityGate.Recording;
using QualityGate.Results;
using VsTestOutcome = Microsoft.VisualStudio.TestPlatform.ObjectModel.TestOutcome;
using Trait = QualityGate.Results.Trait;
using VsTestResult = Microsoft.VisualStudio.TestPlatform.ObjectModel.TestResult;

namespace QualityGate.TestLogger;

/// <summary>Translates VSTest's object model into the core's.</summary>
internal static class ResultMapper
{
    private const string ManagedTypeProperty = "TestCase.ManagedType";
    private const string CategoryPropertySuffix = ".TestCategory";

    public static ReportedResult Map(VsTestResult result)
    {
        var testCase = result.TestCase;
        var outcome = result.Outcome switch
        {
            VsTestOutcome.Passed => Results.TestOutcome.Passed,
            VsTestOutcome.Failed => Results.TestOutcome.Failed,
            VsTestOutcome.Skipped => Results.TestOutcome.Skipped,
            _ => Results.TestOutcome.None,
        };

        var reported = new ReportedResult(
            testCase.Source ?? "unknown",
            testCase.FullyQualifiedName,
            string.IsNullOrEmpty(result.DisplayName) ? testCase.DisplayName : result.DisplayName!,
            outcome)
        {
            Id = testCase.Id.ToString(),
            Duration = result.Duration,
            Traits = Traits(testCase),
            CodeFilePath = string.IsNullOrEmpty(testCase.CodeFilePath) ? null : testCase.CodeFilePath,
            LineNumber = testCase.LineNumber > 0 ? testCase.LineNumber : null,
            ErrorMessage = result.ErrorMessage,
            ErrorStackTrace = result.ErrorStackTrace,
        };

        if (outcome == Results.TestOutcome.Failed)
        {
            reported.ClassName = ManagedType(testCase);
        }

        return reported;
    }

    public static IReadOnlyList<RunAttachment> Attachments(IEnumerable<AttachmentSet>? sets)
    {
        var attachments = new List<RunAttachment>();
        foreach (var set in sets ?? [])
        {
            foreach (var attachment in set.Attachments)
            {
                var uri = attachment.Uri;
                var path = uri.IsAbsoluteUri && uri.IsFile ? uri.LocalPath : uri.OriginalString;
                attachments.Add(new RunAttachment(path, attachment.Description, set.Uri?.OriginalString));
            }
        }

        return attachments;
    }

    private static IReadOnlyList<Trait> Traits(TestCase testCase)
    {
        List<Trait>? traits = null;
        foreach (var trait in testCase.Traits)
        {
            (traits ??= []).Add(new Trait(trait.Name, trait.Value));
        }

        // NUnit [Category] and MSTest [TestCategory] are not traits but adapter properties ("NUnit.TestCategory",
        // "MSTestDiscoverer.TestCategory"); users know them as Category=..., as in 'dotnet test --filter'.
        foreach (var property in testCase.Properties)
        {
            if (property.Id.EndsWith(CategoryPropertySuffix, StringComparison.Ordinal)
                && testCase.GetPropertyValue(property) is string[] categories)
            {
                foreach (var category in categories)
                {
                    (traits ??= []).Add(new Trait("Category", category));
                }
            }
        }

        return traits ?? (IReadOnlyList<Trait>)Array.Empty<Trait>();
    }

    private static string? ManagedType(TestCase testCase)
    {
        foreach (var property in testCase.Properties)
        {
            if (property.Id == ManagedTypeProperty && testCase.GetPropertyValue(property) is string type && type.Length > 0)
            {
                // ManagedType uses '+' for nested classes and may carry generic arity; the categorizer wants dots.
                return type.Replace('+', '.');
            }
        }

        return null;
    }
}
