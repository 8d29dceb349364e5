using QualityGate.Results;
using Xunit;

namespace QualityGate.Tests.Results;

public class FrameworkMonikerTests
{
    [Theory]
    [InlineData(".NETCoreApp,Version=v10.0", "net10.0")]
    [InlineData(".NETCoreApp,Version=v9.0", "net9.0")]
    [InlineData(".NETCoreApp,Version=v3.1", "netcoreapp3.1")]
    [InlineData(".NETFramework,Version=v4.8", "net48")]
    [InlineData("net10.0", "net10.0")]
    [InlineData(null, "unknown")]
    [InlineData("weird/../name", "weird_.._name")]
    public void Test_platform_framework_names_become_short_monikers(string? framework, string expected) =>
        Assert.Equal(expected, FrameworkMoniker.ToShortName(framework));
}
