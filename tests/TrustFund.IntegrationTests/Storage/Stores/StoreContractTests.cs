using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrustFund.Hosting;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Storage.Stores;

/// <summary>
/// What every store must do, written once and run against each (<see cref="PostgresStoreContractTests"/>,
/// <see cref="SqlServerStoreContractTests"/>): each service's migrations apply through its own migrate command, and
/// the shared tables keep their promises (an inbox row once, an idempotency key once, the outbox claimed and marked,
/// the audit log append-only, the transaction lock exclusive, a fund's managers replaced only by a newer version).
/// Every test works in a database of its own, created and dropped here.
/// </summary>
public abstract class StoreContractTests(string provider) : IAsyncLifetime
{
    private readonly StoreServer server = StoreServer.For(provider);
    private readonly string name = $"trustfund_store_{Guid.NewGuid():N}";
    private Database? database;

    private Database Db => database ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync()
    {
        var connectionString = await server.CreateDatabaseAsync(name);
        var catalog = new SqlCatalog(provider, [typeof(ServiceDefaults).Assembly]);
        database = new Database(Options.Create(new DatabaseOptions { Provider = provider, ConnectionString = connectionString }), catalog);
        await using var connection = await Db.OpenAsync();
        await new Migrator(catalog, NullLogger<Migrator>.Instance).MigrateAsync(connection, catalog.Migrations);
    }

