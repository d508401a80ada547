using System.Data.Common;
using Dapper;
using TrustFund.Contracts.Amounts;
using TrustFund.Hosting.Storage;

namespace TrustFund.Earmarking.Pools;

/// <summary>Creates pools on first use and adds receipts (lots) to them, inside the caller's transaction.</summary>
public sealed class PoolBook(Database database, TimeProvider clock)
{
    public Task<long> EnsurePoolAsync(DbTransaction tx, string fundId, PoolTarget target, string donorId, Currency currency) =>
        tx.Connection!.ExecuteScalarAsync<long>(database.Sql["pools.ensure"], new
        {
            FundId = fundId, target.PoolKind, target.WindowId, target.ProjectId, DonorId = donorId, Currency = currency.Code, Now = clock.GetUtcNow(),
        }, tx);

    public Task<long> EnsureFeePoolAsync(DbTransaction tx, string fundId, Currency currency) =>
        EnsurePoolAsync(tx, fundId, new PoolTarget(PoolTarget.Fee, "", "", null), "", currency);

    /// <summary>Adds a receipt of <paramref name="amount"/> (positive) to a pool; returns the new lot's id.</summary>
    public Task<long> AddLotAsync(DbTransaction tx, long poolId, string origin, string sourceId, DateOnly valueDate, Money amount) =>
        tx.Connection!.ExecuteScalarAsync<long>(database.Sql["lots.add"], new
        {
            PoolId = poolId, Origin = origin, SourceId = sourceId, ValueDate = valueDate, amount.Amount, Now = clock.GetUtcNow(),
        }, tx);

    /// <summary>Locks lots in the order every transaction uses, so concurrent movements never deadlock.</summary>
    public Task LockLotsAsync(DbTransaction tx, IEnumerable<long> lotIds) =>
        tx.Connection!.QueryAsync<long>(database.Sql["lots.lock"], new { LotIds = database.List(lotIds.Distinct()) }, tx);
}
