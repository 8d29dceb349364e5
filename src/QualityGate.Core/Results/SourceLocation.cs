namespace QualityGate.Results;

/// <summary>A file and line, as a test case or a stack frame gives them.</summary>
internal sealed class SourceLocation
{
    public SourceLocation(string file, int? line)
    {
        File = file;
        Line = line;
    }

    public string File { get; }

    public int? Line { get; }

    public override string ToString() => Line is null ? File : $"{File}:{Line}";
}
