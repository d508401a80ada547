using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using Dapper;
using TrustFund.Hosting.Storage;

namespace TrustFund.Hosting.Outbox;

/// <summary>
/// Writes events into the outbox inside the caller's transaction: they are published if and only if the
/// state change that implies them commits.
/// </summary>
public sealed class OutboxWriter(SqlCatalog sql)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="partitionKey">The aggregate the event belongs to; events of one partition are published in order.</param>
    /// <param name="messageId">Deterministic id when the event is derived from an input with an id of its own.</param>
    public Task EnqueueAsync<T>(DbTransaction transaction, T message, string partitionKey, Guid? messageId = null)
        where T : class =>
        transaction.Connection!.ExecuteAsync(sql["outbox.enqueue"], new
        {
            MessageId = messageId ?? Guid.NewGuid(),
            MessageType = typeof(T).FullName,
            PartitionKey = partitionKey,
            Body = JsonSerializer.Serialize(message, Json),
            TraceParent = Activity.Current?.Id,
            CreatedAt = DateTimeOffset.UtcNow,
        }, transaction);
}
