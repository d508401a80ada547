using System.Data.Common;
using System.Diagnostics;
using Dapper;
using MassTransit;
using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Messaging;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Reporting.Ledger;

public sealed class ContributionReceivedConsumer(Database database, OutboxSignal outbox, ILogger<ContributionReceivedConsumer> logger)
    : TransactionalConsumer<ContributionReceived>(database, outbox, logger)
{
    protected override async Task HandleAsync(ConsumeContext<ContributionReceived> context, DbTransaction transaction)
    {
        var entry = PostingRules.For(context.Message);
        var entryId = await LedgerWriter.PostAsync(Database, transaction, entry, context.MessageId!.Value);
        if (entryId is null)
        {
            logger.LogInformation("Contribution {ContributionId} already posted; nothing to do", context.Message.ContributionId);
        }
    }
}

public static class LedgerWriter
{
    /// <summary>Writes a balanced entry once per source; returns its id, or null when the source was posted before.</summary>
    public static async Task<long?> PostAsync(Database database, DbTransaction transaction, JournalEntry entry, Guid sourceMessageId)
    {
        entry.EnsureBalanced();
        var connection = transaction.Connection!;
        var entryId = await connection.ExecuteScalarAsync<long?>(database.Sql["ledger.claim_source"], new
        {
            entry.SourceType, entry.SourceId, SourceMessageId = sourceMessageId, entry.FundId, entry.ValueDate, entry.Description,
            PostedAt = DateTimeOffset.UtcNow, TraceId = Activity.Current?.TraceId.ToString(),
        }, transaction);
        if (entryId is null)
        {
            return null;
        }
        await connection.ExecuteAsync(database.Sql["ledger.insert_line"], entry.Lines.Select((line, i) => new
        {
            EntryId = entryId, LineNo = i + 1, line.Account, line.DonorId, line.Currency, line.Debit, line.Credit,
        }), transaction);
        await LedgerChain.ChainAsync(database, transaction, entryId.Value);
        return entryId;
    }
}
