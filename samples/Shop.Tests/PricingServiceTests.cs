using Moq;
using Shop.Services;
using Xunit;

namespace Shop.Tests;

public class PricingServiceTests
{
    private readonly Mock<ITaxTable> _taxes = new();

    [Theory]
    [InlineData(100, "DE", 0.19, 119)]
    [InlineData(100, "FR", 0.20, 120)]
    [InlineData(10.5, "NL", 0.21, 12.71)] // 12.705 rounds to even (12.70): an assertion failure nobody noticed
    public void Gross_adds_the_country_tax(decimal net, string country, decimal rate, decimal gross)
    {
        _taxes.Setup(t => t.RateFor(country)).Returns(rate);

        Assert.Equal(gross, new PricingService(_taxes.Object).Gross(net, country));
    }

    [Fact]
    public void Gross_refuses_a_negative_price() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PricingService(_taxes.Object).Gross(-1, "DE"));

    [Theory]
    [InlineData(100, 10, 90)]
    [InlineData(80, 25, 60)]
    public void Discounted_takes_off_the_percentage(decimal price, int percent, decimal expected) =>
        Assert.Equal(expected, new PricingService(_taxes.Object).Discounted(price, percent));

    // An inherited test whose data rows no longer match the method: a binding failure.
    [Theory]
    [InlineData(100, 10, 90, "EUR")]
    public void Discounted_in_currency(decimal price, int percent, decimal expected) =>
        Assert.Equal(expected, new PricingService(_taxes.Object).Discounted(price, percent));

    // A strict mock nobody set up for this country: a mocking failure.
    [Fact]
    public void Gross_uses_the_tax_table_strictly()
    {
        var strict = new Mock<ITaxTable>(MockBehavior.Strict);
        strict.Setup(t => t.RateFor("DE")).Returns(0.19m);

        Assert.Equal(107m, new PricingService(strict.Object).Gross(100, "AT"));
    }
}
