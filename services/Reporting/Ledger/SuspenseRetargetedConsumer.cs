using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Reporting.Ledger;

public sealed class SuspenseRetargetedConsumer(Database database, OutboxSignal outbox, ILogger<SuspenseRetargetedConsumer> logger)
    : PostingConsumer<SuspenseRetargeted>(database, outbox, logger, PostingRules.For);
