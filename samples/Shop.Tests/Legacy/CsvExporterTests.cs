using Shop.Legacy;
using Xunit;

namespace Shop.Tests.Legacy;

// Inherited tests of the old export: failures here are counted as legacy, whatever their cause.
public class CsvExporterTests
{
    [Fact]
    public void Line_joins_fields() => Assert.Equal("a,b", CsvExporter.Line(["a", "b"]));

    [Fact]
    public void Line_treats_missing_fields_as_empty() => Assert.Equal("a,", CsvExporter.Line(["a", null]));
}
