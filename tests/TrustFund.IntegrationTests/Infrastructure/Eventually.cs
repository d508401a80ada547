namespace TrustFund.IntegrationTests.Infrastructure;

public static class Eventually
{
    /// <summary>Polls until <paramref name="probe"/> returns a value (not null) or the time is up.</summary>
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }
            await Task.Delay(100);
        }
    }

    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null)
        where T : struct
    {
        var value = await GetAsync(async () => await probe() is { } found ? new Box<T>(found) : null, what, timeout);
        return value.Value;
    }

    private sealed record Box<T>(T Value);
}
