#!/usr/bin/env python3
"""Generates the xunit project that benchmarks/logger/run.sh measures.

The project has CLASSES test classes, each with one [Theory] whose [MemberData] rows are
pre-enumerated by xunit, so every row is a separate test result. How many rows exist and
which ones fail is decided at discovery time from two environment variables, so one build
serves every suite size:

  QG_BENCH_TESTS     total number of results (default: --tests)
  QG_BENCH_FAILURES  number of failing results, spread evenly (default: QG_BENCH_TESTS / 50, i.e. 2 %)

Failures throw assorted real exceptions (assertion failures, NullReferenceException,
InvalidOperationException, TimeoutException, TaskCanceledException, ArgumentException, ...)
from a helper two calls deep, so messages and stack traces look like real ones.
Dependencies: xunit, xunit.runner.visualstudio, Microsoft.NET.Test.Sdk, and QualityGate from
the local feed. Nothing else.
"""
import argparse
import os
from xml.sax.saxutils import quoteattr

CLASSES = 40

CSPROJ = """\
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <AssemblyName>QualityGate.LoggerBench</AssemblyName>
    <RootNamespace>LoggerBench</RootNamespace>
    <IsPackable>false</IsPackable>
    <IsTestProject>true</IsTestProject>
    <Nullable>disable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <NoWarn>$(NoWarn);NU1603;CS1998;xUnit1026;xUnit2000;xUnit2013;xUnit1031</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
    <PackageReference Include="xunit" Version="2.9.3" />
    <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
    <PackageReference Include="QualityGate" Version={version} />
  </ItemGroup>
</Project>
"""

# Only the local feed is added; the machine's own sources stay as they are (no <clear/>).
NUGET_CONFIG = """\
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="qualitygate-bench-local" value={feed} />
  </packageSources>
</configuration>
"""

# No "sdk" section: the newest installed SDK. The test runner is pinned to VSTest, where loggers live.
GLOBAL_JSON = """\
{
  "test": {
    "runner": "VSTest"
  }
}
"""

# Stops MSBuild from importing any Directory.Build.* above the temp folder.
EMPTY_PROJECT = "<Project />\n"

PLAN = """\
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace LoggerBench;

public static class Plan
{
    public const int Classes = {classes};
    public static readonly int Total = Env("QG_BENCH_TESTS", {tests});
    public static readonly int Failures = Math.Min(Total, Env("QG_BENCH_FAILURES", Total / 50));

    private static int Env(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value >= 0 ? value : fallback;

    public static IEnumerable<object[]> Rows(int @class)
    {
        // Every class gets rows (a theory without data fails), sizes differ by one at most.
        var start = (int)((long)@class * Total / Classes);
        var end = (int)((long)(@class + 1) * Total / Classes);
        for (var i = start; i < end; i++)
        {
            yield return new object[] { i };
        }
    }

    /// <summary>-1 for a passing row, else which failure this row produces.</summary>
    public static int FailureKind(int i)
    {
        if (Failures == 0)
        {
            return -1;
        }

        var stride = Total / Failures;
        if (i % stride != stride / 2 || i / stride >= Failures)
        {
            return -1;
        }

        return (i / stride) % Kinds;
    }

    public const int Kinds = 14;

    public static void Check(int i)
    {
        var kind = FailureKind(i);
        if (kind < 0)
        {
            Assert.Equal(i * 2, i + i);
            return;
        }

        Domain.Fail(kind, i);
    }

    public static async Task CheckAsync(int i)
    {
        var kind = FailureKind(i);
        if (kind < 0)
        {
            Assert.Equal(i * 2, i + i);
            return;
        }

        await Domain.FailAsync(kind, i);
    }
}

/// <summary>Pretend production code, so failures have a frame outside the test.</summary>
public static class Domain
{
    private static readonly Dictionary<string, int> Prices = new() { ["apple"] = 3, ["pear"] = 4 };

    public static void Fail(int kind, int i)
    {
        switch (kind)
        {
            case 0: Assert.Equal(i, Total(i)); break;
            case 1: Console.WriteLine(Customer(i).Name.Length); break;
            case 2: Console.WriteLine(new List<int>().First()); break;
            case 3: throw new TimeoutException($"The operation has timed out after 00:00:05 waiting for order {i}.");
            case 4: Task.Delay(1000, new CancellationToken(true)).GetAwaiter().GetResult(); break;
            case 5: Console.WriteLine(Enum.Parse<DayOfWeek>("Funday")); break;
            case 6: Console.WriteLine(Prices["banana" + i]); break;
            case 7: Assert.True(i < 0, $"Expected order {i} to be refunded"); break;
            case 8: Console.WriteLine(int.Parse("12a" + i)); break;
            case 9: Task.WhenAll(Task.Run(() => throw new InvalidOperationException($"Worker {i} faulted."))).Wait(); break;
            case 10: Console.WriteLine(((string)(object)i).Length); break;
            case 11: Assert.Contains("shipped", new[] { "created", "paid" }); break;
            case 12: File.ReadAllText($"/nonexistent/qualitygate-bench/order-{i}.json"); break;
            default: throw new ArgumentNullException("customerId", $"Order {i} has no customer.");
        }
    }

    public static async Task FailAsync(int kind, int i)
    {
        await Task.Yield();
        switch (kind)
        {
            case 4: await Task.Delay(1000, new CancellationToken(true)); break;
            case 3: await Task.Delay(1000).WaitAsync(TimeSpan.FromMilliseconds(1)); break;
            default: Fail(kind, i); break;
        }
    }

    private static int Total(int i) => i + 1;

    private static Person Customer(int i) => i < 0 ? new Person() : null;

    private sealed class Person
    {
        public string Name { get; set; } = "x";
    }
}
"""

