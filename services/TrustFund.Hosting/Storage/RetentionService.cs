using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrustFund.Hosting.Outbox;

namespace TrustFund.Hosting.Storage;

/// <summary>
/// Deletes what the reliability tables no longer need: sent outbox rows after a week, inbox rows after 30 days
/// (far beyond any redelivery), idempotency keys once expired.
/// </summary>
internal sealed class RetentionService(Database database, IOptions<OutboxOptions> outbox, ILogger<RetentionService> logger) : BackgroundService
{
    private static readonly TimeSpan KeepInbox = TimeSpan.FromDays(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            try
            {
                var now = DateTimeOffset.UtcNow;
                await using var connection = await database.OpenAsync(stoppingToken);
                var sent = await connection.ExecuteAsync(database.Sql["outbox.purge"], new { Before = now - outbox.Value.KeepSent });
                var inbox = await connection.ExecuteAsync(database.Sql["inbox.purge"], new { Before = now - KeepInbox });
                var keys = await connection.ExecuteAsync(database.Sql["idempotency.purge"], new { Now = now });
                logger.LogInformation("Retention removed {Sent} sent outbox rows, {Inbox} inbox rows, {Keys} expired idempotency keys", sent, inbox, keys);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Housekeeping must not take the service down; the next hour tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "Retention run failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
