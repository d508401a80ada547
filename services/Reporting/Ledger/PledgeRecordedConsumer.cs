using System.Data.Common;
using Dapper;
using MassTransit;
using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Messaging;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Reporting.Ledger;

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
