namespace TrustFund.Hosting.Storage;

/// <summary>Runs a whole unit of work again, a few times with a short pause, when it fails transiently.</summary>
public static class TransientRetry
{
    public const int Attempts = 3;

    public static async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work();
            }
            catch (Exception e) when (attempt < Attempts && !cancellationToken.IsCancellationRequested && TransientErrors.IsTransient(e))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt * attempt), cancellationToken);
            }
        }
    }
}
