using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Reporting.Ledger;

public sealed class PledgeCancelledConsumer(Database database, OutboxSignal outbox, ILogger<PledgeCancelledConsumer> logger)
    : PledgeChangeConsumer<PledgeCancelled>(database, outbox, logger, m => m.PledgeId, PledgePostings.Cancelled);

public sealed class PledgeCancelledConsumerDefinition : PledgeBookConsumerDefinition<PledgeCancelledConsumer>;
