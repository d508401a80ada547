using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Reporting.Ledger;

public sealed class ContributionPooledConsumer(Database database, OutboxSignal outbox, ILogger<ContributionPooledConsumer> logger)
    : PostingConsumer<ContributionPooled>(database, outbox, logger, PostingRules.For);
