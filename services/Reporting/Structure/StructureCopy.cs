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

public sealed class WindowChangedConsumer(Database database, OutboxSignal signal, ILogger<WindowChangedConsumer> logger)
    : CopyConsumer<WindowChanged>(database, signal, logger, "structure.window_upsert",
        w => new { w.FundId, w.WindowId, w.Name, w.Status, w.Version, w.ChangedAt });

public sealed class ProjectChangedConsumer(Database database, OutboxSignal signal, ILogger<ProjectChangedConsumer> logger)
    : CopyConsumer<ProjectChanged>(database, signal, logger, "structure.project_upsert",
        p => new { p.FundId, p.ProjectId, p.WindowId, p.Name, p.ProjectLead, p.PartnerId, p.Status, p.Version, p.ChangedAt });
