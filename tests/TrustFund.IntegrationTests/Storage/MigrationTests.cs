using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TrustFund.Hosting;
using TrustFund.Hosting.Storage;

namespace TrustFund.IntegrationTests.Storage;

public sealed class MigrationTests : IClassFixture<ScratchDatabase>
{
    private readonly ScratchDatabase database;
    private readonly SqlCatalog catalog = new("postgres", [typeof(ServiceDefaults).Assembly]);
    private readonly Migrator migrator;

    public MigrationTests(ScratchDatabase database)
    {
        this.database = database;
        migrator = new Migrator(catalog, NullLogger<Migrator>.Instance);
    }

    [Fact]
    public async Task An_applied_migration_that_was_edited_is_refused_and_nothing_more_is_applied()
    {
        var table = $"t_{Guid.NewGuid():N}";
        var original = new MigrationScript($"test/{table}_0001", $"CREATE TABLE {table} (id int);");
        await using var connection = await OpenAsync();
        Assert.Equal(1, await migrator.MigrateAsync(connection, [original]));

        var edited = original with { Sql = $"CREATE TABLE {table} (id int, sneaky text);" };
        var next = new MigrationScript($"test/{table}_0002", $"CREATE TABLE {table}_next (id int);");
        var refusal = await Assert.ThrowsAsync<MigrationChecksumMismatchException>(() => migrator.MigrateAsync(connection, [edited, next]));

        Assert.Equal(original.Id, refusal.MigrationId);
        Assert.Contains("must never be edited", refusal.Message, StringComparison.Ordinal);
        Assert.False(await connection.ExecuteScalarAsync<bool>($"SELECT to_regclass('{table}_next') IS NOT NULL"));
        await Assert.ThrowsAsync<MigrationChecksumMismatchException>(() => migrator.PendingAsync(connection, [edited]));
    }

    [Fact]
    public async Task Line_ending_changes_do_not_count_as_an_edit()
    {
        var table = $"t_{Guid.NewGuid():N}";
        var original = new MigrationScript($"test/{table}", $"CREATE TABLE {table} (\n id int\n);");
        await using var connection = await OpenAsync();
        await migrator.MigrateAsync(connection, [original]);

        Assert.Equal(0, await migrator.MigrateAsync(connection, [original with { Sql = original.Sql.Replace("\n", "\r\n", StringComparison.Ordinal) }]));
    }

    [Fact]
    public async Task Migrators_running_at_the_same_time_apply_each_script_once()
    {
        var prefix = $"t_{Guid.NewGuid():N}";
        var scripts = Enumerable.Range(1, 5)
            .Select(i => new MigrationScript($"test/{prefix}_{i:0000}", $"CREATE TABLE {prefix}_{i} (id int); SELECT pg_sleep(0.05);"))
            .ToList();

        var applied = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var connection = await OpenAsync();
            return await migrator.MigrateAsync(connection, scripts);
        }));

        Assert.Equal(5, applied.Sum());
        await using var check = await OpenAsync();
        Assert.Equal(5, await check.ExecuteScalarAsync<long>("SELECT count(*) FROM schema_migrations WHERE id LIKE @p", new { p = $"test/{prefix}%" }));
        Assert.Empty(await migrator.PendingAsync(check, scripts));
    }

    [Fact]
    public async Task Failing_migration_is_rolled_back_whole_and_not_recorded()
    {
        var table = $"t_{Guid.NewGuid():N}";
        var broken = new MigrationScript($"test/{table}", $"CREATE TABLE {table} (id int); SELECT * FROM no_such_table;");
        await using var connection = await OpenAsync();

        await Assert.ThrowsAsync<PostgresException>(() => migrator.MigrateAsync(connection, [broken]));

        Assert.False(await connection.ExecuteScalarAsync<bool>($"SELECT to_regclass('{table}') IS NOT NULL"));
        Assert.Equal(["test/" + table], await migrator.PendingAsync(connection, [broken]));
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
