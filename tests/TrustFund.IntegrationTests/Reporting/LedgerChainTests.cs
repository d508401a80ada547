using System.Net;
using Dapper;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Reporting;

[Collection(SystemCollection.Name)]
public sealed class LedgerChainTests(SystemFixture system)
{
    [Fact]
    public async Task The_chain_verifies_and_a_changed_amount_or_a_slipped_in_entry_is_named_as_the_first_broken_link()
    {
        var fund = Samples.NewFund();
        var ids = new List<Guid>();
        foreach (var amount in new[] { 10m, 20m, 30m })
        {
            var message = Samples.Event(fund, amount);
            ids.Add(message.ContributionId);
            await system.Bus.Publish(message);
        }
        await system.WaitForCountAsync("Reporting", "SELECT count(*) FROM journal_entries WHERE fund_id = @fund", new { fund }, 3, "three entries");

        var verified = (await system.GetAsync(system.Reporting, "/ledger/verify", "auditor")).Expect(HttpStatusCode.OK).Body;
        Assert.True(verified.GetProperty("valid").GetBoolean(), verified.ToString());
        Assert.True(verified.GetProperty("entries").GetInt64() >= 3);
        Assert.Matches("^[0-9a-f]{64}$", verified.GetProperty("lastHash").GetString());
        (await system.GetAsync(system.Reporting, "/ledger/verify", "fund-manager")).Expect(HttpStatusCode.Forbidden);

        // The ledger's tables refuse updates and deletes: tampering takes a superuser who bypasses their guards.
        await using var connection = await system.OpenDatabaseAsSuperuserAsync("Reporting");
        var tampered = await connection.ExecuteScalarAsync<long>(
            "SELECT entry_id FROM journal_entries WHERE fund_id = @fund AND source_id = @id", new { fund, id = ids[1].ToString() });
        await connection.ExecuteAsync("UPDATE journal_lines SET debit = debit + 1 WHERE entry_id = @tampered AND debit > 0", new { tampered });
        try
        {
            var broken = (await system.GetAsync(system.Reporting, "/ledger/verify", "auditor")).Body;
            Assert.False(broken.GetProperty("valid").GetBoolean());
            var link = broken.GetProperty("firstBrokenLink");
            Assert.Equal(tampered, link.GetProperty("entryId").GetInt64());
            Assert.Contains("content differs", link.GetProperty("reason").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await connection.ExecuteAsync("UPDATE journal_lines SET debit = debit - 1 WHERE entry_id = @tampered AND debit > 0", new { tampered });
        }
        Assert.True((await system.GetAsync(system.Reporting, "/ledger/verify", "auditor")).Body.GetProperty("valid").GetBoolean());

        var slipped = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO journal_entries (source_type, source_id, source_message_id, fund_id, value_date, description, posted_at, posting_date, base_currency)
            VALUES ('manual', 'slipped-in', gen_random_uuid(), @fund, '2026-11-02', 'not through the writer', now(), '2026-11-02', 'USD') RETURNING entry_id
            """, new { fund });
        try
        {
            var around = (await system.GetAsync(system.Reporting, "/ledger/verify", "auditor")).Body;
            Assert.False(around.GetProperty("valid").GetBoolean());
            Assert.Equal([slipped], around.GetProperty("unchainedEntries").EnumerateArray().Select(e => e.GetInt64()));
        }
        finally
        {
            await connection.ExecuteAsync("DELETE FROM journal_entries WHERE entry_id = @slipped", new { slipped });
        }
    }
}
