using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using QualityGate.Reports;
using QualityGate.Reports.Ci;
using QualityGate.TestLogger;
using Xunit;

namespace QualityGate.AdapterTests;

/// <summary>
/// vstest.console loads the logger and what it references, and nothing else: the report writers (QualityGate.Reporting)
/// must stay out of that closure, while the gate task, which publishes, carries them.
/// </summary>
public class PayloadTests
{
    [Fact]
    public void The_logger_and_the_core_it_loads_reference_no_report_writer()
    {
        var closure = QualityGateClosure(typeof(GateLogger).Assembly);

        Assert.Equal(["QualityGate.Core", "QualityGate.TestLogger"], closure.Select(a => a.GetName().Name).Order());
        // Its own types, not those every compilation embeds (NullableAttribute, EmbeddedAttribute …).
        var writers = typeof(GateReports).Assembly.GetTypes().Where(t => t.Namespace?.StartsWith("QualityGate.", System.StringComparison.Ordinal) == true).Select(t => t.FullName).ToHashSet();
        Assert.Contains(typeof(ReportPublisher).FullName, writers);
        Assert.DoesNotContain(closure.SelectMany(a => a.GetTypes()), t => writers.Contains(t.FullName));
    }

    [Fact]
    public void The_gate_task_carries_the_report_writers_it_publishes_with()
    {
        var closure = QualityGateClosure(typeof(QualityGate.Tasks.QualityGateCheck).Assembly);

        Assert.Contains(closure, a => a.GetName().Name == "QualityGate.Reporting");
    }

    private static List<Assembly> QualityGateClosure(Assembly root)
    {
        var found = new List<Assembly> { root };
        for (var i = 0; i < found.Count; i++)
        {
            foreach (var name in found[i].GetReferencedAssemblies().Where(n => n.Name!.StartsWith("QualityGate.", System.StringComparison.Ordinal)))
            {
                if (!found.Exists(a => a.GetName().Name == name.Name))
                {
                    found.Add(Assembly.Load(name));
                }
            }
        }

        return found;
    }
}
