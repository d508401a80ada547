using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Reporting.Ledger;

public sealed class FundsDisbursedConsumer(Database database, OutboxSignal outbox, ILogger<FundsDisbursedConsumer> logger)
    : PostingConsumer<FundsDisbursed>(database, outbox, logger, PostingRules.For);
