using System;
using System.Collections.Generic;
using System.IO;
using QualityGate.Baseline;
using Xunit;

namespace QualityGate.Tests.Baseline;

public class BaselineRootCauseTests
{
    [Fact]
    public void Root_cause_counts_round_trip_through_the_baseline_file()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "qualitygate.baseline.json");
        var baseline = new BaselineData { RootCauses = new SortedDictionary<string, int>(StringComparer.Ordinal) { ["binding"] = 2, ["error"] = 1 } };

        BaselineFile.Write(baseline, path);
        var read = BaselineFile.Read(path);

        Assert.Equal(baseline.RootCauses, read.RootCauses);
        Assert.Contains("    \"binding\": 2,\n", File.ReadAllText(path));
    }

    [Fact]
    public void A_baseline_recorded_before_root_causes_reads_as_having_none_recorded_not_zero()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "qualitygate.baseline.json");
        BaselineFile.Write(new BaselineData(), path);

        Assert.DoesNotContain("rootCauses", File.ReadAllText(path));
        Assert.Null(BaselineFile.Read(path).RootCauses);
    }
}
