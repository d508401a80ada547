using System.Net;
using Dapper;
using Npgsql;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Storage;

/// <summary>
/// The audit log of every service, and Reporting's ledger (entries, lines, chain, checkpoints, exports), take inserts
/// only: an update, a delete or a truncate through the service's own login is refused by the database itself.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class AppendOnlyTests(SystemFixture system)
{
    public static TheoryData<string> Services => [.. TestEnvironment.Services];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task The_audit_log_refuses_update_delete_and_truncate_through_the_service_login(string service)
    {
        await using var connection = system.OpenDatabase(service);
        var id = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO audit_log (occurred_at, actor, action, entity_type, entity_id, details)
            VALUES (now(), 'test', 'test.appended', 'test', 'append-only', '{}') RETURNING audit_id
            """);

        await AssertRefusedAsync(connection, "audit_log", "UPDATE", "UPDATE audit_log SET actor = 'someone else' WHERE audit_id = @id", new { id });
        await AssertRefusedAsync(connection, "audit_log", "DELETE", "DELETE FROM audit_log WHERE audit_id = @id", new { id });
        await AssertRefusedAsync(connection, "audit_log", "TRUNCATE", "TRUNCATE audit_log", null);
        Assert.Equal("test", await connection.ExecuteScalarAsync<string>("SELECT actor FROM audit_log WHERE audit_id = @id", new { id }));
    }

    [Fact]
    public async Task The_ledger_its_chain_checkpoints_and_exports_refuse_update_delete_and_truncate_through_the_service_login()
    {
        var fund = Samples.NewFund();
        await system.Bus.Publish(Samples.Event(fund, 10m));
        await system.WaitForCountAsync("Reporting", "SELECT count(*) FROM journal_entries WHERE fund_id = @fund", new { fund }, 1, "the entry");
        (await system.PostAsync(system.Reporting, $"/funds/{fund}/exports", "finance",
            new { statement = "trial-balance", format = "csv", from = "2026-11-01", to = "2026-11-30" })).Expect(HttpStatusCode.Created);
        var checkpoint = (await system.PostAsync(system.Reporting, "/ledger/checkpoints", "finance", new { })).Expect(HttpStatusCode.Created).Body;

        await using var connection = system.OpenDatabase("Reporting");
        var entry = await connection.ExecuteScalarAsync<long>("SELECT entry_id FROM journal_entries WHERE fund_id = @fund", new { fund });
        var rows = new (string Table, string Set, string Where, object Key)[]
        {
            ("journal_entries", "description = 'rewritten'", "entry_id = @Key", entry),
            ("journal_lines", "account = 'rewritten'", "entry_id = @Key", entry),
            ("ledger_chain", "entry_hash = previous_hash", "entry_id = @Key", entry),
            ("exports", "sha256 = repeat('0', 64)", "fund_id = @Key", fund),
            ("ledger_checkpoints", "head_hash = repeat('0', 64)", "checkpoint_id = @Key", checkpoint.GetProperty("checkpointId").GetInt64()),
        };
        foreach (var (table, set, where, key) in rows)
        {
            await AssertRefusedAsync(connection, table, "UPDATE", $"UPDATE {table} SET {set} WHERE {where}", new { Key = key });
            await AssertRefusedAsync(connection, table, "DELETE", $"DELETE FROM {table} WHERE {where}", new { Key = key });
            await AssertRefusedAsync(connection, table, "TRUNCATE", $"TRUNCATE {table} CASCADE", null);
        }
        Assert.True((await system.GetAsync(system.Reporting, "/ledger/verify", "auditor")).Expect(HttpStatusCode.OK).Body.GetProperty("valid").GetBoolean());
    }

    /// <summary>
    /// Runs the statement in a transaction that is rolled back whatever happens, so a statement the database still
    /// accepts fails the test without changing the shared test database.
    /// </summary>
    private static async Task AssertRefusedAsync(NpgsqlConnection connection, string table, string operation, string sql, object? parameters)
    {
        await using var tx = await connection.BeginTransactionAsync();
        try
        {
            var affected = await connection.ExecuteAsync(sql, parameters, tx);
            Assert.Fail($"{operation} on {table} was accepted ({affected} rows); it must be refused as append-only.");
        }
        catch (PostgresException refused)
        {
            Assert.Contains($"{table} is append-only", refused.MessageText, StringComparison.Ordinal);
            Assert.Contains(operation, refused.MessageText, StringComparison.Ordinal);
        }
        finally
        {
            await tx.RollbackAsync();
        }
    }
}
