using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Messaging;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Reporting.Structure;

/// <summary>
/// Reporting's copy of funds, windows and projects, from Earmarking's events: what exports name the ledger's figures by
/// (never a source of figures). The highest version wins.
/// </summary>
public sealed class FundChangedConsumer(Database database, OutboxSignal signal, ILogger<FundChangedConsumer> logger)
    : CopyConsumer<FundChanged>(database, signal, logger, "structure.fund_upsert", f => new { f.FundId, f.Name, f.BaseCurrency, f.Version, f.ChangedAt });
