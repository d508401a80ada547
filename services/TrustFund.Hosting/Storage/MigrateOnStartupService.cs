using Microsoft.Extensions.Hosting;

namespace TrustFund.Hosting.Storage;

/// <summary>Applies migrations before anything else starts, when <c>Database:MigrateOnStartup</c> is on (development).</summary>
internal sealed class MigrateOnStartupService(Database database, Migrator migrator) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await migrator.MigrateAsync(connection, database.Sql.Migrations, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
