using Microsoft.Extensions.Options;
using TrustFund.Hosting.Audit;
using TrustFund.Hosting.Storage;

namespace TrustFund.Reporting.Ledger;

/// <summary>
/// Every <c>Ledger:CheckpointInterval</c>, checkpoints the chain's head if it has moved since the last checkpoint, so the
/// ledger is never far ahead of a signed record of it even when nobody asks for one.
/// </summary>
internal sealed class CheckpointService(Database database, CheckpointSigner signer, AuditTrail audit, TimeProvider clock,
    IOptions<CheckpointOptions> options, ILogger<CheckpointService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckpointInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await TakeAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task TakeAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(stoppingToken);
            await using var tx = await connection.BeginTransactionAsync(stoppingToken);
            var taken = await TakeCheckpoint.RecordAsync(tx, database, signer, audit, clock, AuditTrail.System, onlyIfMoved: true);
            await tx.CommitAsync(stoppingToken);
            if (taken is not null)
            {
                logger.LogInformation("Ledger checkpoint {CheckpointId} at chain position {Position}", taken.CheckpointId, taken.Position);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A missed checkpoint must not take the service down; the next interval tries again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Ledger checkpoint failed");
        }
    }
}
