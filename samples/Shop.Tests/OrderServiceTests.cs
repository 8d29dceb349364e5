using Moq;
using Shop.Services;
using Xunit;

namespace Shop.Tests;

public class OrderServiceTests
{
    [Fact]
    public async Task PlaceAsync_saves_the_order()
    {
        var store = new Mock<IOrderStore>();

        var order = await new OrderService(store.Object).PlaceAsync("A-1", 12.5m);

        store.Verify(s => s.SaveAsync(order, It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal("A-1", order.Id);
    }

    // The store is slower than the caller allows: an async failure.
    [Fact]
    public async Task PlaceAsync_honours_the_callers_deadline()
    {
        var store = new Mock<IOrderStore>();
        store.Setup(s => s.SaveAsync(It.IsAny<Order>(), It.IsAny<CancellationToken>()))
            .Returns<Order, CancellationToken>((_, token) => Task.Delay(1000, token));
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(20));

        await new OrderService(store.Object).PlaceAsync("A-2", 1m, deadline.Token);
    }
}
