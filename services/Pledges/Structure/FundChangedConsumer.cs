using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Messaging;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Pledges.Structure;

/// <summary>The local copy of funds, windows and projects, from Earmarking's events.</summary>
public sealed class FundChangedConsumer(Database database, OutboxSignal signal, ILogger<FundChangedConsumer> logger)
    : CopyConsumer<FundChanged>(database, signal, logger, "structure.fund_upsert",
        f => new { f.FundId, f.Name, f.BaseCurrency, f.FinancingModel, f.Version, f.ChangedAt });
