using System.Data.Common;
using MassTransit;
using TrustFund.Hosting.Messaging;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Reporting.Ledger;

/// <summary>Posts the journal entry an event implies, once per source document, with the event's message id.</summary>
public abstract class PostingConsumer<T>(Database database, OutboxSignal outbox, ILogger logger, Func<T, JournalEntry?> rule)
    : TransactionalConsumer<T>(database, outbox, logger)
    where T : class
{
    protected override async Task HandleAsync(ConsumeContext<T> context, DbTransaction transaction)
    {
        if (rule(context.Message) is not { } entry)
        {
            return;
        }
        // Posted before (the same source under another message id): the unique source key makes this a no-op.
        await LedgerWriter.PostAsync(Database, transaction, entry, context.MessageId!.Value);
    }
}
