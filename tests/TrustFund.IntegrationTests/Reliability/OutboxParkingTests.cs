using Dapper;
using TrustFund.Hosting;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Reliability;

/// <summary>
/// An outbox row that can never be published (its type is unknown, its body unreadable) is parked: the rest of its
/// batch goes out, later rows of its own partition wait behind it, and nothing retries it until an operator acts.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class OutboxParkingTests(SystemFixture system)
{
    private readonly OutboxWriter writer = new(new SqlCatalog("postgres", [typeof(ServiceDefaults).Assembly]));

    [Fact]
    public async Task Rows_that_cannot_be_published_are_parked_and_the_rest_of_the_batch_goes_out()
    {
        var fund = Samples.NewFund();
        var unknownPartition = $"test-unknown:{Guid.NewGuid()}";
        var unknown = Guid.NewGuid();
        var unreadable = Guid.NewGuid();
        var heldBehind = Guid.NewGuid();
        var good = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();

        // One transaction, so the relay finds all of them in one batch: the two bad rows come first.
        await using (var connection = system.OpenDatabase("Pledges"))
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await InsertRawAsync(connection, tx, unknown, "TrustFund.Contracts.Messages.NoSuchEvent", unknownPartition, "{}");
            await InsertRawAsync(connection, tx, unreadable, "TrustFund.Contracts.Messages.ContributionReceived", $"test-unreadable:{unreadable}", "{not json");
            await writer.EnqueueAsync(tx, Samples.Event(fund, contributionId: heldBehind), unknownPartition, heldBehind);
            foreach (var id in good)
            {
                await writer.EnqueueAsync(tx, Samples.Event(fund, contributionId: id), $"fund:{fund}", id);
            }
            await tx.CommitAsync();
        }

        try
        {
            var received = await Eventually.GetAsync(() =>
            {
                var mine = system.Published.Where(m => m.FundId == fund).Select(m => m.ContributionId).Distinct().ToList();
                return Task.FromResult(mine.Count >= good.Count ? mine : null);
            }, "the good events at the probe");
            Assert.Equal(good, received);
            await system.WaitForCountAsync("Pledges", "SELECT count(*) FROM outbox_messages WHERE message_id = ANY(@good) AND sent_at IS NOT NULL",
                new { good }, good.Count, "the good rows marked sent");

            var parked = await ParkedAsync([unknown, unreadable]);
            Assert.Equal(2, parked.Count);
            Assert.Contains("unknown message type 'TrustFund.Contracts.Messages.NoSuchEvent'", parked[unknown], StringComparison.Ordinal);
            Assert.Contains("cannot be read as TrustFund.Contracts.Messages.ContributionReceived", parked[unreadable], StringComparison.Ordinal);

            // The row written after the unknown one in its partition waits: the aggregate's events are never reordered.
            await Task.Delay(1500);
            Assert.DoesNotContain(heldBehind, system.Published.Select(m => m.ContributionId));
            Assert.Equal(1, await system.CountAsync("Pledges",
                "SELECT count(*) FROM outbox_messages WHERE message_id = @heldBehind AND sent_at IS NULL AND parked_at IS NULL", new { heldBehind }));
        }
        finally
        {
            await DiscardDirectlyAsync([unknown, unreadable]);
        }
    }

    [Fact]
    public async Task Ready_health_is_degraded_while_a_row_is_parked_and_says_how_many()
    {
        var ids = new[] { Guid.NewGuid(), Guid.NewGuid() };
        await using (var connection = system.OpenDatabase("Pledges"))
        await using (var tx = await connection.BeginTransactionAsync())
        {
            foreach (var id in ids)
            {
                await InsertRawAsync(connection, tx, id, "TrustFund.Contracts.Messages.NoSuchEvent", $"test-unknown:{id}", "{}");
            }
            await tx.CommitAsync();
        }
        try
        {
            await system.WaitForCountAsync("Pledges", "SELECT count(*) FROM outbox_messages WHERE message_id = ANY(@ids) AND parked_at IS NOT NULL",
                new { ids }, 2, "both rows parked");

            var (status, outbox) = await ReadyAsync();
            Assert.Equal(System.Net.HttpStatusCode.OK, status.Code);
            Assert.Equal("Degraded", status.Overall);
            Assert.Equal("Degraded", outbox.GetProperty("status").GetString());
            Assert.StartsWith("2 outbox message(s) parked", outbox.GetProperty("description").GetString(), StringComparison.Ordinal);
            Assert.Contains(await File.ReadAllLinesAsync(system.Pledges.LogPath), line =>
                line.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal) && line.Contains(ids[0].ToString(), StringComparison.Ordinal)
                && line.Contains("parked", StringComparison.Ordinal));
        }
        finally
        {
            await DiscardDirectlyAsync(ids);
        }

        var (after, check) = await ReadyAsync();
        Assert.Equal("Healthy", after.Overall);
        Assert.Equal("Healthy", check.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_operator_lists_replays_and_discards_a_parked_row_each_audited_and_the_held_rows_then_go_out()
    {
        var fund = Samples.NewFund();
        var partition = $"test-unknown:{Guid.NewGuid()}";
        var parkedId = Guid.NewGuid();
        var heldBehind = Guid.NewGuid();
        await using (var connection = system.OpenDatabase("Pledges"))
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await InsertRawAsync(connection, tx, parkedId, "TrustFund.Contracts.Messages.NoSuchEvent", partition, "{}");
            await writer.EnqueueAsync(tx, Samples.Event(fund, contributionId: heldBehind), partition, heldBehind);
            await tx.CommitAsync();
        }
        try
        {
            await WaitUntilParkedAsync(parkedId);
            var (listed, list) = await OutboxAsync("list");
            Assert.True(listed == 0, list);
            Assert.Contains($"{parkedId}\t", list, StringComparison.Ordinal);
            Assert.Contains("1 held behind", list, StringComparison.Ordinal);
            Assert.Contains("unknown message type 'TrustFund.Contracts.Messages.NoSuchEvent'", list, StringComparison.Ordinal);

            // Replay hands it back to the relay; this build still does not know the type, so it is parked again.
            var (replayed, replay) = await OutboxAsync("replay", parkedId.ToString(), "--operator", "ops-carol", "--reason", "after the deploy");
            Assert.True(replayed == 0, replay);
            await AssertAuditedAsync(parkedId, "outbox.replayed", "ops-carol", "after the deploy");
            await WaitUntilParkedAsync(parkedId);

            var (refused, why) = await OutboxAsync("discard", parkedId.ToString(), "--operator", "ops-carol");
            Assert.Equal(2, refused);
            Assert.Contains("--reason is required", why, StringComparison.Ordinal);

            var (discarded, discard) = await OutboxAsync("discard", parkedId.ToString(), "--operator", "ops-carol", "--reason", "written by a retired version");
            Assert.True(discarded == 0, discard);
            await AssertAuditedAsync(parkedId, "outbox.discarded", "ops-carol", "written by a retired version");

            // With the head of its partition given up, the row held behind it goes out.
            await Eventually.GetAsync(() => Task.FromResult(system.Published.Any(m => m.ContributionId == heldBehind) ? "published" : null),
                "the held row at the probe");
            Assert.DoesNotContain(parkedId.ToString(), (await OutboxAsync("list")).Output, StringComparison.Ordinal);

            var (again, missing) = await OutboxAsync("discard", parkedId.ToString(), "--operator", "ops-carol", "--reason", "twice");
            Assert.Equal(1, again);
            Assert.Contains($"No parked outbox message {parkedId}", missing, StringComparison.Ordinal);
        }
        finally
        {
            await DiscardDirectlyAsync([parkedId]);
        }
    }

    private static Task<(int ExitCode, string Output)> OutboxAsync(params string[] args) =>
        ServiceProcess.RunCommandAsync("Pledges", ["outbox", "parked", .. args]);

    private Task WaitUntilParkedAsync(Guid id) =>
        system.WaitForCountAsync("Pledges", "SELECT count(*) FROM outbox_messages WHERE message_id = @id AND parked_at IS NOT NULL", new { id }, 1, "the row parked");

    private async Task AssertAuditedAsync(Guid messageId, string action, string actor, string reason)
    {
        await using var connection = system.OpenDatabase("Pledges");
        var row = Assert.Single(await connection.QueryAsync<(string Actor, string Details)>(
            "SELECT actor, details::text FROM audit_log WHERE action = @action AND entity_type = 'outbox-message' AND entity_id = @id",
            new { action, id = messageId.ToString() }));
        Assert.Equal(actor, row.Actor);
        Assert.Contains(reason, row.Details, StringComparison.Ordinal);
    }

    private async Task<((System.Net.HttpStatusCode Code, string? Overall) Status, System.Text.Json.JsonElement Outbox)> ReadyAsync()
    {
        using var response = await system.Pledges.Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return ((response.StatusCode, body.GetProperty("status").GetString()), body.GetProperty("checks").GetProperty("outbox"));
    }

    private static Task InsertRawAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx,
        Guid messageId, string type, string partition, string body) =>
        connection.ExecuteAsync("""
            INSERT INTO outbox_messages (message_id, message_type, partition_key, body, created_at)
            VALUES (@messageId, @type, @partition, @body, now())
            """, new { messageId, type, partition, body }, tx);

    private async Task<Dictionary<Guid, string>> ParkedAsync(Guid[] ids)
    {
        await using var connection = system.OpenDatabase("Pledges");
        var rows = await connection.QueryAsync<(Guid Id, string Reason)>(
            "SELECT message_id, parked_reason FROM outbox_messages WHERE message_id = ANY(@ids) AND parked_at IS NOT NULL AND sent_at IS NULL", new { ids });
        return rows.ToDictionary(r => r.Id, r => r.Reason);
    }

    /// <summary>Leaves no parked row behind for the other tests (which expect a healthy Pledges).</summary>
    private async Task DiscardDirectlyAsync(Guid[] ids)
    {
        await using var connection = system.OpenDatabase("Pledges");
        var hasColumn = await connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'outbox_messages' AND column_name = 'discarded_at')");
        await connection.ExecuteAsync(hasColumn
            ? "UPDATE outbox_messages SET discarded_at = now() WHERE message_id = ANY(@ids) AND sent_at IS NULL AND discarded_at IS NULL"
            : "DELETE FROM outbox_messages WHERE message_id = ANY(@ids)", new { ids });
    }
}
