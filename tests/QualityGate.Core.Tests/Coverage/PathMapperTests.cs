using System;
using System.IO;
using QualityGate.Coverage;
using Xunit;

namespace QualityGate.Tests.Coverage;

public sealed class PathMapperTests : IDisposable
{
    private static readonly string[] NoRoots = [];
    private readonly TempFolder _repo = new();
    private readonly PathMapper _mapper;

    public PathMapperTests()
    {
        foreach (var file in new[] { "src/App/Orders/OrderService.cs", "src/App/Program.cs", "tools/Cli/Program.cs", "src/Lib/Util.cs" })
        {
            var full = Path.Combine(_repo.Path, file);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, "");
        }

        _mapper = new PathMapper(_repo.Path);
    }

    public void Dispose() => _repo.Dispose();

    private string Write(string name, string content)
    {
        var path = Path.Combine(_repo.Path, "TestResults", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void An_absolute_path_under_the_repository_becomes_relative()
    {
        Assert.Equal("src/App/Orders/OrderService.cs", _mapper.Map(_repo.Path + "/src/App/Orders/OrderService.cs", NoRoots));
    }

    [Fact]
    public void A_path_under_the_repository_need_not_exist_to_be_made_relative()
    {
        Assert.Equal("src/App/Generated.cs", new PathMapper("/work/repo").Map("/work/repo/src/App/Generated.cs", NoRoots));
    }

    [Fact]
    public void A_relative_cobertura_filename_is_read_against_its_source_root()
    {
        var roots = new[] { _repo.Path + "/src/App/" };

        Assert.Equal("src/App/Orders/OrderService.cs", _mapper.Map("Orders/OrderService.cs", roots));
    }

    [Fact]
    public void With_several_source_roots_the_one_holding_the_file_wins()
    {
        var roots = new[] { _repo.Path + "/tools/Cli/", _repo.Path + "/src/Lib/" };

        Assert.Equal("src/Lib/Util.cs", _mapper.Map("Util.cs", roots));
        Assert.Equal("tools/Cli/Program.cs", _mapper.Map("Program.cs", roots));
    }

    [Fact]
    public void A_windows_path_from_another_machine_is_matched_by_its_longest_suffix()
    {
        Assert.Equal("src/App/Orders/OrderService.cs", _mapper.Map(@"C:\src\app\src\App\Orders\OrderService.cs", NoRoots));
        Assert.Equal("src/Lib/Util.cs", _mapper.Map(@"d:\agent\_work\1\s\src\Lib\Util.cs", NoRoots));
    }

    [Fact]
    public void A_windows_source_root_is_combined_with_a_windows_filename()
    {
        Assert.Equal("src/App/Orders/OrderService.cs", _mapper.Map(@"Orders\OrderService.cs", [@"C:\src\app\src\App\"]));
    }

    [Fact]
    public void A_windows_repository_root_maps_its_own_paths_without_looking_at_the_disk()
    {
        var mapper = new PathMapper(@"C:\src\app");

        Assert.Equal("x.cs", mapper.Map(@"C:\src\app\x.cs", NoRoots));
        Assert.Equal("Sub/x.cs", mapper.Map(@"c:\SRC\app\Sub\x.cs", NoRoots));
    }

    [Fact]
    public void A_deterministic_root_maps_to_the_repository_file_of_that_path()
    {
        Assert.Equal("src/App/Orders/OrderService.cs", _mapper.Map("/_/src/App/Orders/OrderService.cs", NoRoots));
        Assert.Equal("src/Lib/Util.cs", _mapper.Map("/_1/src/Lib/Util.cs", NoRoots));
    }

    [Fact]
    public void A_deterministic_root_of_a_nested_repository_falls_back_to_the_longest_suffix()
    {
        // The build's SourceRoot was the App folder, not the repository: "/_/Orders/OrderService.cs".
        Assert.Equal("src/App/Orders/OrderService.cs", _mapper.Map("/_/Orders/OrderService.cs", NoRoots));
    }

    [Fact]
    public void An_ambiguous_suffix_is_kept_as_given_rather_than_guessed()
    {
        // Two files are called Program.cs and "/elsewhere/Program.cs" says nothing about which one.
        Assert.Equal("/elsewhere/Program.cs", _mapper.Map("/elsewhere/Program.cs", NoRoots));
        Assert.Equal("tools/Cli/Program.cs", _mapper.Map("/home/runner/work/x/x/tools/Cli/Program.cs", NoRoots));
    }

    [Fact]
    public void A_path_that_matches_nothing_is_kept_with_forward_slashes()
    {
        Assert.Equal("C:/elsewhere/Missing.cs", _mapper.Map(@"C:\elsewhere\Missing.cs", NoRoots));
        Assert.Equal("/_/gone/Missing.cs", _mapper.Map("/_/gone/Missing.cs", NoRoots));
    }

    [Fact]
    public void Dot_segments_and_doubled_separators_are_resolved()
    {
        Assert.Equal("src/App/Program.cs", _mapper.Map(_repo.Path + "/src/Lib/../App//./Program.cs", NoRoots));
    }

    [Fact]
    public void Reports_written_on_windows_name_the_files_of_this_checkout()
    {
        // coverlet on a Windows agent: a drive-letter <source> and backslashed relative filenames; Microsoft.CodeCoverage:
        // absolute drive-letter filenames and no <source>. Both describe src/App/Orders/OrderService.cs here.
        var coverlet = Write("coverlet.xml", """
            <coverage><sources><source>C:\agent\_work\1\s\src\App\</source></sources><packages><package><classes>
              <class filename="Orders\OrderService.cs"><methods /><lines><line number="3" hits="1" /><line number="4" hits="0" /></lines></class>
            </classes></package></packages></coverage>
            """);
        var microsoft = Write("ms.xml", """
            <coverage><packages><package><classes>
              <class filename="C:\agent\_work\1\s\src\App\Orders\OrderService.cs"><methods /><lines><line number="4" hits="1" /></lines></class>
            </classes></package></packages></coverage>
            """);

        var data = CoverageReader.Read(coverlet, _mapper);
        data.Merge(CoverageReader.Read(microsoft, _mapper));

        Assert.Equal(new[] { "src/App/Orders/OrderService.cs" }, data.Files.Keys);
        Assert.Equal((2, 2), data.LineTotals());
    }

    [Fact]
    public void Build_output_folders_are_not_searched_for_suffix_matches()
    {
        var generated = Path.Combine(_repo.Path, "src", "App", "obj", "Debug", "Only.g.cs");
        Directory.CreateDirectory(Path.GetDirectoryName(generated)!);
        File.WriteAllText(generated, "");

        Assert.Equal("/elsewhere/obj/Debug/Only.g.cs", new PathMapper(_repo.Path).Map("/elsewhere/obj/Debug/Only.g.cs", NoRoots));
    }
}
