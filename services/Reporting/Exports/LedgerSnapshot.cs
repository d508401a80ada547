using System.Data;
using Dapper;
using TrustFund.Hosting.Storage;
using TrustFund.Reporting.Ledger;
using TrustFund.Reporting.Statements;

namespace TrustFund.Reporting.Exports;

/// <summary>A statement and the ledger's state it was read from, taken together.</summary>
public sealed record LedgerSnapshot(ExportDocument Document, LedgerRange Range)
{
    /// <summary>
    /// Reads the statement, the fund's entries in the period and the chain's last link in one REPEATABLE READ
    /// transaction: entries and their links commit together under the chain lock, so the chain hash read here is the
    /// hash of a ledger that holds exactly the entries the statement was computed from. Null when the ledger has no
    /// entry of the fund at all.
    /// </summary>
    public static async Task<LedgerSnapshot?> ReadAsync(Database database, StatementExport statement, string fundId, DateOnly from, DateOnly to,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        if (await connection.ExecuteScalarAsync<long>(database.Sql["ledger.fund_entry_count"], new { FundId = fundId }, tx) == 0)
        {
            return null;
        }
        var document = await statement.BuildAsync(new StatementQuery(database, connection, tx, fundId, from, to));
        var entries = await connection.QuerySingleAsync<(long? First, long? Last, long Count)>(database.Sql["ledger.fund_period_range"],
            new { FundId = fundId, From = from, To = to }, tx);
        var head = await connection.QuerySingleOrDefaultAsync<ChainLink>(database.Sql["chain.head"], transaction: tx);
        var closed = await IsClosedAsync(database, tx, from, to);
        await tx.CommitAsync(cancellationToken);
        return new LedgerSnapshot(
            document with
            {
                Notes = [.. document.Notes, closed
                    ? "The period is closed: nothing more is posted into it, so these figures are final."
                    : "The period is not closed: entries may still be posted into it and change these figures."],
            },
            new LedgerRange(entries.First, entries.Last, entries.Count, head?.Position ?? 0, head?.EntryHash ?? EntryHash.Genesis));
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
