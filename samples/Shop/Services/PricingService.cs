namespace Shop.Services;

public interface ITaxTable
{
    decimal RateFor(string country);
}

public class PricingService(ITaxTable taxes)
{
    public decimal Gross(decimal net, string country)
    {
        if (net < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(net), "A price cannot be negative.");
        }

        return Math.Round(net * (1 + taxes.RateFor(country)), 2);
    }

    public decimal Discounted(decimal price, int percent) =>
        percent is < 0 or > 100 ? throw new ArgumentOutOfRangeException(nameof(percent)) : price * (100 - percent) / 100;
}
