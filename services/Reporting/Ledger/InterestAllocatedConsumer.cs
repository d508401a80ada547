using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Reporting.Ledger;

public sealed class InterestAllocatedConsumer(Database database, OutboxSignal outbox, ILogger<InterestAllocatedConsumer> logger)
    : PostingConsumer<InterestAllocated>(database, outbox, logger, PostingRules.For);
