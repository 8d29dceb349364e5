using System;
using System.Collections.Generic;
using Microsoft.Testing.Platform.Extensions.Messages;
using QualityGate.Categorization;
using QualityGate.Recording;
using QualityGate.Results;
using Trait = QualityGate.Results.Trait;

namespace QualityGate.TestingPlatform;

/// <summary>Translates a test node in a final state into the core's <see cref="ReportedResult"/>.</summary>
internal static class NodeMapper
{
    /// <summary>The node's result, or null while it is not final (discovered, in progress).</summary>
    public static ReportedResult? Map(TestNode node, string source)
    {
        var state = node.Properties.SingleOrDefault<TestNodeStateProperty>();
        var (outcome, failureState) = state switch
        {
            PassedTestNodeStateProperty => (TestOutcome.Passed, null),
            SkippedTestNodeStateProperty => (TestOutcome.Skipped, null),
            FailedTestNodeStateProperty => (TestOutcome.Failed, "failed"),
            ErrorTestNodeStateProperty => (TestOutcome.Failed, "error"),
            TimeoutTestNodeStateProperty => (TestOutcome.Failed, "timeout"),
#pragma warning disable CS0618, MTP0001 // Obsolete in the platform, still sent by frameworks (TUnit); the platform counts it as failed.
            CancelledTestNodeStateProperty => (TestOutcome.Failed, "cancelled"),
#pragma warning restore CS0618, MTP0001
            _ => (TestOutcome.None, (string?)null),
        };
        if (state is null or DiscoveredTestNodeStateProperty or InProgressTestNodeStateProperty || outcome == TestOutcome.None)
        {
            return null;
        }

        var method = node.Properties.SingleOrDefault<TestMethodIdentifierProperty>();
        var className = method is null ? null : Join(method.Namespace, method.TypeName.Replace('+', '.'));
        var name = method is null ? node.DisplayName : className + "." + method.MethodName;
        var result = new ReportedResult(source, name, node.DisplayName, outcome)
        {
            Id = node.Uid.Value,
            ClassName = className,
            FailureState = failureState,
            Traits = Traits(node),
        };

        if (node.Properties.SingleOrDefault<TimingProperty>() is { } timing)
        {
            result.Duration = timing.GlobalTiming.Duration;
        }

        if (node.Properties.SingleOrDefault<TestFileLocationProperty>() is { } location && !string.IsNullOrEmpty(location.FilePath))
        {
            result.CodeFilePath = location.FilePath;
            // The frameworks (xunit v3, MSTest, TUnit) put the source line as it is, counted from one.
            result.LineNumber = location.LineSpan.Start.Line > 0 ? location.LineSpan.Start.Line : null;
        }

        if (outcome == TestOutcome.Skipped)
        {
            result.ErrorMessage = state.Explanation;
        }
        else if (outcome == TestOutcome.Failed)
        {
            var exception = state switch
            {
                FailedTestNodeStateProperty failed => failed.Exception,
                ErrorTestNodeStateProperty error => error.Exception,
                TimeoutTestNodeStateProperty timeout => timeout.Exception,
#pragma warning disable CS0618, MTP0001
                CancelledTestNodeStateProperty cancelled => cancelled.Exception,
#pragma warning restore CS0618, MTP0001
                _ => null,
            };
            if (exception is not null)
            {
                (result.ErrorMessage, result.ErrorStackTrace) = ExceptionEvidence.Describe(exception);
            }
            else
            {
                result.ErrorMessage = state.Explanation;
            }

            // xunit v3 sends a cleanup failure as a node of its own, named "[Test Cleanup Failure (…)]" under the test
            // case's uid; under VSTest the same words lead the message. Said the VSTest way, the recorder attaches it
            // to its test instead of counting a test that does not exist.
            if (method is null && node.DisplayName.StartsWith("[Test ", StringComparison.Ordinal) && node.DisplayName.Contains("Cleanup Failure (", StringComparison.Ordinal))
            {
                result.ErrorMessage = node.DisplayName + ": " + result.ErrorMessage;
            }

            result.StandardOutput = Output<StandardOutputProperty>(node, p => p.StandardOutput);
            result.StandardError = Output<StandardErrorProperty>(node, p => p.StandardError);
        }

        return result;
    }

    private static string Join(string? ns, string type) => string.IsNullOrEmpty(ns) ? type : ns + "." + type;

    private static IReadOnlyList<Trait> Traits(TestNode node)
    {
        List<Trait>? traits = null;
        foreach (var metadata in node.Properties.OfType<TestMetadataProperty>())
        {
            (traits ??= []).Add(new Trait(metadata.Key, metadata.Value ?? string.Empty));
        }

        return traits ?? (IReadOnlyList<Trait>)Array.Empty<Trait>();
    }

    private static string? Output<T>(TestNode node, Func<T, string> read)
        where T : class, IProperty
    {
        var value = node.Properties.SingleOrDefault<T>() is { } property ? read(property) : null;
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
