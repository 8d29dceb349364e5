using System.Linq;
using System.Xml.Linq;
using QualityGate.Policy;
using QualityGate.Reports;
using QualityGate.Reports.Badges;
using Xunit;

namespace QualityGate.Tests.Reports;

public class BadgeTests
{
    [Fact]
    public void A_layer_badge_matches_its_snapshot()
    {
        var (report, _) = ReportSamples.Sample();

        var services = Badge.For(report).Single(b => b.Subject == "services");

        Snapshot.Match(services.ToSvg(), "Badge.services", "svg");
    }

    [Fact]
    public void There_is_a_badge_for_the_total_each_layer_and_the_pass_rate()
    {
        var (report, _) = ReportSamples.Sample();

        var badges = Badge.For(report);

        Assert.Equal(["total", "services", "workers", "tests"], badges.Select(b => b.Subject));
        Assert.Equal(("coverage", "75.8 %"), (badges[0].Label, badges[0].Value));
        Assert.All(badges, b => XDocument.Parse(b.ToSvg()));
    }

    [Fact]
    public void Green_when_the_target_is_met_red_when_missed_grey_without_one()
    {
        var met = new LayerResult("services", new Ratio(91, 100), new Ratio(0, 0), 2) { Target = new LayerTarget { Line = 90 }, Met = true };
        var missed = new LayerResult("workers", new Ratio(30, 100), new Ratio(0, 0), 1) { Target = new LayerTarget { Line = 40 }, Met = false };
        var untargeted = new LayerResult("legacy", new Ratio(1, 3), new Ratio(0, 0), 1);

        Assert.Equal("#4c1", Badge.ForLayer("services", met).Color);
        Assert.Equal("#e05d44", Badge.ForLayer("workers", missed).Color);
        Assert.Equal("#9f9f9f", Badge.ForLayer("legacy", untargeted).Color);
        Assert.Equal("33.3 %", Badge.ForLayer("legacy", untargeted).Value);
    }

    [Fact]
    public void Widths_follow_the_text()
    {
        static int Width(string label) => int.Parse(XDocument.Parse(new Badge(label, "88.4 %", BadgeStatus.Met).ToSvg()).Root!.Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(Width("services") > Width("api"));
        Assert.True(Width("WWWW") > Width("iiii"));
        Assert.Equal(116, Width("coverage")); // 51 + 41 px of text, 6 px padding on either side of each
    }

    [Fact]
    public void Badge_file_names_are_safe_for_every_file_system()
    {
        Assert.Equal("api-gateway", ReportPublisher.FileName("API / Gateway"));
        Assert.Equal("layer", ReportPublisher.FileName("../.."));
        Assert.Equal("services", ReportPublisher.FileName("services"));
    }
}
