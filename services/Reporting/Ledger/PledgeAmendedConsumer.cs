using System.Data.Common;
using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Reporting.Ledger;

public sealed class PledgeAmendedConsumer(Database database, OutboxSignal outbox, ILogger<PledgeAmendedConsumer> logger)
    : PledgeChangeConsumer<PledgeAmended>(database, outbox, logger, m => m.PledgeId, PledgePostings.Amended)
{
    protected override Task AfterPostingAsync(PledgeAmended message, DbTransaction transaction) =>
        PledgeBook.ScheduleAsync(Database, transaction, message.PledgeId, message.Instalments);
}

public sealed class PledgeAmendedConsumerDefinition : PledgeBookConsumerDefinition<PledgeAmendedConsumer>;
