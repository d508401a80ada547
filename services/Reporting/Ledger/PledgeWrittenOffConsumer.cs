using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Reporting.Ledger;

public sealed class PledgeWrittenOffConsumer(Database database, OutboxSignal outbox, ILogger<PledgeWrittenOffConsumer> logger)
    : PledgeChangeConsumer<PledgeWrittenOff>(database, outbox, logger, m => m.PledgeId, PledgePostings.WrittenOff);

public sealed class PledgeWrittenOffConsumerDefinition : PledgeBookConsumerDefinition<PledgeWrittenOffConsumer>;
