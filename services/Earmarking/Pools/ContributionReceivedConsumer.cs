using System.Data.Common;
using System.Diagnostics;
using Dapper;
using MassTransit;
using TrustFund.Contracts.Amounts;
using TrustFund.Contracts.Messages;
using TrustFund.Earmarking.Structure;
using TrustFund.Hosting.Audit;
using TrustFund.Hosting.Messaging;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Earmarking.Pools;

/// <summary>
/// Books a contribution once: the trustee's fee to the fund's fee pool, the rest to the pool its earmark names,
/// or to suspense when that target is closed or unknown, or when the amount is not in the fund's base currency.
/// </summary>
public sealed class ContributionReceivedConsumer(
    Database database, OutboxSignal signal, OutboxWriter outbox, PoolBook pools, AuditTrail audit, TimeProvider clock,
    ILogger<ContributionReceivedConsumer> logger)
    : TransactionalConsumer<ContributionReceived>(database, signal, logger)
{
    protected override async Task HandleAsync(ConsumeContext<ContributionReceived> context, DbTransaction transaction)
    {
        var c = context.Message;
        var connection = transaction.Connection!;
        await connection.ExecuteAsync(Database.Sql["locks.advisory"], new { Key = $"receipt:{c.ContributionId}" }, transaction);
        if (await connection.ExecuteScalarAsync<long>(Database.Sql["receipts.exists"], new { c.ContributionId }, transaction) > 0)
        {
            logger.LogInformation("Contribution {ContributionId} already booked; nothing to do", c.ContributionId);
            return;
        }
        if (!Currency.TryFromCode(c.Currency, out var currency) || !Money.TryOf(c.Amount, currency, out var amount, out _) || !amount.IsPositive)
        {
            throw new InvalidMessageException($"Contribution {c.ContributionId} carries an invalid amount {c.Amount} {c.Currency}.");
        }

        var fund = await connection.QuerySingleOrDefaultAsync<FundRow>(Database.Sql["funds.get"], new { c.FundId }, transaction);
        var window = c.Earmark.WindowId is null ? null
            : await connection.QuerySingleOrDefaultAsync<WindowRow>(Database.Sql["windows.get"], new { c.FundId, c.Earmark.WindowId }, transaction);
        var project = c.Earmark.ProjectId is null ? null
            : await connection.QuerySingleOrDefaultAsync<ProjectRow>(Database.Sql["projects.find"], new { c.FundId, c.Earmark.ProjectId }, transaction);
        var target = PoolTargets.Resolve(c.Earmark, fund, window, project);

        // Pools hold the fund's base currency. Money in another currency without a base amount waits in suspense, whole.
        var baseAmount = fund is null ? amount : InBaseCurrency(c, amount, fund.Currency);
        if (fund is not null && baseAmount is null)
        {
            target = PoolTargets.Hold(c.Earmark, SuspenseReasons.NotInBaseCurrency);
        }
        var pooled = baseAmount ?? amount;
        var (fee, net) = fund is null || baseAmount is null ? (Money.Zero(pooled.Currency), pooled) : Fees.Split(pooled, fund.FeeRate);

        var source = c.ContributionId.ToString();
        if (fee.IsPositive)
        {
            var feePool = await pools.EnsureFeePoolAsync(transaction, c.FundId, fee.Currency);
            await pools.AddLotAsync(transaction, feePool, "fee", source, c.ValueDate, fee);
        }
        var poolId = await pools.EnsurePoolAsync(transaction, c.FundId, target, c.DonorId, net.Currency);
        var lotId = await pools.AddLotAsync(transaction, poolId, "contribution", source, c.ValueDate, net);

        await connection.ExecuteAsync(Database.Sql["receipts.insert"], new
        {
            c.ContributionId, c.FundId, c.DonorId, EarmarkKind = c.Earmark.Kind, c.Earmark.WindowId, c.Earmark.ProjectId,
            Amount = amount.Amount, Currency = currency.Code, BaseAmount = pooled.Amount, BaseCurrency = pooled.Currency.Code,
            Fee = fee.Amount, Net = net.Amount, PoolId = poolId, LotId = lotId, target.SuspenseReason, c.ValueDate,
            ReceivedAt = clock.GetUtcNow(), TraceId = Activity.Current?.TraceId.ToString(),
        }, transaction);

        await outbox.EnqueueAsync(transaction, new ContributionPooled
        {
            ContributionId = c.ContributionId, FundId = c.FundId, DonorId = c.DonorId, Earmark = c.Earmark, Currency = pooled.Currency.Code,
            Gross = pooled.Amount, Fee = fee.Amount, Net = net.Amount, SuspenseReason = target.SuspenseReason, PoolId = poolId, ValueDate = c.ValueDate,
        }, $"contribution:{c.ContributionId}");
        await audit.RecordAsync(transaction, c.RecordedBy, "contribution.pooled", "contribution", source,
            new { c.FundId, c.DonorId, c.Earmark, gross = pooled.Amount, fee = fee.Amount, net = net.Amount, poolId, target.SuspenseReason });

        if (target.IsSuspense)
        {
            logger.LogWarning("Contribution {ContributionId} of {Amount} held in suspense for fund {FundId}: {Reason}",
                c.ContributionId, net, c.FundId, target.SuspenseReason);
        }
        else
        {
            logger.LogInformation("Credited contribution {ContributionId}: fee {Fee}, {Net} to pool {PoolId}", c.ContributionId, fee, net, poolId);
        }
    }

    private static Money? InBaseCurrency(ContributionReceived c, Money amount, Currency baseCurrency)
    {
        if (amount.Currency == baseCurrency)
        {
            return amount;
        }
        return c.BaseAmount is { } converted && c.BaseCurrency == baseCurrency.Code && Money.TryOf(converted, baseCurrency, out var money, out _) && money.IsPositive
            ? money
            : null;
    }
}
