namespace Shop.Services;

public interface IOrderStore
{
    Task SaveAsync(Order order, CancellationToken cancellationToken);
}

public sealed record Order(string Id, decimal Total);

public class OrderService(IOrderStore store)
{
    public async Task<Order> PlaceAsync(string id, decimal total, CancellationToken cancellationToken = default)
    {
        var order = new Order(id, total);
        await store.SaveAsync(order, cancellationToken);
        return order;
    }

    // Not covered yet: the phase-2 plan adds its tests.
    public Task CancelAsync(Order order, CancellationToken cancellationToken = default) =>
        order.Total > 0 ? store.SaveAsync(order with { Total = 0 }, cancellationToken) : Task.CompletedTask;
}
