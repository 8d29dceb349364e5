namespace Shop.Workers;

public class InvoiceWorker
{
    public async Task<int> RunAsync(IEnumerable<string> orderIds, CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var id in orderIds)
        {
            await Task.Delay(10, cancellationToken);
            sent += id.Length > 0 ? 1 : 0;
        }

        return sent;
    }

    // Not covered yet.
    public async Task<int> RetryFailedAsync(IReadOnlyList<string> failed, int attempts, CancellationToken cancellationToken)
    {
        var sent = 0;
        for (var attempt = 0; attempt < attempts && sent < failed.Count; attempt++)
        {
            sent += await RunAsync(failed.Skip(sent), cancellationToken);
        }

        return sent;
    }
}
