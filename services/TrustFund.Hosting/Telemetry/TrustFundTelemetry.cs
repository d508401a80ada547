using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TrustFund.Hosting.Telemetry;

public static class TrustFundTelemetry
{
    public const string Name = "TrustFund";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);
}

public static class TrustFundMetrics
{
    public static readonly Counter<long> OutboxPublished =
        TrustFundTelemetry.Meter.CreateCounter<long>("trustfund.outbox.published", description: "Outbox messages published and confirmed by the broker");

    public static readonly Counter<long> OutboxParked =
        TrustFundTelemetry.Meter.CreateCounter<long>("trustfund.outbox.parked", description: "Outbox messages parked because they can never be published");

    public static readonly Counter<long> InboxDuplicates =
        TrustFundTelemetry.Meter.CreateCounter<long>("trustfund.inbox.duplicates", description: "Messages received again and ignored by the inbox");

    public static readonly Counter<long> IdempotentReplays =
        TrustFundTelemetry.Meter.CreateCounter<long>("trustfund.idempotency.replays", description: "Requests answered from a stored first response");
}
