using System.Collections.Generic;
using System.Linq;
using QualityGate.Reports.Html;

namespace QualityGate.Reports.Ci;

internal enum AnnotationLevel
{
    Error,
    Warning,
}

/// <summary>One message for a CI system's annotations: a violated target or a failing test, with a place when known.</summary>
internal sealed class Annotation
{
    public const int MaxTitleLength = 200;

    public const int MaxMessageLength = 2000;

    public Annotation(AnnotationLevel level, string title, string message)
    {
        Level = level;
        Title = title;
        Message = message;
    }

    public AnnotationLevel Level { get; }

    public string Title { get; }

    public string Message { get; private set; }

    public string? Code { get; set; }

    public string? File { get; set; }

    public int? Line { get; set; }

    /// <summary>
    /// Violations first (they decide the build), then failing tests: an error when the test breaks the build (its
    /// category is over budget, or the baseline does not know it), a warning when the plan still allows it.
    /// </summary>
    public static List<Annotation> From(GateReport report)
    {
        var annotations = new List<Annotation>();
        var byPlace = new Dictionary<string, Annotation>(System.StringComparer.Ordinal);
        foreach (var violation in report.Violations)
        {
            var annotation = new Annotation(AnnotationLevel.Error, $"QualityGate {violation.Code}: {violation.Subject}", violation.Message)
            {
                Code = violation.Code,
                File = violation.File,
                Line = violation.Line,
            };
            annotations.Add(annotation);
            if (Place(violation.File, violation.Line) is { } place && !byPlace.ContainsKey(place))
            {
                byPlace[place] = annotation;
            }
        }

        var brokenCategories = new HashSet<string>(report.Categories.Where(c => !c.Met).Select(c => c.Name), System.StringComparer.Ordinal);
        var newFailures = new HashSet<string>(report.Baseline?.NewFailures.Select(f => f.Name) ?? [], System.StringComparer.Ordinal);
        foreach (var failure in report.Failures)
        {
            if (Place(failure.File, failure.Line) is { } place && byPlace.TryGetValue(place, out var violation))
            {
                // The violation already marks this line (a category's first failure, a new failure): one annotation,
                // with the test's own message added, rather than two on the same line.
                if (failure.Message is not null && !violation.Message.Contains(failure.Message))
                {
                    violation.Message += violation.Message.Contains(failure.Name) ? $"\n{failure.Message}" : $"\n{failure.Name}: {failure.Message}";
                }

                continue;
            }

            var level = brokenCategories.Contains(failure.Category) || newFailures.Contains(failure.Name) ? AnnotationLevel.Error : AnnotationLevel.Warning;
            var message = failure.Message is null ? failure.Hint ?? "failed" : failure.Hint is null ? failure.Message : $"{failure.Message}\n{failure.Hint}";
            annotations.Add(new Annotation(level, $"{failure.Category}: {failure.Name}", message)
            {
                File = failure.File,
                Line = failure.Line,
            });
        }

        return annotations;
    }

    private static string? Place(string? file, int? line) => file is null || line is null ? null : $"{file}:{line}";

    /// <summary>The title and message as the annotation shows them: no ANSI escapes or control characters, capped.</summary>
    public string PlainTitle => MarkupText.Clean(Title, MaxTitleLength).Replace('\n', ' ');

    public string PlainMessage => MarkupText.Clean(Message, MaxMessageLength);

    /// <summary>The file as the annotation names it: a path from a stack trace is outside text too.</summary>
    public string? PlainFile => File is null ? null : MarkupText.Clean(File).Replace('\n', ' ');
}

/// <summary>Keeps the first <c>max</c> annotations of each level and counts the rest.</summary>
internal sealed class AnnotationBudget
{
    public AnnotationBudget(IReadOnlyList<Annotation> annotations, int max)
    {
        foreach (var annotation in annotations)
        {
            var kept = Kept.Count(a => a.Level == annotation.Level);
            if (kept < max)
            {
                Kept.Add(annotation);
            }
            else if (annotation.Level == AnnotationLevel.Error)
            {
                MoreErrors++;
            }
            else
            {
                MoreWarnings++;
            }
        }
    }

    public List<Annotation> Kept { get; } = [];

    public int MoreErrors { get; }

    public int MoreWarnings { get; }

    public IEnumerable<string> Overflow()
    {
        if (MoreErrors > 0)
        {
            yield return $"and {MoreErrors} more error{(MoreErrors == 1 ? string.Empty : "s")} (violations and failing tests)";
        }

        if (MoreWarnings > 0)
        {
            yield return $"and {MoreWarnings} more warning{(MoreWarnings == 1 ? string.Empty : "s")} (failing tests the plan allows)";
        }
    }
}
