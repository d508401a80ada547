using System.Data.Common;
using System.Diagnostics;
using Dapper;
using MassTransit;
using TrustFund.Hosting.Storage;

namespace TrustFund.Reporting.Ledger;

public static class LedgerWriter
{
    /// <summary>Writes a balanced entry once per source; returns its id, or null when the source was posted before.</summary>
    public static async Task<long?> PostAsync(Database database, DbTransaction transaction, JournalEntry entry, Guid sourceMessageId)
    {
        entry.EnsureBalanced();
        var connection = transaction.Connection!;
        // Under the chain lock, which closing a period takes too: an entry never slips into a period being closed.
        await connection.ExecuteAsync(database.Sql["chain.lock"], transaction: transaction);
        var postingDate = entry.ValueDate;
        while (await connection.ExecuteScalarAsync<DateOnly?>(database.Sql["periods.closed_containing"], new { Date = postingDate }, transaction) is { } closedUntil)
        {
            postingDate = closedUntil.AddDays(1);
        }
        var entryId = await connection.ExecuteScalarAsync<long?>(database.Sql["ledger.claim_source"], new
        {
            entry.SourceType, entry.SourceId, SourceMessageId = sourceMessageId, entry.FundId, entry.ValueDate, entry.Description,
            PostedAt = DateTimeOffset.UtcNow, TraceId = Activity.Current?.TraceId.ToString(), PostingDate = postingDate,
            Adjustment = postingDate != entry.ValueDate, entry.ProjectId, entry.PartnerId, entry.BaseCurrency, entry.WindowId, entry.PledgeId,
        }, transaction);
        if (entryId is null)
        {
            return null;
        }
        await connection.ExecuteAsync(database.Sql["ledger.insert_line"], new
        {
            EntryId = entryId,
            LineNos = database.List(Enumerable.Range(1, entry.Lines.Count)),
            Accounts = database.List(entry.Lines.Select(l => l.Account)),
            DonorIds = database.List(entry.Lines.Select(l => l.DonorId)),
            Currencies = database.List(entry.Lines.Select(l => l.Currency)),
            Debits = database.List(entry.Lines.Select(l => l.Debit)),
            Credits = database.List(entry.Lines.Select(l => l.Credit)),
            BaseDebits = database.List(entry.Lines.Select(l => l.BaseDebitValue)),
            BaseCredits = database.List(entry.Lines.Select(l => l.BaseCreditValue)),
            EarmarkKinds = database.List(entry.Lines.Select(l => l.EarmarkKind)),
        }, transaction);
        // Hashed from what was just written, as the chain will read it back: no reading back under the lock.
        await LedgerChain.ChainAsync(database, transaction, new StoredEntry(entryId.Value, entry.SourceType, entry.SourceId, entry.FundId, entry.ValueDate,
            entry.Description, [.. entry.Lines.Select((l, i) => new LedgerLine(i + 1, l.Account, l.DonorId, l.Currency, l.Debit, l.Credit,
                l.BaseDebitValue, l.BaseCreditValue, l.EarmarkKind))],
            postingDate, postingDate != entry.ValueDate, entry.ProjectId, entry.PartnerId, entry.BaseCurrency, entry.WindowId, entry.PledgeId));
        return entryId;
    }
}