    public async Task DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
        await server.DropDatabaseAsync(name);
    }

    [StoreFact]
    public async Task Every_service_migrates_an_empty_database_through_its_migrate_command_and_a_second_run_applies_nothing()
    {
        foreach (var service in TestEnvironment.Services)
        {
            var serviceDatabase = $"{name}_{service.ToLowerInvariant()}";
            try
            {
                var settings = new Dictionary<string, string>
                {
                    ["Database__Provider"] = provider,
                    ["Database__ConnectionString"] = await server.CreateDatabaseAsync(serviceDatabase),
                };
                var first = await ServiceProcess.RunCommandAsync(service, settings, "migrate");
                Assert.True(first.ExitCode == 0, $"{service} on {provider}: {first.Output}");
                var second = await ServiceProcess.RunCommandAsync(service, settings, "migrate");
                Assert.True(second.ExitCode == 0, $"{service} on {provider}, second run: {second.Output}");
                Assert.Contains("0 migration(s) applied", second.Output, StringComparison.Ordinal);
            }
            finally
            {
                await server.DropDatabaseAsync(serviceDatabase);
            }
        }
    }

    [StoreFact]
    public async Task A_message_is_recorded_in_the_inbox_once_per_consumer()
    {
        var message = Guid.NewGuid();
        await using var connection = await Db.OpenAsync();

        Assert.Equal(1, await RecordAsync(connection, message, "pools"));
        Assert.Equal(0, await RecordAsync(connection, message, "pools"));
        Assert.Equal(1, await RecordAsync(connection, message, "ledger"));
    }

    [StoreFact]
    public async Task An_idempotency_key_is_claimed_once_and_its_first_answer_is_found_again()
    {
        var key = new { Caller = "donor-1", Key = Guid.NewGuid().ToString() };
        await using var connection = await Db.OpenAsync();

        Assert.Equal(1, await ClaimAsync(connection, key.Caller, key.Key));
        Assert.Equal(0, await ClaimAsync(connection, key.Caller, key.Key));
        Assert.Equal(1, await ClaimAsync(connection, "donor-2", key.Key));
        await connection.ExecuteAsync(Db.Sql["idempotency.complete"], new
        {
            key.Caller, key.Key, StatusCode = 201, ContentType = "application/json", Location = "/pledges/7", Body = """{"id":7}""",
        });

        var found = await connection.QuerySingleAsync<(string RequestHash, int? StatusCode, string? ContentType, string? Location, string? Body)>(
            Db.Sql["idempotency.find"], key);
        Assert.Equal(("hash", 201, "application/json", "/pledges/7", """{"id":7}"""), found);
    }

    [StoreFact]
    public async Task Outbox_messages_are_claimed_in_order_one_per_partition_and_not_again_once_marked_sent()
    {
        var writer = new OutboxWriter(Db.Sql);
        await using var connection = await Db.OpenAsync();
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await writer.EnqueueAsync(tx, new Sample(1), "fund-a");
            await writer.EnqueueAsync(tx, new Sample(2), "fund-a");
            await writer.EnqueueAsync(tx, new Sample(3), "fund-b");
            await tx.CommitAsync();
        }

        var claimed = await ClaimOutboxAsync(connection);
        var first = claimed.Min();
        Assert.Equal([first, first + 2], claimed); // fund-a's first and fund-b's; fund-a's second waits for its first
        Assert.Equal(3, await connection.ExecuteScalarAsync<long>(Db.Sql["outbox.pending_count"]));
        await connection.ExecuteAsync(Db.Sql["outbox.mark_sent"], new { Sequences = Db.List(claimed), SentAt = DateTimeOffset.UtcNow });

        Assert.Equal(first + 1, Assert.Single(await ClaimOutboxAsync(connection)));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>(Db.Sql["outbox.pending_count"]));
    }

    [StoreFact]
    public async Task The_audit_log_takes_inserts_and_refuses_updates_and_deletes()
    {
        await using var connection = await Db.OpenAsync();
        await connection.ExecuteAsync(Db.Sql["audit.record"], new
        {
            OccurredAt = DateTimeOffset.UtcNow, Actor = "finance-1", Action = "test.recorded", EntityType = "test", EntityId = name,
            Details = """{"amount":"10.00"}""", TraceId = (string?)null,
        });

        foreach (var sql in new[] { "UPDATE audit_log SET actor = 'someone else'", "DELETE FROM audit_log" })
        {
            var refused = await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync(sql));
            Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
        }
        Assert.Equal("finance-1", await connection.ExecuteScalarAsync<string>("SELECT actor FROM audit_log WHERE entity_id = @name", new { name }));
    }

    [StoreFact]
    public async Task The_transaction_lock_makes_a_second_holder_of_the_same_key_wait_until_the_first_commits()
    {
        await using var first = await Db.OpenAsync();
        await using var firstTx = await first.BeginTransactionAsync();
        await first.ExecuteAsync(Db.Sql["locks.advisory"], new { Key = $"receipt:{name}" }, firstTx);

        var sameKey = LockAndCommitAsync($"receipt:{name}");
        await LockAndCommitAsync($"receipt:{name}:other"); // another key does not wait
        Assert.NotSame(sameKey, await Task.WhenAny(sameKey, Task.Delay(TimeSpan.FromMilliseconds(500))));

        await firstTx.CommitAsync();
        Assert.Same(sameKey, await Task.WhenAny(sameKey, Task.Delay(TimeSpan.FromSeconds(30))));
        await sameKey;
    }

    [StoreFact]
    public async Task A_fund_managers_copy_is_replaced_only_by_a_newer_version()
    {
        await using var connection = await Db.OpenAsync();
        await ReplaceManagersAsync(connection, 2, "fm-1", "fm-2");
        await ReplaceManagersAsync(connection, 1, "fm-9"); // late, older: ignored
        Assert.Equal(["fm-1", "fm-2"], await ManagersAsync(connection));

        await ReplaceManagersAsync(connection, 3, "fm-2", "fm-3");
        await ReplaceManagersAsync(connection, 3, "fm-2", "fm-3"); // duplicate: no change
        Assert.Equal(["fm-2", "fm-3"], await ManagersAsync(connection));
    }

    [StoreFact]
    public async Task A_deadlock_victim_is_retried_whole_and_each_unit_of_work_applies_once()
    {
        await using (var setup = await Db.OpenAsync())
        {
            await setup.ExecuteAsync("CREATE TABLE deadlock_probe (id int NOT NULL PRIMARY KEY, n int NOT NULL)");
            await setup.ExecuteAsync("INSERT INTO deadlock_probe (id, n) VALUES (1, 0), (2, 0)");
        }
        var attempts = 0;
        var firstLocked = new[] { new TaskCompletionSource(), new TaskCompletionSource() };

        // Each takes one row, waits until the other holds the other row, then asks for it: one is chosen as victim
        // (40P01 on PostgreSQL, 1205 on SQL Server), rolled back, and its whole unit of work runs again.
        Task Work(int mine, int theirs) => TransientRetry.RunAsync(async () =>
        {
            Interlocked.Increment(ref attempts);
            await using var connection = await Db.OpenAsync();
            await using var tx = await connection.BeginTransactionAsync();
            await connection.ExecuteAsync("UPDATE deadlock_probe SET n = n + 1 WHERE id = @mine", new { mine }, tx);
            firstLocked[mine - 1].TrySetResult();
            await firstLocked[theirs - 1].Task;
            await connection.ExecuteAsync("UPDATE deadlock_probe SET n = n + 1 WHERE id = @theirs", new { theirs }, tx);
            await tx.CommitAsync();
            return 0;
        }, CancellationToken.None);

        await Task.WhenAll(Work(1, 2), Work(2, 1));

        await using var check = await Db.OpenAsync();
        Assert.Equal([2, 2], (await check.QueryAsync<int>("SELECT n FROM deadlock_probe ORDER BY id")).ToList());
        Assert.Equal(3, attempts);
    }

    private sealed record Sample(int Number);

    private Task<int> RecordAsync(DbConnection connection, Guid message, string consumer) =>
        connection.ExecuteAsync(Db.Sql["inbox.record"], new { MessageId = message, Consumer = consumer, ReceivedAt = DateTimeOffset.UtcNow });

    private Task<int> ClaimAsync(DbConnection connection, string caller, string key) =>
        connection.ExecuteAsync(Db.Sql["idempotency.claim"], new
        {
            Caller = caller, Key = key, RequestHash = "hash", CreatedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddDays(1),
        });

    private async Task<List<long>> ClaimOutboxAsync(DbConnection connection)
    {
        await using var tx = await connection.BeginTransactionAsync();
        var rows = await connection.QueryAsync<(long Sequence, Guid MessageId, string MessageType, string Body, string? TraceParent)>(
            Db.Sql["outbox.claim"], new { BatchSize = 100 }, tx);
        await tx.CommitAsync();
        return [.. rows.Select(row => row.Sequence)];
    }

    private async Task LockAndCommitAsync(string key)
    {
        await using var connection = await Db.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(Db.Sql["locks.advisory"], new { Key = key }, tx);
        await tx.CommitAsync();
    }

    private Task ReplaceManagersAsync(DbConnection connection, int version, params string[] managers) =>
        connection.ExecuteAsync(Db.Sql["fund_managers.replace"], new
        {
            FundId = name, Managers = Db.List(managers), Version = version, ChangedAt = DateTimeOffset.UtcNow, ChangedBy = "fm-1",
        });

    private async Task<List<string>> ManagersAsync(DbConnection connection) =>
        (await connection.QueryAsync<(string Manager, DateTimeOffset AssignedAt, string AssignedBy)>(Db.Sql["fund_managers.of_fund"], new { FundId = name }))
        .Select(m => m.Manager).Order(StringComparer.Ordinal).ToList();
}

[Store(DatabaseProviders.Postgres)]
public sealed class PostgresStoreContractTests() : StoreContractTests(DatabaseProviders.Postgres);

[Store(DatabaseProviders.SqlServer)]
public sealed class SqlServerStoreContractTests() : StoreContractTests(DatabaseProviders.SqlServer);
