using System.Data.Common;
using MassTransit;
using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Messaging;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Reporting.Ledger;

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

public sealed class ContributionReceivedConsumerDefinition : PledgeBookConsumerDefinition<ContributionReceivedConsumer>;
