using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using QualityGate.Coverage;
using QualityGate.Reports.Html;
using Xunit;

namespace QualityGate.Tests.Reports;

/// <summary>
/// The HTML drill-down reads sources through the same gate as the coverage check: a committed pipe, a link (to a
/// device or out of the repository) or a path outside the root gets no page — never a hang, never a leak.
/// </summary>
public class SourceReadTests
{
    [Fact]
    public void A_regular_file_inside_the_repository_is_read_as_lines()
    {
        using var temp = new TempFolder();
        File.WriteAllText(Path.Combine(temp.Path, "A.cs"), "one\r\ntwo\n");

        Assert.Equal(["one", "two"], SourcePages.Read(temp.Path, "A.cs"));
    }

    [Fact]
    public void A_link_out_of_the_repository_a_link_to_a_device_and_a_sibling_folder_are_not_read()
    {
        using var temp = new TempFolder();
        var root = Path.Combine(temp.Path, "repo");
        Directory.CreateDirectory(root);
        Directory.CreateDirectory(root + "2");
        File.WriteAllText(Path.Combine(root + "2", "Secret.cs"), "secret");
        File.WriteAllText(Path.Combine(temp.Path, "Outside.cs"), "secret");
        File.CreateSymbolicLink(Path.Combine(root, "Out.cs"), Path.Combine(temp.Path, "Outside.cs"));
        File.CreateSymbolicLink(Path.Combine(root, "Zero.cs"), "/dev/zero");

        Assert.Null(SourcePages.Read(root, "Out.cs"));
        Assert.Null(SourcePages.Read(root, "Zero.cs"));
        Assert.Null(SourcePages.Read(root, "../repo2/Secret.cs"));
        Assert.Null(SourceFiles.CountLines(root, "Zero.cs", 100));
    }

    [Fact]
    public async Task A_named_pipe_is_not_waited_on()
    {
        using var temp = new TempFolder();
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", Path.Combine(temp.Path, "Pipe.cs")) { UseShellExecute = false })!)
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var read = Task.Run(() => SourcePages.Read(temp.Path, "Pipe.cs"));

        Assert.Same(read, await Task.WhenAny(read, Task.Delay(10_000)));
        Assert.Null(await read);
    }
}
