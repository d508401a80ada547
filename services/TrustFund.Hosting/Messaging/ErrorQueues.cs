using System.Reflection;
using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace TrustFund.Hosting.Messaging;

/// <summary>A message MassTransit moved to an error queue after its consumer failed, with the fault it carries.</summary>
public sealed record ErrorQueueMessage(
    string Queue, string MessageId, string? MessageType, string ReturnQueue, string? ExceptionType, string? FaultMessage,
    string? FaultedAt, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>The receive queues of this service's consumers (the endpoint names MassTransit gives them).</summary>
public sealed record ConsumerQueues(IReadOnlyList<string> Names)
{
    public static ConsumerQueues Of(string serviceName, Assembly consumers)
    {
        var formatter = new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false);
        var name = typeof(IEndpointNameFormatter).GetMethod(nameof(IEndpointNameFormatter.Consumer))!;
        return new ConsumerQueues([.. consumers.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IConsumer).IsAssignableFrom(t))
            .Select(t => (string)name.MakeGenericMethod(t).Invoke(formatter, null)!)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)]);
    }
}

/// <summary>
/// Reads and settles the service's <c>&lt;queue&gt;_error</c> queues over AMQP. Messages are looked at by taking them
/// unacknowledged and handing them back (a queue cannot be browsed otherwise); replay publishes a copy to the queue the
/// message failed in, with its message id, and waits for the broker's confirm before removing it from the error queue.
/// </summary>
public sealed class ErrorQueues(IOptions<RabbitMqOptions> options, ConsumerQueues consumerQueues)
{
    public const string Suffix = "_error";

    public IEnumerable<string> Names => consumerQueues.Names.Select(q => q + Suffix);

