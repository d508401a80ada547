using System.Data.Common;
using MassTransit;
using TrustFund.Hosting.Messaging;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Reporting.Ledger;

/// <summary>A later event of a booked pledge: the entry is computed from the pledge as the ledger carries it.</summary>
public abstract class PledgeChangeConsumer<T>(Database database, OutboxSignal outbox, ILogger logger, Func<T, Guid> pledgeOf,
    Func<BookedPledge, T, (JournalEntry? Entry, BookedPledge After)> rule)
    : TransactionalConsumer<T>(database, outbox, logger)
    where T : class
{
    protected override async Task HandleAsync(ConsumeContext<T> context, DbTransaction transaction)
    {
        var pledge = await PledgeBook.LockAsync(Database, transaction, pledgeOf(context.Message));
        var (entry, after) = rule(pledge, context.Message);
        // A change with nothing to post (new dates, same amount) still updates what the book keeps of it.
        if (await PledgeBook.PostAsync(Database, transaction, entry, after, context.MessageId!.Value) || entry is null)
        {
            await AfterPostingAsync(context.Message, transaction);
        }
    }

    protected virtual Task AfterPostingAsync(T message, DbTransaction transaction) => Task.CompletedTask;
}
