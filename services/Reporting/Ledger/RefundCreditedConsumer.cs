using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Reporting.Ledger;

public sealed class RefundCreditedConsumer(Database database, OutboxSignal outbox, ILogger<RefundCreditedConsumer> logger)
    : PostingConsumer<RefundCredited>(database, outbox, logger, PostingRules.For);
