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

    /// <summary>
    /// Publishes one batch and returns how many messages it settled (published or parked). A message that can never
    /// be published (its type unknown to this build, its body unreadable) is parked in the same transaction, so it
    /// holds up neither the batch nor any other partition; a broker failure still fails the whole batch, to be retried.
    /// </summary>
    public async Task<int> RelayBatchAsync(OutboxOptions settings, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<OutboxRow>(database.Sql["outbox.claim"], new { settings.BatchSize }, tx)).ToList();
        if (rows.Count == 0)
        {
            return 0;
        }

        var outgoing = rows.Select(Prepare).ToList();
        var parked = outgoing.Where(m => m.Problem is not null).ToList();
        var ready = outgoing.Where(m => m.Problem is null).ToList();
        var now = DateTimeOffset.UtcNow;
        if (parked.Count > 0)
        {
            await connection.ExecuteAsync(database.Sql["outbox.park"],
                parked.Select(m => new { m.Row.Sequence, Reason = m.Problem, ParkedAt = now }), tx);
        }

        // A batch holds at most one message per partition (the claim takes only partition heads), so its messages
        // can be published side by side without reordering any aggregate's events; all must be confirmed.
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(settings.PublishTimeout);
            await Task.WhenAll(ready.Select(m => PublishAsync(m, timeout.Token)));
        }
        var sent = ready.Select(m => m.Row.Sequence).ToList();

        await connection.ExecuteAsync(database.Sql["outbox.mark_sent"], new { Sequences = database.List(sent), SentAt = now }, tx);
        await tx.CommitAsync(cancellationToken);
        TrustFundMetrics.OutboxPublished.Add(sent.Count);
        foreach (var m in parked)
        {
            TrustFundMetrics.OutboxParked.Add(1);
            logger.LogError("Outbox message {MessageId} (sequence {Sequence}, type {MessageType}) parked: {Reason}. Later messages of its " +
                "partition wait behind it; see the service command 'outbox parked list'", m.Row.MessageId, m.Row.Sequence, m.Row.MessageType, m.Problem);
        }
        return rows.Count;
    }

    /// <summary>Resolves a row's type and reads its body; a failure here is permanent, whatever the broker does.</summary>
    private static Outgoing Prepare(OutboxRow row)
    {
        if (!Types.TryGetValue(row.MessageType, out var type))
        {
            return new Outgoing(row, null, null, $"unknown message type '{row.MessageType}'");
        }
        try
        {
            var message = JsonSerializer.Deserialize(row.Body, type, OutboxWriter.Json);
            return message is null
                ? new Outgoing(row, type, null, $"body is null, not a {type.FullName}")
                : new Outgoing(row, type, message, null);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            return new Outgoing(row, type, null, $"body cannot be read as {type.FullName}: {ex.Message}");
        }
    }

    private async Task PublishAsync(Outgoing outgoing, CancellationToken cancellationToken)
    {
        var row = outgoing.Row;
        // Continue the trace of the request that wrote the message, so consumers in other services join it.
        ActivityContext.TryParse(row.TraceParent, null, out var parent);
        using var activity = TrustFundTelemetry.Source.StartActivity("outbox publish", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.message.id", row.MessageId);
        await bus.Publish(outgoing.Message!, outgoing.Type!, context => context.MessageId = row.MessageId, cancellationToken);
    }

    private sealed record Outgoing(OutboxRow Row, Type? Type, object? Message, string? Problem);

    private sealed record OutboxRow(long Sequence, Guid MessageId, string MessageType, string Body, string? TraceParent);
}
