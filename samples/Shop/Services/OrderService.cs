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
}
