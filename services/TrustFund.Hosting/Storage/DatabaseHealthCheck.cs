using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TrustFund.Hosting.Storage;

/// <summary>Ready only when the database answers and every migration this build knows has been applied unedited.</summary>
internal sealed class DatabaseHealthCheck(Database database, Migrator migrator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var pending = await migrator.PendingAsync(connection, database.Sql.Migrations, cancellationToken);
            return pending.Count == 0
                ? HealthCheckResult.Healthy("Database reachable and migrated.")
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied: {string.Join(", ", pending)}. Run the service's migrate command.");
        }
#pragma warning disable CA1031 // Any failure means not ready; the message says why.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy($"Database not ready: {ex.Message}", ex);
        }
    }
}
