using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Messaging;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Disbursements.Structure;

/// <summary>Each project's lead, partner, window and status, from Earmarking; the highest version wins.</summary>
public sealed class ProjectChangedConsumer(Database database, OutboxSignal signal, ILogger<ProjectChangedConsumer> logger)
    : CopyConsumer<ProjectChanged>(database, signal, logger, "structure.project_upsert",
        p => new { p.FundId, p.ProjectId, p.WindowId, p.ProjectLead, p.PartnerId, p.Status, p.Version, p.ChangedAt });
