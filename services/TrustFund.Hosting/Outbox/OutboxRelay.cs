using System.Diagnostics;
using System.Text.Json;
using Dapper;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrustFund.Hosting.Storage;
using TrustFund.Hosting.Telemetry;

namespace TrustFund.Hosting.Outbox;

/// <summary>
/// Publishes committed outbox messages with publisher confirms, in sequence order, and marks them sent
/// only after the broker confirmed. A crash before the mark re-sends: delivery is at least once, and the
/// consumers' inbox makes it effectively once.
/// </summary>
public sealed class OutboxRelay(
    Database database,
    IBusControl bus,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private static readonly Dictionary<string, Type> Types = typeof(Contracts.Messages.IEvent).Assembly.GetTypes()
        .Where(t => t.FullName is not null).ToDictionary(t => t.FullName!, StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        await WaitForBusAsync(stoppingToken);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var published = await RelayBatchAsync(settings, stoppingToken);
                failures = 0;
                if (published == 0)
                {
                    await signal.WaitAsync(settings.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The relay must outlive broker and database outages; it logs and backs off.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failures++;
                var delay = TimeSpan.FromMilliseconds(Math.Min(10_000, 250 * Math.Pow(2, Math.Min(failures, 6))));
                logger.LogWarning(ex, "Outbox relay failed (attempt {Attempt}); retrying in {Delay}", failures, delay);
                await Task.Delay(delay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>The bus starts alongside the relay; publishing before it is connected would only fail and back off.</summary>
    private async Task WaitForBusAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested && bus.CheckHealth().Status == BusHealthStatus.Unhealthy)
        {
            await Task.Delay(100, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Publishes one batch and returns how many messages went out.</summary>
    public async Task<int> RelayBatchAsync(OutboxOptions settings, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<OutboxRow>(database.Sql["outbox.claim"], new { settings.BatchSize }, tx)).ToList();
        if (rows.Count == 0)
        {
            return 0;
        }

        // A batch holds at most one message per partition (the claim takes only partition heads), so its messages
        // can be published side by side without reordering any aggregate's events; all must be confirmed.
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(settings.PublishTimeout);
            await Task.WhenAll(rows.Select(row => PublishAsync(row, timeout.Token)));
        }
        var sent = rows.Select(r => r.Sequence).ToList();

        await connection.ExecuteAsync(database.Sql["outbox.mark_sent"], new { Sequences = sent, SentAt = DateTimeOffset.UtcNow }, tx);
        await tx.CommitAsync(cancellationToken);
        TrustFundMetrics.OutboxPublished.Add(sent.Count);
        return sent.Count;
    }

    private async Task PublishAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        if (!Types.TryGetValue(row.MessageType, out var type))
        {
            throw new InvalidOperationException($"Outbox message {row.MessageId} has unknown type '{row.MessageType}'.");
        }
        var message = JsonSerializer.Deserialize(row.Body, type, OutboxWriter.Json)!;

        // Continue the trace of the request that wrote the message, so consumers in other services join it.
        ActivityContext.TryParse(row.TraceParent, null, out var parent);
        using var activity = TrustFundTelemetry.Source.StartActivity("outbox publish", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.message.id", row.MessageId);
        await bus.Publish(message, type, context => context.MessageId = row.MessageId, cancellationToken);
    }

    private sealed record OutboxRow(long Sequence, Guid MessageId, string MessageType, string Body, string? TraceParent);
}
