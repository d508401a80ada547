using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TrustFund.Hosting.Storage;

namespace TrustFund.Hosting.Outbox;

/// <summary>
/// Degraded while any outbox message is parked: the service still works, but an event it committed has not gone out
/// and the later events of that partition wait behind it until an operator replays or discards it.
/// </summary>
internal sealed class ParkedOutboxHealthCheck(Database database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var parked = await connection.ExecuteScalarAsync<long>(
                new CommandDefinition(database.Sql["outbox.parked_count"], cancellationToken: cancellationToken));
            return parked == 0
                ? HealthCheckResult.Healthy("No outbox message parked.")
                : HealthCheckResult.Degraded($"{parked} outbox message(s) parked: they cannot be published and hold back their partitions. " +
                    "Run the service command 'outbox parked list', then replay or discard them.",
                    data: new Dictionary<string, object> { ["parked"] = parked });
        }
#pragma warning disable CA1031 // The database check reports an unreachable database; this one says only that it could not count.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Degraded($"Parked outbox messages could not be counted: {ex.Message}");
        }
    }
}
