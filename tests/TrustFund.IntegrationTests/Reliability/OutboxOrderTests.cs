using TrustFund.Contracts.Messages;
using TrustFund.Hosting;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Reliability;

[Collection(SystemCollection.Name)]
public sealed class OutboxOrderTests(SystemFixture system)
{
    [Fact]
    public async Task Events_of_one_aggregate_are_published_in_the_order_they_were_written()
    {
        var fund = Samples.NewFund();
        var ids = Enumerable.Range(0, 6).Select(_ => Guid.NewGuid()).ToList();
        var writer = new OutboxWriter(new SqlCatalog("postgres", [typeof(ServiceDefaults).Assembly]));

        // Written straight into Pledges' outbox, as its handlers do, under one partition; the running Pledges relays them.
        await using (var connection = system.OpenDatabase("Pledges"))
        await using (var tx = await connection.BeginTransactionAsync())
        {
            foreach (var id in ids)
            {
                await writer.EnqueueAsync(tx, Samples.Event(fund, contributionId: id), partitionKey: $"fund:{fund}", messageId: id);
            }
            await tx.CommitAsync();
        }

        var received = await Eventually.GetAsync(() =>
        {
            var mine = system.Published.Where(m => m.FundId == fund).Select(m => m.ContributionId).ToList();
            return Task.FromResult(mine.Count >= ids.Count ? mine : null);
        }, "all six events at the probe");

        Assert.Equal(ids, received);
    }

}
