using MassTransit;
using TrustFund.Contracts.Messages;
using TrustFund.IntegrationTests.Earmarking;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Reliability;

/// <summary>Earmarking killed (kill -9) while reservations are pouring in: after the restart every request has one outcome and the books hold.</summary>
[Collection(SystemCollection.Name)]
public sealed class ReservationCrashTests(SystemFixture system)
{
    [Fact]
    public async Task Killing_Earmarking_mid_flight_leaves_every_request_answered_once_and_the_pools_exact()
    {
        var fund = await system.NewFundAsync();
        await system.OpenProjectAsync(fund, "core", "p1", 100_000m);
        await system.ContributeAsync(fund, 500m, donor: "d1");

        var ids = Enumerable.Range(0, 100).Select(_ => Guid.NewGuid()).ToList();
        await Task.WhenAll(ids.Select(id => system.Bus.Publish(new ReserveFunds
        {
            RequestId = id, FundId = fund, ProjectId = "p1", Amount = 10m, Currency = "USD", RequestedBy = "lead-1",
        })));
        await system.WaitForCountAsync("Earmarking", "SELECT least(count(*), 10) FROM reservations WHERE fund_id = @fund", new { fund }, 10,
            "the first reservations");
        await system.Earmarking.KillAsync();
        var before = await system.CountAsync("Earmarking", "SELECT count(*) FROM reservations WHERE fund_id = @fund", new { fund });

        await system.RestartAsync("Earmarking");
        await system.WaitForCountAsync("Earmarking", "SELECT count(*) FROM reservations WHERE fund_id = @fund", new { fund }, 100,
            "every request after the restart", TimeSpan.FromSeconds(90));

        Assert.True(before < 100, $"the kill came too late to test anything ({before} of 100 done)");
        Assert.Equal(50, await system.CountAsync("Earmarking", "SELECT count(*) FROM reservations WHERE fund_id = @fund AND status = 'reserved'", new { fund }));
        Assert.Equal(50, await system.CountAsync("Earmarking", "SELECT count(*) FROM reservations WHERE fund_id = @fund AND status = 'rejected'", new { fund }));
        await Invariants.AssertHoldAsync(system, fund, "after a kill -9 mid-flight:");
        // Every request has an answer waiting in (or already sent from) the outbox, and the relay catches up on all of them.
        Assert.Equal(100, await system.CountAsync("Earmarking", """
            SELECT count(DISTINCT partition_key) FROM outbox_messages
            WHERE partition_key = ANY(@keys) AND message_type LIKE '%FundsReserv%'
            """, new { keys = ids.Select(id => $"reservation:{id}").ToArray() }));
        await system.WaitForCountAsync("Earmarking", "SELECT count(*) FROM outbox_messages WHERE partition_key = ANY(@keys) AND sent_at IS NULL",
            new { keys = ids.Select(id => $"reservation:{id}").ToArray() }, 0, "every answer published");
    }
}
