using System.Data.Common;
using Dapper;
using MassTransit;
using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Messaging;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Reporting.Ledger;

/// <summary>
/// An event of a pledge the ledger has not booked yet: its <see cref="PledgeRecorded"/> travels on another queue and is
/// still on its way. Retried (see <see cref="PledgeBookConsumerDefinition{T}"/>), never dropped.
/// </summary>
public sealed class PledgeNotBookedException(Guid pledgeId) : Exception($"Pledge {pledgeId} is not in the ledger's pledge book yet.");

/// <summary>The ledger's book of pledges: loaded under lock, saved with the entry that changed it.</summary>
public static class PledgeBook
{
    public static async Task<BookedPledge> LockAsync(Database database, DbTransaction tx, Guid pledgeId) =>
        await tx.Connection!.QuerySingleOrDefaultAsync<BookedPledge>(database.Sql["pledge_book.lock"], new { PledgeId = pledgeId }, tx)
        ?? throw new PledgeNotBookedException(pledgeId);

    public static Task SaveAsync(Database database, DbTransaction tx, BookedPledge pledge) =>
        tx.Connection!.ExecuteAsync(database.Sql["pledge_book.save"], pledge, tx);

    public static Task ScheduleAsync(Database database, DbTransaction tx, Guid pledgeId, IReadOnlyList<InstalmentTerms> schedule) =>
        tx.Connection!.ExecuteAsync(database.Sql["pledge_book.schedule"], new
        {
            PledgeId = pledgeId, Nos = schedule.Select(i => i.No).ToArray(), DueDates = schedule.Select(i => i.DueDate).ToArray(),
            Amounts = schedule.Select(i => i.Amount).ToArray(),
        }, tx);

    /// <summary>Posts the entry a change implies and keeps the book in step; a change posted before changes nothing.</summary>
    public static async Task<bool> PostAsync(Database database, DbTransaction tx, JournalEntry? entry, BookedPledge after, Guid messageId)
    {
        if (entry is null || await LedgerWriter.PostAsync(database, tx, entry, messageId) is null)
        {
            return false;
        }
        await SaveAsync(database, tx, after);
        return true;
    }
}

public sealed class PledgeRecordedConsumer(Database database, OutboxSignal outbox, ILogger<PledgeRecordedConsumer> logger)
    : TransactionalConsumer<PledgeRecorded>(database, outbox, logger)
{
    protected override async Task HandleAsync(ConsumeContext<PledgeRecorded> context, DbTransaction transaction)
    {
        var (entry, after) = PledgePostings.Recorded(context.Message);
        var booked = PledgePostings.Book(context.Message);
        if (await transaction.Connection!.ExecuteAsync(Database.Sql["pledge_book.insert"], booked, transaction) == 0)
        {
            return;
        }
        await PledgeBook.PostAsync(Database, transaction, entry, after, context.MessageId!.Value);
        await PledgeBook.ScheduleAsync(Database, transaction, context.Message.PledgeId, context.Message.Instalments);
    }
}

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

public sealed class PledgeAmendedConsumer(Database database, OutboxSignal outbox, ILogger<PledgeAmendedConsumer> logger)
    : PledgeChangeConsumer<PledgeAmended>(database, outbox, logger, m => m.PledgeId, PledgePostings.Amended)
{
    protected override Task AfterPostingAsync(PledgeAmended message, DbTransaction transaction) =>
        PledgeBook.ScheduleAsync(Database, transaction, message.PledgeId, message.Instalments);
}

public sealed class PledgeCancelledConsumer(Database database, OutboxSignal outbox, ILogger<PledgeCancelledConsumer> logger)
    : PledgeChangeConsumer<PledgeCancelled>(database, outbox, logger, m => m.PledgeId, PledgePostings.Cancelled);

public sealed class PledgeWrittenOffConsumer(Database database, OutboxSignal outbox, ILogger<PledgeWrittenOffConsumer> logger)
    : PledgeChangeConsumer<PledgeWrittenOff>(database, outbox, logger, m => m.PledgeId, PledgePostings.WrittenOff);

/// <summary>Cash received: against a pledge's receivable when it pays one, otherwise revenue at once.</summary>
public sealed class ContributionReceivedConsumer(Database database, OutboxSignal outbox, ILogger<ContributionReceivedConsumer> logger)
    : TransactionalConsumer<ContributionReceived>(database, outbox, logger)
{
    protected override async Task HandleAsync(ConsumeContext<ContributionReceived> context, DbTransaction transaction)
    {
        var c = context.Message;
        if (c.PledgeId is not { } pledgeId)
        {
            await LedgerWriter.PostAsync(Database, transaction, PostingRules.For(c), context.MessageId!.Value);
            return;
        }
        var pledge = await PledgeBook.LockAsync(Database, transaction, pledgeId);
        var (entry, after) = PledgePostings.Paid(pledge, c);
        await PledgeBook.PostAsync(Database, transaction, entry, after, context.MessageId!.Value);
    }
}

public sealed class AssessmentIssuedConsumer(Database database, OutboxSignal outbox, ILogger<AssessmentIssuedConsumer> logger)
    : CopyConsumer<AssessmentIssued>(database, outbox, logger, "assessments.insert", a => new
    {
        a.AssessmentId, a.FundId, a.Year, a.Sequence, a.Budget, a.Assessed, a.Currency, a.DueDate, a.IssuedAt,
    });

/// <summary>
/// Events of a pledge may overtake its <see cref="PledgeRecorded"/> (each type has its own queue): they wait for it,
/// retried every two seconds for up to two minutes, before the message goes to the error queue.
/// </summary>
public class PledgeBookConsumerDefinition<T> : ConsumerDefinition<T>
    where T : class, IConsumer
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<T> consumerConfigurator,
        IRegistrationContext context) =>
        consumerConfigurator.UseMessageRetry(retry =>
        {
            retry.Handle<PledgeNotBookedException>();
            retry.Interval(60, TimeSpan.FromSeconds(2));
        });
}

public sealed class PledgeAmendedConsumerDefinition : PledgeBookConsumerDefinition<PledgeAmendedConsumer>;

public sealed class PledgeCancelledConsumerDefinition : PledgeBookConsumerDefinition<PledgeCancelledConsumer>;

public sealed class PledgeWrittenOffConsumerDefinition : PledgeBookConsumerDefinition<PledgeWrittenOffConsumer>;

public sealed class ContributionReceivedConsumerDefinition : PledgeBookConsumerDefinition<ContributionReceivedConsumer>;
