using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using Dapper;
using TrustFund.Hosting.Storage;

namespace TrustFund.Hosting.Audit;

public sealed record AuditEntry(long AuditId, DateTimeOffset OccurredAt, string Actor, string Action, string EntityType, string EntityId, string Details, string? TraceId);

/// <summary>
/// Records every state change (who, when, what, on which entity, under which trace) in the change's own
/// transaction, so the trail can never miss a change that committed nor show one that did not.
/// </summary>
public sealed class AuditTrail(SqlCatalog sql, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The actor recorded for changes the service makes by itself (expiry, consumers without a user).</summary>
    public const string System = "system";

    public Task RecordAsync(DbTransaction transaction, string actor, string action, string entityType, string entityId, object details) =>
        transaction.Connection!.ExecuteAsync(sql["audit.record"], new
        {
            OccurredAt = clock.GetUtcNow(),
            Actor = actor,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Details = JsonSerializer.Serialize(details, Json),
            TraceId = Activity.Current?.TraceId.ToString(),
        }, transaction);

    public async Task<IReadOnlyList<AuditEntry>> ForEntityAsync(DbConnection connection, string entityType, string entityId) =>
        [.. await connection.QueryAsync<AuditEntry>(sql["audit.by_entity"], new { EntityType = entityType, EntityId = entityId })];
}
