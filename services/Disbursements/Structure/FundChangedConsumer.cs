using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Messaging;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Disbursements.Structure;

/// <summary>The fund's base currency and two-approver threshold, from Earmarking; the highest version wins.</summary>
public sealed class FundChangedConsumer(Database database, OutboxSignal signal, ILogger<FundChangedConsumer> logger)
    : CopyConsumer<FundChanged>(database, signal, logger, "structure.fund_upsert",
        f => new { f.FundId, f.BaseCurrency, f.TwoApproverThreshold, f.Version, f.ChangedAt });
