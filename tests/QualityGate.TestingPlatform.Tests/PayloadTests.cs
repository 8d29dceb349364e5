using System.Linq;
using System.Reflection;
using QualityGate.Reports;
using QualityGate.Reports.Ci;
using Xunit;

namespace QualityGate.TestingPlatform.Tests;

/// <summary>
/// The test app loads the front end and the core it references: the gate and its report writers run in their own
/// process (tools/gate), so none of QualityGate.Reporting may be in the test app.
/// </summary>
public class PayloadTests
{
    [Fact]
    public void The_front_end_and_its_core_reference_no_report_writer()
    {
        var front = typeof(TestingPlatformBuilderHook).Assembly;
        var references = front.GetReferencedAssemblies().Where(n => n.Name!.StartsWith("QualityGate.", System.StringComparison.Ordinal)).ToList();
        var core = Assembly.Load(Assert.Single(references));

        Assert.Equal("QualityGate.Core", core.GetName().Name);
        Assert.DoesNotContain(core.GetReferencedAssemblies(), n => n.Name!.StartsWith("QualityGate.", System.StringComparison.Ordinal));
        // Its own types, not those every compilation embeds (NullableAttribute, EmbeddedAttribute …).
        var writers = typeof(GateReports).Assembly.GetTypes().Where(t => t.Namespace?.StartsWith("QualityGate.", System.StringComparison.Ordinal) == true).Select(t => t.FullName).ToHashSet();
        Assert.Contains(typeof(ReportPublisher).FullName, writers);
        Assert.DoesNotContain(front.GetTypes().Concat(core.GetTypes()), t => writers.Contains(t.FullName));
    }
}
