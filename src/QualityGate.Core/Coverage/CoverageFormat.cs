namespace QualityGate.Coverage;

/// <summary>The coverage report formats QualityGate reads, told apart by the root element.</summary>
internal enum CoverageFormat
{
    /// <summary>Root <c>&lt;coverage&gt;</c>: coverlet (msbuild and collector), Microsoft.CodeCoverage, ReportGenerator.</summary>
    Cobertura,

    /// <summary>Root <c>&lt;CoverageSession&gt;</c>: coverlet's opencover format, OpenCover itself.</summary>
    OpenCover,
}
