using Dapper;
using TrustFund.Hosting.Storage;
using TrustFund.Reporting.Ledger;
using TrustFund.Reporting.Statements;

namespace TrustFund.Reporting.Exports;

/// <summary>What an export was read from the ledger (a statement, or the records of an IATI file), with the ledger's state, taken together.</summary>
public sealed record LedgerSnapshot<T>(T Content, LedgerRange Range, bool Closed);

public static class LedgerSnapshot
{
    /// <summary>
    /// Reads what is exported, the fund's entries in the period and the chain's last link in one snapshot
    /// transaction: entries and their links commit together under the chain lock, so the chain hash read here is the
    /// hash of a ledger that holds exactly the entries the statement was computed from. Null when the ledger has no
    /// entry of the fund at all.
    /// </summary>
    public static async Task<LedgerSnapshot<T>?> ReadAsync<T>(Database database, Func<StatementQuery, Task<T>> read, string fundId, string? donorId,
        DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(database.SnapshotIsolation, cancellationToken);
        if (await connection.ExecuteScalarAsync<long>(database.Sql["ledger.fund_entry_count"], new { FundId = fundId }, tx) == 0)
        {
            return null;
        }
        var content = await read(new StatementQuery(database, connection, tx, fundId, from, to, donorId));
        var entries = await connection.QuerySingleAsync<(long? First, long? Last, long Count)>(database.Sql["ledger.fund_period_range"],
            new { FundId = fundId, From = from, To = to }, tx);
        var head = await connection.QuerySingleOrDefaultAsync<ChainLink>(database.Sql["chain.head"], transaction: tx);
        var closed = await IsClosedAsync(database, tx, from, to);
        await tx.CommitAsync(cancellationToken);
        return new LedgerSnapshot<T>(content,
            new LedgerRange(entries.First, entries.Last, entries.Count, head?.Position ?? 0, head?.EntryHash ?? EntryHash.Genesis), closed);
    }

    /// <summary>Whether closed periods cover every day from <paramref name="from"/> to <paramref name="to"/>.</summary>
    private static async Task<bool> IsClosedAsync(Database database, System.Data.Common.DbTransaction tx, DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to;)
        {
            if (await tx.Connection!.ExecuteScalarAsync<DateOnly?>(database.Sql["periods.closed_containing"], new { Date = day }, tx) is not { } end)
            {
                return false;
            }
            day = end.AddDays(1);
        }
        return true;
    }
}
