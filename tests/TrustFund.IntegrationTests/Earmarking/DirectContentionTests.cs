using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrustFund.Contracts.Messages;
using TrustFund.Earmarking.Pools;
using TrustFund.Earmarking.Reservations;
using TrustFund.Hosting;
using TrustFund.Hosting.Audit;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Earmarking;

/// <summary>
/// The reservation book itself, driven by 200 transactions at once on the real database (the service's consumers
/// handle a bounded number of messages at a time; this test takes the limit away).
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class DirectContentionTests(SystemFixture system)
{
    [Fact]
    public async Task Two_hundred_simultaneous_transactions_on_one_project_reserve_exactly_what_the_pools_hold()
    {
        var fund = await system.NewFundAsync();
        await system.OpenWindowAsync(fund, "mercury");
        await system.OpenProjectAsync(fund, "mercury", "p1", 10_000m);
        await system.OpenProjectAsync(fund, "mercury", "p2", 10_000m);
        await system.ContributeAsync(fund, 123.45m, new Earmark { Kind = EarmarkKinds.Project, WindowId = "mercury", ProjectId = "p1" }, donor: "d1");
        await system.ContributeAsync(fund, 376.55m, new Earmark { Kind = EarmarkKinds.Window, WindowId = "mercury" }, donor: "d2");
        await system.ContributeAsync(fund, 500m, donor: "d3");

        await using var database = Database();
        var book = Book(database);
        // p1 and p2 compete for the window and core money; p1 alone may use its own. 200 requests of 10.00 for 1000.00.
        var requests = Enumerable.Range(0, 200).Select(i => new ReserveFunds
        {
            RequestId = Guid.NewGuid(), FundId = fund, ProjectId = i % 2 == 0 ? "p1" : "p2", Amount = 10m, Currency = "USD", RequestedBy = "lead-1",
        }).ToList();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = requests.Select(r => Task.Run(async () =>
        {
            await start.Task;
            await using var connection = await database.OpenAsync();
            await using var tx = await connection.BeginTransactionAsync();
            var row = await book.ReserveAsync(tx, r);
            await tx.CommitAsync();
            return row.Status;
        })).ToList();
        start.SetResult();
        var outcomes = await Task.WhenAll(running);

        Assert.Equal(100, outcomes.Count(o => o == "reserved"));
        Assert.Equal(100, outcomes.Count(o => o == "rejected"));
        var sums = await system.SumsAsync(fund);
        Assert.Equal((1000m, 0m), (sums.Reserved, sums.Available));
        await Invariants.AssertHoldAsync(system, fund, "after 200 simultaneous transactions:");

        // A rerun of the same requests: every one finds its first answer and nothing moves.
        var again = await Task.WhenAll(requests.Select(async r =>
        {
            await using var connection = await database.OpenAsync();
            await using var tx = await connection.BeginTransactionAsync();
            var row = await book.ReserveAsync(tx, r);
            await tx.CommitAsync();
            return (r.RequestId, row.Status);
        }));
        await using var check = system.OpenDatabase("Earmarking");
        var stored = (await check.QueryAsync<(Guid, string)>("SELECT request_id, status FROM reservations WHERE fund_id = @fund", new { fund })).ToHashSet();
        Assert.Equal(stored, again.ToHashSet());
        Assert.Equal(sums, await system.SumsAsync(fund));
    }

    private static Database Database()
    {
        var sql = new SqlCatalog("postgres", [typeof(ServiceDefaults).Assembly, typeof(ReservationBook).Assembly]);
        var options = new DatabaseOptions
        {
            Provider = "postgres", MaxPoolSize = 100,
            ConnectionString = TestEnvironment.Current.ConnectionString("Earmarking").Replace(";Pooling=false", "", StringComparison.Ordinal),
        };
        return new Database(Options.Create(options), sql);
    }

    private static ReservationBook Book(Database database) =>
        new(database, new OutboxWriter(database.Sql), new PoolBook(database, TimeProvider.System), new AuditTrail(database.Sql, TimeProvider.System),
            Options.Create(new ReservationOptions()), TimeProvider.System, NullLogger<ReservationBook>.Instance);
}
