using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Messaging;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Pledges.Structure;

public sealed class ProjectChangedConsumer(Database database, OutboxSignal signal, ILogger<ProjectChangedConsumer> logger)
    : CopyConsumer<ProjectChanged>(database, signal, logger, "structure.project_upsert",
        p => new { p.FundId, p.ProjectId, p.WindowId, p.Status, p.Version, p.ChangedAt });