CLASS_SYNC = """\
using System.Collections.Generic;
using Xunit;

namespace LoggerBench;
{trait}
public class Orders{n:02d}
{
    public static IEnumerable<object[]> Data => Plan.Rows({n});

    [Theory]
    [MemberData(nameof(Data))]
    public void Processes(int row) => Plan.Check(row);
}
"""

CLASS_ASYNC = """\
using System.Collections.Generic;
using System.Threading.Tasks;
using Xunit;

namespace LoggerBench;
{trait}
public class Shipping{n:02d}
{
    public static IEnumerable<object[]> Data => Plan.Rows({n});

    [Theory]
    [MemberData(nameof(Data))]
    public async Task Ships(int row) => await Plan.CheckAsync(row);
}
"""


def fill(template, **values):
    # str.format would trip over C#'s braces; replace only the named placeholders.
    for key, value in values.items():
        if isinstance(value, int):
            template = template.replace("{%s:02d}" % key, f"{value:02d}")
        template = template.replace("{%s}" % key, str(value))
    return template


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True, help="folder to create the project in")
    parser.add_argument("--tests", type=int, default=20000, help="default number of results")
    parser.add_argument("--version", required=True, help="QualityGate package version")
    parser.add_argument("--feed", required=True, help="local folder feed holding the QualityGate package")
    args = parser.parse_args()

    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    files = {
        "LoggerBench.csproj": CSPROJ.replace("{version}", quoteattr(args.version)),
        "nuget.config": NUGET_CONFIG.replace("{feed}", quoteattr(os.path.abspath(args.feed))),
        "global.json": GLOBAL_JSON,
        "Directory.Build.props": EMPTY_PROJECT,
        "Directory.Build.targets": EMPTY_PROJECT,
        "Directory.Packages.props": EMPTY_PROJECT,
        "Plan.cs": fill(PLAN, classes=CLASSES, tests=args.tests),
    }
    for n in range(CLASSES):
        trait = '[Trait("Category", "orders")]\n' if n % 2 == 0 else ""
        template = CLASS_SYNC if n % 2 == 0 else CLASS_ASYNC
        name = f"Orders{n:02d}.cs" if n % 2 == 0 else f"Shipping{n:02d}.cs"
        files[name] = fill(template, n=n, trait=trait)

    for name, text in files.items():
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write(text)
    print(f"generated {out} ({CLASSES} classes, {args.tests} results by default)")


if __name__ == "__main__":
    main()
