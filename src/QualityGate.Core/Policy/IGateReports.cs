using System.Collections.Generic;
using QualityGate.Files;
using QualityGate.Reports;
using QualityGate.Results;

namespace QualityGate.Policy;

/// <summary>
/// What a gate run writes once it has a verdict. The writers live in QualityGate.Reporting, which the task and the tool
/// load and the test runners' front ends never do, so the core knows only this seam.
/// </summary>
internal interface IGateReports
{
    /// <summary>Claims the files the reports will write, before anything is written: none may replace an input (QG2026).</summary>
    void Claim(OutputPaths outputs);

    /// <summary>Writes the reports of the judged run, adding what it published to <see cref="GateReport.PublishedFiles"/>.</summary>
    void Write(GateReport report, IReadOnlyList<RecordedRun> runs);
}
