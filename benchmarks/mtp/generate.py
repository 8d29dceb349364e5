#!/usr/bin/env python3
"""Generates the MSTest.Sdk project (Microsoft.Testing.Platform) that benchmarks/mtp/run.sh measures.

40 test classes, each with one [DynamicData] test whose rows are separate results; the number of rows and of
failures is read at run time (QG_BENCH_TESTS, QG_BENCH_FAILURES; 2 % by default), so one build serves every size.
Failures throw assorted real exceptions two calls deep. Dependencies: MSTest.Sdk, Microsoft.Testing.Extensions.TrxReport
(for --report-trx; MSTest.Sdk brings it), and QualityGate from the local feed. Microsoft.Testing.Extensions.CodeCoverage
is switched off: QualityGate never depends on it.
"""
import argparse
import os

CLASSES = 40

CSPROJ = """\
<Project Sdk="MSTest.Sdk/4.5.2">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <AssemblyName>QualityGate.MtpBench</AssemblyName>
    <RootNamespace>MtpBench</RootNamespace>
    <Nullable>disable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <EnableMicrosoftTestingExtensionsCodeCoverage>false</EnableMicrosoftTestingExtensionsCodeCoverage>
    <NoWarn>$(NoWarn);NU1603;CS1998;MSTEST0001;MSTEST0018</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="QualityGate" Version="{version}" />
  </ItemGroup>
</Project>
"""

NUGET_CONFIG = """\
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="qualitygate-bench-local" value="{feed}" />
  </packageSources>
</configuration>
"""

GLOBAL_JSON = '{ "test": { "runner": "Microsoft.Testing.Platform" } }\n'

PLAN = """\
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;

[assembly: Parallelize(Workers = 0, Scope = ExecutionScope.MethodLevel)]

namespace MtpBench;

public static class Plan
{
    public const int Classes = {classes};
    public static readonly int Total = Env("QG_BENCH_TESTS", {tests});
    public static readonly int Failures = Math.Min(Total, Env("QG_BENCH_FAILURES", Total / 50));

    private static int Env(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value >= 0 ? value : fallback;

    public static IEnumerable<object[]> Rows(int @class)
    {
        var start = (int)((long)@class * Total / Classes);
        var end = (int)((long)(@class + 1) * Total / Classes);
        for (var i = start; i < end; i++)
        {
            yield return new object[] { i };
        }
    }

    public static void Check(int i)
    {
        if (Failures == 0)
        {
            return;
        }

        var stride = Total / Failures;
        if (i % stride != stride / 2 || i / stride >= Failures)
        {
            Assert.AreEqual(i * 2, i + i);
            return;
        }

        Domain.Fail((i / stride) % 8, i);
    }
}

public static class Domain
{
    public static void Fail(int kind, int i)
    {
        switch (kind)
        {
            case 0: Assert.AreEqual(i, i + 1); break;
            case 1: Console.WriteLine(((string)null).Length); break;
            case 2: Console.WriteLine(new List<int>().First()); break;
            case 3: throw new TimeoutException($"The operation has timed out waiting for order {i}.");
            case 4: Task.Delay(1000, new CancellationToken(true)).GetAwaiter().GetResult(); break;
            case 5: Console.WriteLine(Enum.Parse<DayOfWeek>("Funday")); break;
            case 6: File.ReadAllText($"/nonexistent/qualitygate-bench/order-{i}.json"); break;
            default: throw new ArgumentNullException("customerId", $"Order {i} has no customer.");
        }
    }
}
"""

CLASS = """\
using System.Collections.Generic;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace MtpBench;

[TestClass]
public class Orders{n:02d}
{
    public static IEnumerable<object[]> Data => Plan.Rows({n});

    [TestMethod]
    [DynamicData(nameof(Data))]
    public void Order_is_consistent(int i) => Plan.Check(i);
}
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--tests", type=int, default=20000)
    parser.add_argument("--version", required=True)
    parser.add_argument("--feed", required=True)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    files = {
        "MtpBench.csproj": CSPROJ.replace("{version}", args.version),
        "nuget.config": NUGET_CONFIG.replace("{feed}", args.feed),
        "global.json": GLOBAL_JSON,
        "Directory.Build.props": "<Project />\n",
        "Directory.Build.targets": "<Project />\n",
        "Plan.cs": PLAN.replace("{classes}", str(CLASSES)).replace("{tests}", str(args.tests)),
    }
    for n in range(CLASSES):
        files[f"Orders{n:02d}.cs"] = CLASS.replace("{n:02d}", f"{n:02d}").replace("{n}", str(n))
    for name, text in files.items():
        with open(os.path.join(args.out, name), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