    public async Task<IReadOnlyList<ErrorQueueMessage>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        var all = new List<ErrorQueueMessage>();
        foreach (var queue in Names)
        {
            await using var held = await TakeAsync(connection, queue, cancellationToken);
            all.AddRange(held.Messages.Select(m => m.Message));
        }
        return all;
    }

    /// <summary>
    /// Moves the chosen messages back to the queues they failed in. <paramref name="record"/> runs after the broker
    /// confirmed the copy and before the error-queue copy is removed: a failure in between leaves a duplicate, never a loss.
    /// </summary>
    public Task<int> ReplayAsync(Func<ErrorQueueMessage, bool> which, Func<ErrorQueueMessage, Task> record, CancellationToken cancellationToken) =>
        SettleAsync(which, replay: true, record, cancellationToken);

    /// <summary>Removes the chosen messages; <paramref name="record"/> runs (and commits) before each removal.</summary>
    public Task<int> DiscardAsync(Func<ErrorQueueMessage, bool> which, Func<ErrorQueueMessage, Task> record, CancellationToken cancellationToken) =>
        SettleAsync(which, replay: false, record, cancellationToken);

    private async Task<int> SettleAsync(Func<ErrorQueueMessage, bool> which, bool replay, Func<ErrorQueueMessage, Task> record, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        await using var publisher = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        var settled = 0;
        foreach (var queue in Names)
        {
            await using var held = await TakeAsync(connection, queue, cancellationToken);
            foreach (var (tag, message, properties, body) in held.Messages.Where(m => which(m.Message)))
            {
                if (replay)
                {
                    if (await DepthAsync(connection, message.ReturnQueue, cancellationToken) is null)
                    {
                        throw new InvalidOperationException($"Message {message.MessageId} failed in queue '{message.ReturnQueue}', which does not exist.");
                    }
                    var copy = new BasicProperties(properties) { Headers = WithoutFault(properties.Headers) };
                    await publisher.BasicPublishAsync("", message.ReturnQueue, mandatory: true, copy, body, cancellationToken);
                }
                await record(message);
                await held.Channel.BasicAckAsync(tag, multiple: false, cancellationToken);
                held.Settled.Add(tag);
                settled++;
            }
        }
        return settled;
    }

    private async Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var factory = new ConnectionFactory
        {
            HostName = o.Host, Port = o.Port, VirtualHost = o.VirtualHost, UserName = o.Username, Password = o.Password,
            ClientProvidedName = "trustfund error-queue command",
        };
        return await factory.CreateConnectionAsync(cancellationToken);
    }

    /// <summary>How many messages a queue holds, or null when it does not exist (a failed passive declare closes its channel).</summary>
    private static async Task<uint?> DepthAsync(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return null;
        }
    }

    /// <summary>Takes every message now in the queue, unacknowledged; disposing the result hands back those not settled.</summary>
    private static async Task<Held> TakeAsync(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        var depth = await DepthAsync(connection, queue, cancellationToken) ?? 0;
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var held = new Held(channel);
        for (var i = 0; i < depth; i++)
        {
            if (await channel.BasicGetAsync(queue, autoAck: false, cancellationToken) is not { } got)
            {
                break;
            }
            held.Messages.Add((got.DeliveryTag, Describe(queue, got.BasicProperties, got.Body), got.BasicProperties, got.Body.ToArray()));
        }
        return held;
    }

    private static ErrorQueueMessage Describe(string queue, IReadOnlyBasicProperties properties, ReadOnlyMemory<byte> body)
    {
        var headers = (properties.Headers ?? new Dictionary<string, object?>())
            .ToDictionary(h => h.Key, h => Text(h.Value), StringComparer.Ordinal);
        var text = Encoding.UTF8.GetString(body.Span);
        string? envelopeId = null, type = null;
        try
        {
            using var envelope = JsonDocument.Parse(text);
            if (envelope.RootElement.ValueKind == JsonValueKind.Object)
            {
                envelopeId = envelope.RootElement.TryGetProperty("messageId", out var id) ? id.GetString() : null;
                type = envelope.RootElement.TryGetProperty("messageType", out var types) && types.ValueKind == JsonValueKind.Array && types.GetArrayLength() > 0
                    ? types[0].GetString()
                    : null;
            }
        }
        catch (JsonException)
        {
            // Not a MassTransit envelope: shown as it is.
        }
        var input = headers.GetValueOrDefault("MT-Fault-InputAddress");
        var returnQueue = input is not null && Uri.TryCreate(input, UriKind.Absolute, out var address)
            ? address.Segments[^1].Trim('/')
            : queue[..^Suffix.Length];
        return new ErrorQueueMessage(queue, properties.MessageId ?? envelopeId ?? "", type, returnQueue,
            headers.GetValueOrDefault("MT-Fault-ExceptionType"), headers.GetValueOrDefault("MT-Fault-Message"),
            headers.GetValueOrDefault("MT-Fault-Timestamp"), headers, text);
    }

    /// <summary>The headers of the failure itself go; the rest (the message's own) travel with the replayed copy.</summary>
    private static Dictionary<string, object?> WithoutFault(IDictionary<string, object?>? headers) =>
        (headers ?? new Dictionary<string, object?>())
            .Where(h => !h.Key.StartsWith("MT-Fault-", StringComparison.Ordinal) && h.Key != "MT-Reason")
            .ToDictionary(h => h.Key, h => h.Value, StringComparer.Ordinal);

    private static string Text(object? value) => value switch
    {
        null => "",
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        IEnumerable<object> list => string.Join(", ", list.Select(Text)),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    private sealed class Held(IChannel channel) : IAsyncDisposable
    {
        public IChannel Channel { get; } = channel;

        public List<(ulong Tag, ErrorQueueMessage Message, IReadOnlyBasicProperties Properties, byte[] Body)> Messages { get; } = [];

        public HashSet<ulong> Settled { get; } = [];

        public async ValueTask DisposeAsync()
        {
            if (Channel.IsOpen)
            {
                foreach (var (tag, _, _, _) in Messages.Where(m => !Settled.Contains(m.Tag)))
                {
                    await Channel.BasicNackAsync(tag, multiple: false, requeue: true);
                }
                await Channel.CloseAsync();
            }
            Channel.Dispose();
        }
    }
}
