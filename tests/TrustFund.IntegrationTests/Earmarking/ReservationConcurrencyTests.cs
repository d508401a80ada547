using Dapper;
using MassTransit;
using TrustFund.Contracts.Messages;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Earmarking;

[Collection(SystemCollection.Name)]
public sealed class ReservationConcurrencyTests(SystemFixture system)
{
    [Fact]
    public async Task Two_hundred_concurrent_reservations_against_money_for_half_of_them_never_over_commit_and_a_rerun_changes_nothing()
    {
        var fund = await system.NewFundAsync();
        await system.OpenWindowAsync(fund, "mercury");
        await system.OpenProjectAsync(fund, "mercury", "p1", 1_000_000m);
        // 1000.00 in three levels and four donors: exactly 100 reservations of 10.00 fit.
        await system.ContributeAsync(fund, 300m, new Earmark { Kind = EarmarkKinds.Project, WindowId = "mercury", ProjectId = "p1" }, donor: "d1");
        await system.ContributeAsync(fund, 333.33m, new Earmark { Kind = EarmarkKinds.Window, WindowId = "mercury" }, donor: "d2");
        await system.ContributeAsync(fund, 116.67m, new Earmark { Kind = EarmarkKinds.Window, WindowId = "mercury" }, donor: "d3");
        await system.ContributeAsync(fund, 250m, donor: "d4");
        await system.ContributeAsync(fund, 5000m, new Earmark { Kind = EarmarkKinds.Window, WindowId = "other" }, donor: "d5"); // suspense: never eligible

        var ids = Enumerable.Range(0, 200).Select(_ => Guid.NewGuid()).ToList();
        await PublishAllAsync(fund, ids);
        await system.WaitForCountAsync("Earmarking", "SELECT count(*) FROM reservations WHERE fund_id = @fund", new { fund }, 200,
            "200 answers", TimeSpan.FromSeconds(90));

        var first = await StatesAsync(fund);
        Assert.Equal(100, first.Count(s => s.Status == "reserved"));
        Assert.Equal(100, first.Count(s => s.Status == "rejected"));
        Assert.All(first.Where(s => s.Status == "rejected"), s => Assert.Equal(("insufficient-funds", 0m), (s.RejectReason, s.Available)));
        var sums = await system.SumsAsync(fund);
        Assert.Equal((1000m, 0m), (sums.Reserved, sums.Available));
        await Invariants.AssertHoldAsync(system, fund, "after 200 concurrent reservations:");

        // The same 200 requests again: each finds its first answer; nothing moves.
        var inboxBefore = await system.CountAsync("Earmarking", "SELECT count(*) FROM inbox_messages WHERE consumer = 'ReserveFundsConsumer'");
        await PublishAllAsync(fund, ids);
        await system.WaitForCountAsync("Earmarking", "SELECT count(*) FROM inbox_messages WHERE consumer = 'ReserveFundsConsumer'", new { }, inboxBefore + 200,
            "200 repeats handled", TimeSpan.FromSeconds(90));
        Assert.Equal(first, await StatesAsync(fund));
        Assert.Equal(sums, await system.SumsAsync(fund));
        Assert.Equal(first.Count(s => s.Status == "reserved") * 1L, await system.CountAsync("Earmarking",
            "SELECT count(DISTINCT rl.request_id) FROM reservation_lines rl JOIN reservations r ON r.request_id = rl.request_id WHERE r.fund_id = @fund", new { fund }));
        await Invariants.AssertHoldAsync(system, fund, "after the rerun:");
    }

    private Task PublishAllAsync(string fund, IEnumerable<Guid> ids) =>
        Task.WhenAll(ids.Select(id => system.Bus.Publish(new ReserveFunds
        {
            RequestId = id, FundId = fund, ProjectId = "p1", Amount = 10m, Currency = "USD", RequestedBy = "lead-1",
        })));

    private async Task<List<ReservationState>> StatesAsync(string fund)
    {
        await using var connection = system.OpenDatabase("Earmarking");
        return [.. await connection.QueryAsync<ReservationState>(
            "SELECT request_id AS RequestId, status AS Status, reject_reason AS RejectReason, available AS Available, amount AS Amount FROM reservations WHERE fund_id = @fund ORDER BY request_id",
            new { fund })];
    }
}
