using System;
using System.Collections.Generic;
using System.Linq;
using QualityGate.Coverage;
using QualityGate.Diagnostics;
using QualityGate.Gaps;
using QualityGate.Policy;
using Xunit;
using static QualityGate.Tests.Policy.GateFixture;

namespace QualityGate.Tests.Gaps;

/// <summary>
/// What closes the gap, checked as properties over thousands of seeded random inputs (seeded, so a failure names
/// the case that reproduces it): the plan's lines, once covered, meet the target through the real gate; no plan with
/// fewer files exists (brute force over every subset); no smaller number of lines would do.
/// </summary>
public class GapPlannerTests
{
    private const int Cases = 3000;

    // Each case runs the whole gate twice; 600 cases keep the test near a second.
    private const int GateCases = 600;

    private const string Config = """
        { "layers": { "app": { "include": ["src/**/*.cs"] } },
          "phases": [ { "name": "p", "layers": { "app": { "line": 0 } } } ] }
        """;

    [Fact]
    public void Covering_the_planned_lines_meets_the_target_through_the_gate()
    {
        var planned = 0;
        for (var seed = 0; seed < GateCases; seed++)
        {
            var random = new Random(seed);
            var coverage = RandomCoverage(random, out var files);
            var target = Math.Round(random.NextDouble() * 100, random.Next(0, 3));
            var config = MakeConfig(Config.Replace("\"line\": 0", $"\"line\": {target.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
            var report = GateEvaluator.Evaluate(new GateInput(config, [MakeRun("App.UnitTests", 1)]) { Coverage = coverage });
            var violation = report.Violations.SingleOrDefault(v => v.Code == DiagnosticCode.LineCoverageBelowTarget);
            if (violation is null)
            {
                continue;
            }

            var plan = violation.Plan!;
            planned++;
            foreach (var step in plan.Steps)
            {
                // Cover the step's first Take uncovered lines, found through its spans.
                var file = files[step.Path];
                var lines = step.Spans.SelectMany(s => Enumerable.Range(s.From, s.To - s.From + 1)).Where(l => file.TryGetValue(l, out var hit) && !hit).Take(step.Take).ToList();
                Assert.True(lines.Count == step.Take, $"seed {seed}: {step.Path} spans hold {lines.Count} uncovered lines, the plan takes {step.Take}");
                lines.ForEach(l => file[l] = true);
            }

            var after = GateEvaluator.Evaluate(new GateInput(config, [MakeRun("App.UnitTests", 1)]) { Coverage = Build(files) });
            Assert.True(after.Violations.All(v => v.Code != DiagnosticCode.LineCoverageBelowTarget), $"seed {seed}: still missed after the plan: {string.Join("; ", after.Violations.Select(v => v.Message))}");
        }

        Assert.True(planned > GateCases / 5, $"only {planned} of {GateCases} cases missed the target: the property was hardly tested");
    }

    [Fact]
    public void No_plan_with_fewer_files_or_fewer_lines_reaches_the_target()
    {
        for (var seed = 0; seed < Cases; seed++)
        {
            var random = new Random(seed);
            var candidates = Enumerable.Range(0, random.Next(0, 8))
                .Select(i => new GapCandidate($"f{random.Next(0, 4)}{i}.cs", random.Next(0, 12), [new LineSpan(1, 1)]))
                .ToList();
            var open = candidates.Sum(c => c.Open);
            var valid = open + random.Next(0, 30);
            var covered = valid - open;
            var target = random.NextDouble() * 100;

            var needed = GapPlanner.Needed(covered, valid, target);
            var plan = GapPlanner.Plan(GapUnit.Lines, needed, candidates);

            var meets = (Func<int, bool>)(c => valid == 0 || !(c * 100.0 / valid < target));
            Assert.True(meets(covered + needed), $"seed {seed}: {covered}+{needed} of {valid} misses {target}");
            Assert.True(needed == 0 || !meets(covered + needed - 1), $"seed {seed}: {needed - 1} lines would do");
            Assert.Equal(needed, plan.Steps.Sum(s => s.Take));
            Assert.All(plan.Steps, s => Assert.InRange(s.Take, 1, s.Open));
            Assert.Equal(Fewest(candidates.Select(c => c.Open).ToList(), needed), plan.Steps.Count);
        }
    }

    [Fact]
    public void Files_are_ranked_by_uncovered_lines_then_by_path_so_the_plan_is_deterministic()
    {
        GapCandidate File(string path, int open) => new(path, open, [new LineSpan(1, open)]);

        var plan = GapPlanner.Plan(GapUnit.Lines, 25, [File("b.cs", 10), File("c.cs", 20), File("a.cs", 10), File("d.cs", 0)]);
        var shuffled = GapPlanner.Plan(GapUnit.Lines, 25, [File("a.cs", 10), File("d.cs", 0), File("b.cs", 10), File("c.cs", 20)]);

        Assert.Equal(["c.cs", "a.cs"], plan.Steps.Select(s => s.Path));
        Assert.Equal(plan.Steps.Select(s => (s.Path, s.Take)), shuffled.Steps.Select(s => (s.Path, s.Take)));
        Assert.Equal([20, 5], plan.Steps.Select(s => s.Take));
        Assert.Equal("cover 25 more lines — start with c.cs (20), then a.cs (5 of 10)", plan.Summary());
    }

    [Fact]
    public void A_span_runs_over_blank_lines_and_stops_at_a_covered_line()
    {
        var file = new FileCoverage("src/PriceService.cs");
        foreach (var line in new[] { 39, 40, 41, 43, 44, 59, 73, 74 })
        {
            file.Add(line, new LineHits(line is 39 or 59 ? 1 : 0, 0, 0));
        }

        Assert.Equal("40–44, 73–74", LineSpan.Format(GapCandidate.Lines(file).Spans));
    }

    [Theory]
    [InlineData(899, 1000, 90.0, 1)]
    [InlineData(900, 1000, 90.0, 0)]
    [InlineData(2, 3, 66.67, 1)]
    [InlineData(0, 7, 100.0, 7)]
    [InlineData(15, 16, 95.0, 1)]
    public void The_number_needed_follows_the_gates_own_comparison(int covered, int valid, double target, int needed)
    {
        Assert.Equal(needed, GapPlanner.Needed(covered, valid, target));
    }

    [Fact]
    public void The_sentence_names_the_files_their_ranges_and_how_many_more_there_are()
    {
        var steps = Enumerable.Range(1, 5).Select(i => new GapStep($"src/F{i}.cs", 10, 10, [new LineSpan(i, i + 3), new LineSpan(20, 20)])).ToList();
        var plan = new GapPlan(GapUnit.Lines, 50, steps);

        Assert.Equal("To close it, cover 50 more lines: F1.cs 1–4, 20 (10); F2.cs 2–5, 20 (10); F3.cs 3–6, 20 (10); and 2 more files (see the report).", plan.Sentence());
        Assert.Equal("cover 1 more branch", new GapPlan(GapUnit.Branches, 1, []).Goal());
    }

    /// <summary>The fewest of the counts whose sum reaches the number, by trying every subset.</summary>
    private static int Fewest(List<int> counts, int needed)
    {
        if (needed == 0)
        {
            return 0;
        }

        var best = int.MaxValue;
        for (var mask = 1; mask < 1 << counts.Count; mask++)
        {
            var (sum, size) = (0, 0);
            for (var i = 0; i < counts.Count; i++)
            {
                if ((mask & (1 << i)) != 0)
                {
                    sum += counts[i];
                    size++;
                }
            }

            if (sum >= needed)
            {
                best = Math.Min(best, size);
            }
        }

        return best;
    }

    private static CoverageData RandomCoverage(Random random, out Dictionary<string, SortedDictionary<int, bool>> files)
    {
        files = [];
        for (var i = 0; i < random.Next(1, 6); i++)
        {
            var lines = new SortedDictionary<int, bool>();
            var line = 0;
            for (var n = 0; n < random.Next(1, 25); n++)
            {
                line += random.Next(1, 4); // gaps: lines that are not coverable
                lines[line] = random.Next(0, 3) == 0;
            }

            files[$"src/F{random.Next(0, 3)}{i}.cs"] = lines;
        }

        return Build(files);
    }

    private static CoverageData Build(Dictionary<string, SortedDictionary<int, bool>> files)
    {
        var data = new CoverageData();
        foreach (var (path, lines) in files)
        {
            var file = data.GetOrAddFile(path);
            foreach (var (line, covered) in lines)
            {
                file.Add(line, new LineHits(covered ? 1 : 0, 0, 0));
            }
        }

        return data;
    }
}
