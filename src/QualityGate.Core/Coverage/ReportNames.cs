using System.Xml;

namespace QualityGate.Coverage;

/// <summary>
/// The element and attribute names of both formats, atomized in the reader's name table so that each node's name is
/// compared by reference, not character by character.
/// </summary>
internal sealed class ReportNames
{
    public ReportNames(XmlNameTable table)
    {
        // Cobertura
        Coverage = table.Add("coverage");
        Source = table.Add("source");
        Package = table.Add("package");
        Name = table.Add("name");
        Class = table.Add("class");
        Methods = table.Add("methods");
        Line = table.Add("line");
        Filename = table.Add("filename");
        Number = table.Add("number");
        Hits = table.Add("hits");
        ConditionCoverage = table.Add("condition-coverage");

        // OpenCover
        CoverageSession = table.Add("CoverageSession");
        Module = table.Add("Module");
        OpenCoverClass = table.Add("Class");
        Method = table.Add("Method");
        File = table.Add("File");
        FileRef = table.Add("FileRef");
        SequencePoint = table.Add("SequencePoint");
        BranchPoint = table.Add("BranchPoint");
        Uid = table.Add("uid");
        FullPath = table.Add("fullPath");
        SkippedDueTo = table.Add("skippedDueTo");
        Vc = table.Add("vc");
        Sl = table.Add("sl");
        El = table.Add("el");
        FileId = table.Add("fileid");
        Offset = table.Add("offset");
        Path = table.Add("path");
    }

    public string Coverage { get; }
    public string Source { get; }
    public string Package { get; }
    public string Name { get; }
    public string Class { get; }
    public string Methods { get; }
    public string Line { get; }
    public string Filename { get; }
    public string Number { get; }
    public string Hits { get; }
    public string ConditionCoverage { get; }
    public string CoverageSession { get; }
    public string Module { get; }

    /// <summary>OpenCover's "Class" element; Cobertura's lower-case "class" is <see cref="Class"/>.</summary>
    public string OpenCoverClass { get; }
    public string Method { get; }
    public string File { get; }
    public string FileRef { get; }
    public string SequencePoint { get; }
    public string BranchPoint { get; }
    public string Uid { get; }
    public string FullPath { get; }
    public string SkippedDueTo { get; }
    public string Vc { get; }
    public string Sl { get; }
    public string El { get; }
    public string FileId { get; }
    public string Offset { get; }
    public string Path { get; }
}
