using System.Data.Common;
using System.Diagnostics;
using Dapper;
using MassTransit;
using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Messaging;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Earmarking.Pools;

/// <summary>
/// A contribution credits the pool its earmark names, once. Unearmarked money goes to the fund's core window.
/// </summary>
public sealed class ContributionReceivedConsumer(Database database, OutboxSignal outbox, ILogger<ContributionReceivedConsumer> logger)
    : TransactionalConsumer<ContributionReceived>(database, outbox, logger)
{
    public const string CoreWindow = "core";

    protected override async Task HandleAsync(ConsumeContext<ContributionReceived> context, DbTransaction transaction)
    {
        var c = context.Message;
        var connection = transaction.Connection!;
        var now = DateTimeOffset.UtcNow;
        var claimed = await connection.ExecuteAsync(Database.Sql["pools.record_credit"], new
        {
            c.ContributionId, c.Amount, c.ValueDate, CreditedAt = now, TraceId = Activity.Current?.TraceId.ToString(),
        }, transaction);
        if (claimed == 0)
        {
            logger.LogInformation("Contribution {ContributionId} already credited; nothing to do", c.ContributionId);
            return;
        }

        var poolId = await connection.ExecuteScalarAsync<long>(Database.Sql["pools.credit"], new
        {
            c.FundId,
            EarmarkKind = c.Earmark.Kind,
            WindowId = c.Earmark.Kind == EarmarkKinds.Unearmarked ? CoreWindow : c.Earmark.WindowId,
            ProjectId = c.Earmark.ProjectId ?? "",
            c.DonorId,
            c.Currency,
            c.Amount,
            Now = now,
        }, transaction);
        await connection.ExecuteAsync(Database.Sql["pools.attach_credit"], new { PoolId = poolId, c.ContributionId }, transaction);
        logger.LogInformation("Credited {Amount} {Currency} of contribution {ContributionId} to pool {PoolId}", c.Amount, c.Currency, c.ContributionId, poolId);
    }
}
