using System.Net;
using System.Text.Json;
using Dapper;
using Npgsql;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Reporting;

/// <summary>
/// Signed checkpoints of the ledger chain's head: taken on demand and periodically, listed, and checked by
/// /ledger/verify, so a tail removed by someone who can bypass the append-only guards is found.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class LedgerCheckpointTests(SystemFixture system)
{
    [Fact]
    public async Task A_checkpoint_signs_the_chain_head_and_is_listed_newest_first_for_finance_and_auditors()
    {
        await PostEntriesAsync(Samples.NewFund(), 1);
        var first = (await system.PostAsync(system.Reporting, "/ledger/checkpoints", "finance", new { }, subject: "finance-1"))
            .Expect(HttpStatusCode.Created).Body;
        var position = first.GetProperty("position").GetInt64();
        var link = (await system.GetAsync(system.Reporting, $"/ledger/chain/{position}", "auditor")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(link.GetProperty("entryHash").GetString(), first.GetProperty("headHash").GetString());
        Assert.Equal(link.GetProperty("entryId").GetInt64(), first.GetProperty("entryId").GetInt64());
        Assert.Equal("finance-1", first.GetProperty("takenBy").GetString());
        Assert.Matches("^[0-9a-f]{64}$", first.GetProperty("signature").GetString());
        Assert.Matches("^[0-9a-f]{16}$", first.GetProperty("keyId").GetString());
        Assert.Equal(1, await system.CountAsync("Reporting", "SELECT count(*) FROM audit_log WHERE action = 'ledger.checkpointed' AND entity_id = @id",
            new { id = first.GetProperty("checkpointId").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture) }));

        var second = (await system.PostAsync(system.Reporting, "/ledger/checkpoints", "finance", new { })).Expect(HttpStatusCode.Created).Body;
        foreach (var role in new[] { "finance", "auditor" })
        {
            var page = (await system.GetAsync(system.Reporting, "/ledger/checkpoints?limit=1", role)).Expect(HttpStatusCode.OK).Body;
            Assert.Equal(Id(second), Id(page.GetProperty("items")[0]));
            var next = page.GetProperty("next").GetString();
            var older = (await system.GetAsync(system.Reporting, $"/ledger/checkpoints?limit=1&after={next}", role)).Expect(HttpStatusCode.OK).Body;
            Assert.Equal(first.ToString(), older.GetProperty("items")[0].ToString());
        }

        foreach (var role in new[] { "auditor", "fund-manager", "donor", "project-lead" })
        {
            Assert.Equal("role", (await system.PostAsync(system.Reporting, "/ledger/checkpoints", role, new { })).Expect(HttpStatusCode.Forbidden).Rule);
        }
        (await system.GetAsync(system.Reporting, "/ledger/checkpoints", "fund-manager")).Expect(HttpStatusCode.Forbidden);
        Assert.Contains("range", (await system.GetAsync(system.Reporting, "/ledger/checkpoints?limit=0", "auditor")).Expect(HttpStatusCode.BadRequest).RulesOf("limit"));
        Assert.Contains("range", (await system.GetAsync(system.Reporting, "/ledger/checkpoints?limit=201", "auditor")).Expect(HttpStatusCode.BadRequest).RulesOf("limit"));
    }

    [Fact]
    public async Task Deleting_the_tail_after_a_checkpoint_or_replacing_it_or_forging_a_signature_fails_verification_naming_the_checkpoint()
    {
        var fund = Samples.NewFund();
        await PostEntriesAsync(fund, 3);
        var checkpoint = (await system.PostAsync(system.Reporting, "/ledger/checkpoints", "finance", new { })).Expect(HttpStatusCode.Created).Body;
        var (id, position, head) = (Id(checkpoint), checkpoint.GetProperty("position").GetInt64(), checkpoint.GetProperty("headHash").GetString());

        // The manifest of an export built now names the same head: position and hash.
        var manifest = (await system.PostAsync(system.Reporting, $"/funds/{fund}/exports", "finance",
            new { statement = "trial-balance", format = "csv", from = "2026-11-01", to = "2026-11-30" })).Expect(HttpStatusCode.Created).Body;
        Assert.Equal((position, head), (manifest.GetProperty("ledger").GetProperty("chainPosition").GetInt64(),
            manifest.GetProperty("ledger").GetProperty("chainHash").GetString()));

        var valid = await VerifyAsync();
        Assert.True(valid.GetProperty("valid").GetBoolean(), valid.ToString());
        Assert.Equal(id, Id(valid.GetProperty("checkpoints").GetProperty("latest")));
        Assert.True(valid.GetProperty("checkpoints").GetProperty("checked").GetInt64() >= 1);

        await using var attacker = await system.OpenDatabaseAsSuperuserAsync("Reporting");
        await SaveTailAsync(attacker, position - 2);
        try
        {
            await DeleteTailAsync(attacker, position - 2);
            var truncated = await VerifyAsync();
            Assert.False(truncated.GetProperty("valid").GetBoolean(), truncated.ToString());
            // Link by link the shorter chain still holds: only the checkpoint shows what was removed.
            Assert.Equal(JsonValueKind.Null, truncated.GetProperty("firstBrokenLink").ValueKind);
            Assert.Equal(position - 2, truncated.GetProperty("entries").GetInt64());
            var broken = truncated.GetProperty("checkpoints").GetProperty("firstBroken");
            Assert.Equal((id, position), (Id(broken), broken.GetProperty("position").GetInt64()));
            Assert.Contains("removed", broken.GetProperty("reason").GetString(), StringComparison.Ordinal);

            // New entries take the removed positions: the chain is as long again, but not the chain that was checkpointed.
            await PostEntriesAsync(fund, 2, already: 1);
            var replaced = await VerifyAsync();
            Assert.False(replaced.GetProperty("valid").GetBoolean(), replaced.ToString());
            Assert.Equal(JsonValueKind.Null, replaced.GetProperty("firstBrokenLink").ValueKind);
            broken = replaced.GetProperty("checkpoints").GetProperty("firstBroken");
            Assert.Equal((id, position, head), (Id(broken), broken.GetProperty("position").GetInt64(), broken.GetProperty("expected").GetString()));
            Assert.Contains("differs", broken.GetProperty("reason").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await DeleteTailAsync(attacker, position - 2);
            await RestoreTailAsync(attacker);
        }
        Assert.True((await VerifyAsync()).GetProperty("valid").GetBoolean());

        await attacker.ExecuteAsync("UPDATE ledger_checkpoints SET signature = repeat('0', 64) WHERE checkpoint_id = @id", new { id });
        try
        {
            var forged = await VerifyAsync();
            Assert.False(forged.GetProperty("valid").GetBoolean(), forged.ToString());
            var broken = forged.GetProperty("checkpoints").GetProperty("firstBroken");
            Assert.Equal(id, Id(broken));
            Assert.Contains("signature", broken.GetProperty("reason").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await attacker.ExecuteAsync("UPDATE ledger_checkpoints SET signature = @signature WHERE checkpoint_id = @id",
                new { id, signature = checkpoint.GetProperty("signature").GetString() });
        }
        Assert.True((await VerifyAsync()).GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task The_background_checkpoint_follows_the_head_when_it_has_moved()
    {
        await system.RestartAsync("Reporting", new Dictionary<string, string> { ["Ledger__CheckpointInterval"] = "00:00:00.500" });
        try
        {
            await PostEntriesAsync(Samples.NewFund(), 1);
            var head = (await VerifyAsync()).GetProperty("entries").GetInt64();
            await system.WaitForCountAsync("Reporting", "SELECT count(*) FROM ledger_checkpoints WHERE position = @head AND taken_by = 'system'",
                new { head }, 1, "a checkpoint of the head taken by the service");
            // The head has not moved since: no further checkpoint of it.
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            Assert.Equal(1, await system.CountAsync("Reporting", "SELECT count(*) FROM ledger_checkpoints WHERE position = @head", new { head }));
            Assert.True((await VerifyAsync()).GetProperty("valid").GetBoolean());
        }
        finally
        {
            await system.RestartAsync("Reporting");
        }
    }

    private static long Id(JsonElement checkpoint) => checkpoint.GetProperty("checkpointId").GetInt64();

    private async Task<JsonElement> VerifyAsync() =>
        (await system.GetAsync(system.Reporting, "/ledger/verify", "auditor")).Expect(HttpStatusCode.OK).Body;

    private async Task PostEntriesAsync(string fund, int count, int already = 0)
    {
        for (var i = 0; i < count; i++)
        {
            await system.Bus.Publish(Samples.Event(fund, 10m + i));
        }
        await system.WaitForCountAsync("Reporting", "SELECT count(*) FROM journal_entries WHERE fund_id = @fund", new { fund }, already + count,
            $"{count} entries of {fund}");
        await system.WaitForCountAsync("Reporting", "SELECT count(*) FROM journal_entries e LEFT JOIN ledger_chain c USING (entry_id) WHERE c.entry_id IS NULL",
            new { }, 0, "every entry chained");
    }

    private static Task SaveTailAsync(NpgsqlConnection attacker, long after) => attacker.ExecuteAsync("""
        CREATE TEMP TABLE tail_chain AS SELECT * FROM ledger_chain WHERE position > @after;
        CREATE TEMP TABLE tail_lines AS SELECT * FROM journal_lines WHERE entry_id IN (SELECT entry_id FROM tail_chain);
        CREATE TEMP TABLE tail_entries AS SELECT * FROM journal_entries WHERE entry_id IN (SELECT entry_id FROM tail_chain);
        """, new { after });

    /// <summary>What a superuser attacker does: the links after a position go, with their entries and lines.</summary>
    private static Task DeleteTailAsync(NpgsqlConnection attacker, long after) => attacker.ExecuteAsync("""
        CREATE TEMP TABLE doomed AS SELECT entry_id FROM ledger_chain WHERE position > @after;
        DELETE FROM ledger_chain WHERE position > @after;
        DELETE FROM journal_lines WHERE entry_id IN (SELECT entry_id FROM doomed);
        DELETE FROM journal_entries WHERE entry_id IN (SELECT entry_id FROM doomed);
        DROP TABLE doomed;
        """, new { after });

    private static Task RestoreTailAsync(NpgsqlConnection attacker) => attacker.ExecuteAsync("""
        INSERT INTO journal_entries OVERRIDING SYSTEM VALUE SELECT * FROM tail_entries;
        INSERT INTO journal_lines SELECT * FROM tail_lines;
        INSERT INTO ledger_chain SELECT * FROM tail_chain;
        DROP TABLE tail_chain, tail_lines, tail_entries;
        """);
}
