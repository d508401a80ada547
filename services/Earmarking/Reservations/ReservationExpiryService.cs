using Dapper;
using Microsoft.Extensions.Options;
using TrustFund.Hosting.Audit;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Earmarking.Reservations;

/// <summary>
/// Releases reservations whose hold time and then the consume grace have passed, one per transaction, judged on the
/// database server's clock. The grace is what keeps a payment Disbursements accepted just before the expiry from
/// finding its hold gone. Several replicas may run it: each skips the rows another holds.
/// </summary>
public sealed class ReservationExpiryService(
    Database database, ReservationBook book, OutboxSignal signal, IOptions<ReservationOptions> options, ILogger<ReservationExpiryService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ExpiryPollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                while (await ExpireOneAsync(stoppingToken))
                {
                    signal.Wake();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The sweep must outlive a database restart; the next tick tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "Reservation expiry sweep failed; retrying on the next tick");
            }
        }
    }

    public async Task<bool> ExpireOneAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var due = await connection.QuerySingleOrDefaultAsync<Guid?>(database.Sql["reservations.next_due"], new { GraceSeconds = (int)Math.Ceiling(options.Value.ConsumeGrace.TotalSeconds) }, tx);
        if (due is null)
        {
            return false;
        }
        await book.ReleaseAsync(tx, due.Value, ReservationStatuses.Expired, "hold time elapsed", AuditTrail.System);
        await tx.CommitAsync(cancellationToken);
        return true;
    }
}
