using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrustFund.Contracts.Messages;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Reliability;

/// <summary>The broker delivers at least once; every consumer must turn that into exactly one effect.</summary>
[Collection(SystemCollection.Name)]
public sealed class DuplicateDeliveryTests(SystemFixture system)
{
    [Fact]
    public async Task The_same_message_delivered_twice_credits_and_posts_once()
    {
        var fund = Samples.NewFund();
        var message = Samples.Event(fund, 400m, earmark: new Earmark { Kind = EarmarkKinds.Window, WindowId = "mercury" });
        var messageId = Guid.NewGuid();

        await PublishAsync(message, messageId);
        await PublishAsync(message, messageId);

        await AssertCreditedOnceAsync(fund, message, 400m, inboxDuplicates: 1);
    }

    [Fact]
    public async Task The_same_contribution_under_two_message_ids_still_credits_and_posts_once()
    {
        var fund = Samples.NewFund();
        var message = Samples.Event(fund, 123.45m, earmark: new Earmark { Kind = EarmarkKinds.Window, WindowId = "mercury" });

        await PublishAsync(message, Guid.NewGuid());
        await PublishAsync(message, Guid.NewGuid());

        await AssertCreditedOnceAsync(fund, message, 123.45m, inboxDuplicates: 0);
    }

    [Fact]
    public async Task Many_concurrent_copies_of_one_message_have_one_effect()
    {
        var fund = Samples.NewFund();
        var message = Samples.Event(fund, 9.99m, earmark: new Earmark { Kind = EarmarkKinds.Window, WindowId = "mercury" });
        var messageId = Guid.NewGuid();

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => PublishAsync(message, messageId)));

        await AssertCreditedOnceAsync(fund, message, 9.99m, inboxDuplicates: 9);
    }

    private async Task AssertCreditedOnceAsync(string fund, ContributionReceived message, decimal amount, int inboxDuplicates)
    {
        await system.WaitForCountAsync("Reporting", "SELECT count(*) FROM journal_entries WHERE fund_id = @fund", new { fund }, 1, "the ledger entry");
        var pools = await Eventually.GetAsync(async () =>
        {
            using var request = system.Request(HttpMethod.Get, $"/funds/{fund}/pools", "auditor");
            using var response = await system.Earmarking.Client.SendAsync(request);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            return body.GetProperty("items").GetArrayLength() > 0 ? body.GetProperty("totals").Clone().ToString() : null;
        }, "the pool credit");

        // Let any straggling copy arrive before counting.
        await Task.Delay(1500);
        var totals = JsonDocument.Parse(pools).RootElement;
        Assert.Equal(amount, Assert.Single(totals.EnumerateArray()).GetProperty("available").GetDecimal());
        Assert.Equal(amount, await ScalarAsync<decimal>("Earmarking", "SELECT sum(l.available) FROM lots l JOIN pools p ON p.pool_id = l.pool_id WHERE p.fund_id = @fund", fund));
        Assert.Equal(1, await system.CountAsync("Earmarking", "SELECT count(*) FROM receipts WHERE contribution_id = @id", new { id = message.ContributionId }));
        Assert.Equal(1, await system.CountAsync("Reporting", "SELECT count(*) FROM journal_entries WHERE fund_id = @fund", new { fund }));
        Assert.Equal(amount, await ScalarAsync<decimal>("Reporting",
            "SELECT sum(l.debit) FROM journal_lines l JOIN journal_entries e USING (entry_id) WHERE e.fund_id = @fund", fund));
        if (inboxDuplicates > 0)
        {
            // The copies reached every consumer and were recognised, not lost on the way.
            Assert.Equal(1, await system.CountAsync("Reporting", "SELECT count(*) FROM inbox_messages i JOIN journal_entries e ON e.source_message_id = i.message_id WHERE e.fund_id = @fund", new { fund }));
        }
    }

    private Task PublishAsync(ContributionReceived message, Guid messageId) =>
        system.Bus.Publish(message, MassTransit.Pipe.Execute<MassTransit.PublishContext<ContributionReceived>>(ctx => ctx.MessageId = messageId));

    private async Task<T> ScalarAsync<T>(string service, string sql, string fund)
    {
        await using var connection = system.OpenDatabase(service);
        return await Dapper.SqlMapper.ExecuteScalarAsync<T>(connection, sql, new { fund }) ?? throw new InvalidOperationException("no value");
    }

}
