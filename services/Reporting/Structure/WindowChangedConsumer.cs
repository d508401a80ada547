using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Messaging;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Reporting.Structure;

public sealed class WindowChangedConsumer(Database database, OutboxSignal signal, ILogger<WindowChangedConsumer> logger)
    : CopyConsumer<WindowChanged>(database, signal, logger, "structure.window_upsert",
        w => new { w.FundId, w.WindowId, w.Name, w.Status, w.Version, w.ChangedAt });
