using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;

namespace TrustFund.Hosting.Storage;

/// <summary>
/// Applies numbered migration scripts once each, under a database-wide lock so two migrators started
/// together are safe, and refuses to go on when an applied script was edited since.
/// </summary>
public sealed class Migrator(SqlCatalog sql, ILogger<Migrator> logger)
{
    public async Task<int> MigrateAsync(DbConnection connection, IReadOnlyList<MigrationScript> scripts, CancellationToken cancellationToken = default)
    {
        await connection.ExecuteAsync(new CommandDefinition(sql["migrations.lock"], cancellationToken: cancellationToken, commandTimeout: 300));
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(sql["migrations.ensure_table"], cancellationToken: cancellationToken));
            var applied = await AppliedAsync(connection, cancellationToken);
            Verify(scripts, applied);

            var count = 0;
            foreach (var script in scripts.Where(s => !applied.ContainsKey(s.Id)))
            {
                await using var tx = await connection.BeginTransactionAsync(cancellationToken);
                foreach (var batch in script.Batches)
                {
                    await connection.ExecuteAsync(new CommandDefinition(batch, transaction: tx, cancellationToken: cancellationToken, commandTimeout: 300));
                }
                await connection.ExecuteAsync(new CommandDefinition(sql["migrations.record"],
                    new { script.Id, script.Checksum, AppliedAt = DateTimeOffset.UtcNow }, tx, cancellationToken: cancellationToken));
                await tx.CommitAsync(cancellationToken);
                logger.LogInformation("Applied migration {MigrationId}", script.Id);
                count++;
            }
            return count;
        }
        finally
        {
            await connection.ExecuteAsync(sql["migrations.unlock"]);
        }
    }

    /// <summary>The scripts not applied yet; throws if an applied one was edited.</summary>
    public async Task<IReadOnlyList<string>> PendingAsync(DbConnection connection, IReadOnlyList<MigrationScript> scripts, CancellationToken cancellationToken = default)
    {
        var applied = await AppliedAsync(connection, cancellationToken);
        Verify(scripts, applied);
        return [.. scripts.Where(s => !applied.ContainsKey(s.Id)).Select(s => s.Id)];
    }

    private async Task<Dictionary<string, string>> AppliedAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(sql["migrations.table_exists"], cancellationToken: cancellationToken));
        if (!exists)
        {
            return [];
        }
        var rows = await connection.QueryAsync<(string Id, string Checksum)>(new CommandDefinition(sql["migrations.applied"], cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Id, r => r.Checksum, StringComparer.Ordinal);
    }

    private static void Verify(IReadOnlyList<MigrationScript> scripts, Dictionary<string, string> applied)
    {
        foreach (var script in scripts)
        {
            if (applied.TryGetValue(script.Id, out var checksum) && checksum != script.Checksum)
            {
                throw new MigrationChecksumMismatchException(script.Id, checksum, script.Checksum);
            }
        }
    }
}
