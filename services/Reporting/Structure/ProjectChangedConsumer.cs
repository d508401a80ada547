using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Messaging;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Reporting.Structure;

public sealed class ProjectChangedConsumer(Database database, OutboxSignal signal, ILogger<ProjectChangedConsumer> logger)
    : CopyConsumer<ProjectChanged>(database, signal, logger, "structure.project_upsert",
        p => new { p.FundId, p.ProjectId, p.WindowId, p.Name, p.ProjectLead, p.PartnerId, p.Status, p.Version, p.ChangedAt });
