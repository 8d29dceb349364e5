using System.IO;
using QualityGate.Coverage;
using Xunit;

namespace QualityGate.Tests.Coverage;

/// <summary>
/// Shards of one run cover different branches of the same line. OpenCover names each branch (IL offset and path),
/// so their union is exact; Cobertura only counts them, so the merge keeps the larger count: it errs low, never high.
/// </summary>
public class BranchUnionTests
{
    private static string OpenCover(TempFolder temp, string name, int firstVisits, int secondVisits)
    {
        var path = Path.Combine(temp.Path, name);
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <CoverageSession>
              <Modules>
                <Module hash="1">
                  <ModulePath>App.dll</ModulePath>
                  <ModuleName>App</ModuleName>
                  <Files><File uid="1" fullPath="{temp.Path}/src/A.cs" /></Files>
                  <Classes>
                    <Class>
                      <FullName>App.A</FullName>
                      <Methods>
                        <Method>
                          <FileRef uid="1" />
                          <SequencePoints>
                            <SequencePoint vc="1" uspid="1" ordinal="0" sl="10" sc="1" el="10" ec="20" fileid="1" />
                          </SequencePoints>
                          <BranchPoints>
                            <BranchPoint vc="{firstVisits}" uspid="2" ordinal="0" path="0" offset="7" offsetend="9" sl="10" fileid="1" />
                            <BranchPoint vc="{secondVisits}" uspid="3" ordinal="1" path="1" offset="7" offsetend="12" sl="10" fileid="1" />
                          </BranchPoints>
                        </Method>
                      </Methods>
                    </Class>
                  </Classes>
                </Module>
              </Modules>
            </CoverageSession>
            """);
        return path;
    }

    private static string Cobertura(TempFolder temp, string name, string conditionCoverage)
    {
        var path = Path.Combine(temp.Path, name);
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <coverage line-rate="1" branch-rate="0.5" version="1.9" timestamp="1">
              <sources><source>{temp.Path}/</source></sources>
              <packages><package name="App"><classes>
                <class name="App.A" filename="src/A.cs"><methods /><lines>
                  <line number="10" hits="1" branch="True" condition-coverage="{conditionCoverage}" />
                </lines></class>
              </classes></package></packages>
            </coverage>
            """);
        return path;
    }

    [Fact]
    public void Two_opencover_shards_that_each_took_one_branch_of_a_line_merge_to_both()
    {
        using var temp = new TempFolder();
        var mapper = new PathMapper(temp.Path);
        var merged = CoverageReader.Read(OpenCover(temp, "a.xml", 1, 0), mapper);

        merged.Merge(CoverageReader.Read(OpenCover(temp, "b.xml", 0, 3), mapper));

        Assert.Equal((2, 2), merged.BranchTotals());
    }

    [Fact]
    public void The_same_opencover_branch_covered_twice_is_counted_once()
    {
        using var temp = new TempFolder();
        var mapper = new PathMapper(temp.Path);
        var merged = CoverageReader.Read(OpenCover(temp, "a.xml", 1, 0), mapper);

        merged.Merge(CoverageReader.Read(OpenCover(temp, "b.xml", 5, 0), mapper));

        Assert.Equal((1, 2), merged.BranchTotals());
    }

    [Fact]
    public void Cobertura_branches_without_names_merge_to_the_larger_count_never_more()
    {
        using var temp = new TempFolder();
        var mapper = new PathMapper(temp.Path);
        var merged = CoverageReader.Read(Cobertura(temp, "a.xml", "50% (1/2)"), mapper);

        merged.Merge(CoverageReader.Read(Cobertura(temp, "b.xml", "50% (1/2)"), mapper));

        Assert.Equal((1, 2), merged.BranchTotals());
    }
}
