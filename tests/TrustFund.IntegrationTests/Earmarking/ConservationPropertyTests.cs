using System.Net;
using Dapper;
using TrustFund.Contracts.Messages;
using TrustFund.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace TrustFund.IntegrationTests.Earmarking;

/// <summary>
/// Random sequences of every operation that moves money (contributions to open, closed and unknown targets,
/// reservations, releases, payments, refunds, interest, re-targeting of suspense), run against the real service,
/// broker and database; after each sequence the invariants are checked against the database's own sums.
/// A failure names the seed that reproduces it.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class ConservationPropertyTests(SystemFixture system, ITestOutputHelper output)
{
    private static readonly Earmark[] Earmarks =
    [
        Earmark.Unearmarked,
        new() { Kind = EarmarkKinds.Window, WindowId = "mercury" },
        new() { Kind = EarmarkKinds.Window, WindowId = "gold" },
        new() { Kind = EarmarkKinds.Project, WindowId = "mercury", ProjectId = "p1" },
        new() { Kind = EarmarkKinds.Project, WindowId = "gold", ProjectId = "p2" },
        new() { Kind = EarmarkKinds.Project, WindowId = "mercury", ProjectId = "closed" },
        new() { Kind = EarmarkKinds.Window, WindowId = "unknown" },
    ];

    private static readonly string[] Projects = ["p1", "p2", "p3"];

    [Fact]
    public async Task Property_money_is_conserved_never_negative_and_never_spent_off_its_earmark_after_any_sequence()
    {
        var seeds = new List<int> { 1, 2, 3, 4, 5, Environment.TickCount };
        foreach (var seed in seeds)
        {
            var fund = await RunSequenceAsync(seed, operations: 30);
            await Invariants.AssertHoldAsync(system, fund, $"seed {seed}:");
            var totals = (await system.GetAsync(system.Earmarking, $"/totals?fundId={fund}", "auditor")).Expect(HttpStatusCode.OK).Body;
            Assert.All(totals.EnumerateArray(), t => Assert.True(t.GetProperty("balanced").GetBoolean(), $"seed {seed}: /totals not balanced: {t}"));
        }
    }

    /// <summary>
    /// After any sequence (interest included), each donor's statement in Reporting holds at the end exactly what that
    /// donor's pools and suspense hold in Earmarking, to the cent, and shows the interest credited to those pools.
    /// </summary>
    [Fact]
    public async Task Property_each_donor_statement_holds_what_that_donors_pools_hold_interest_included()
    {
        foreach (var seed in new[] { 21, Environment.TickCount })
        {
            var fund = await RunSequenceAsync(seed, operations: 30);
            await using var earmarking = system.OpenDatabase("Earmarking");
            var pools = (await earmarking.QueryAsync<(string Donor, decimal Held, decimal Interest)>("""
                SELECT p.donor_id, coalesce(sum(l.available + l.reserved), 0),
                       coalesce(sum(l.credited) FILTER (WHERE l.origin = 'interest'), 0)
                FROM pools p JOIN lots l ON l.pool_id = p.pool_id
                WHERE p.fund_id = @fund AND p.pool_kind IN ('purpose', 'suspense') AND p.donor_id <> @fundIncome
                GROUP BY p.donor_id ORDER BY p.donor_id
                """, new { fund, fundIncome = PoolLine.FundIncome })).ToList();
            Assert.NotEmpty(pools);
            var to = Dates.Iso(Dates.Today);
            foreach (var (donor, held, interest) in pools)
            {
                var statement = await Eventually.GetAsync(async () =>
                {
                    var answer = await system.GetAsync(system.Reporting, $"/funds/{fund}/statements/donors/{donor}?from=2000-01-01&to={to}", "auditor");
                    return answer.Status == HttpStatusCode.OK && answer.Body.GetProperty("heldAtEnd").GetDecimal() == held
                        && answer.Body.GetProperty("interest").GetDecimal() == interest ? answer.Body.ToString() : null;
                }, $"seed {seed}: the statement of {donor} to hold {held} (interest {interest}) as its pools do");
                Assert.Contains(donor, statement, StringComparison.Ordinal);
            }
        }
    }

    private async Task<string> RunSequenceAsync(int seed, int operations)
    {
        var random = new Random(seed);
        var fund = await system.NewFundAsync(feeRate: random.Next(0, 4) / 100m);
        await system.OpenWindowAsync(fund, "mercury");
        await system.OpenWindowAsync(fund, "gold");
        await system.OpenProjectAsync(fund, "mercury", "p1", random.Next(100, 3000));
        await system.OpenProjectAsync(fund, "gold", "p2", random.Next(100, 3000));
        await system.OpenProjectAsync(fund, "core", "p3", random.Next(100, 3000));
        await system.OpenProjectAsync(fund, "mercury", "closed", 0m);
        (await system.PostAsync(system.Earmarking, $"/funds/{fund}/projects/closed/close", "fund-manager", new { reason = "done" })).Expect(HttpStatusCode.OK);

        var reserved = new List<Guid>();
        var paid = new List<Guid>();
        var month = 0;
        var log = new List<string>();
        for (var i = 0; i < operations; i++)
        {
            var op = random.Next(0, 100);
            string step;
            if (op < 35)
            {
                var earmark = Earmarks[random.Next(Earmarks.Length)];
                var amount = random.Next(1, 50_000) / 100m;
                await system.ContributeAsync(fund, amount, earmark, donor: $"donor-{random.Next(1, 4)}", valueDate: new DateOnly(2025, random.Next(1, 13), random.Next(1, 29)));
                step = $"contribute {amount} to {earmark.Kind}/{earmark.WindowId}/{earmark.ProjectId}";
            }
            else if (op < 60)
            {
                var project = Projects[random.Next(Projects.Length)];
                var amount = random.Next(1, 40_000) / 100m;
                var state = await system.ReserveAsync(fund, project, amount);
                if (state.Status == "reserved")
                {
                    reserved.Add(state.RequestId);
                }
                step = $"reserve {amount} for {project}: {state.Status} {state.RejectReason}";
            }
            else if (op < 70 && reserved.Count > 0)
            {
                var id = Take(random, reserved);
                await system.ReleaseAsync(id);
                step = $"release {id}";
            }
            else if (op < 82 && reserved.Count > 0)
            {
                var id = Take(random, reserved);
                await system.ConsumeAsync(id);
                paid.Add(id);
                step = $"consume {id}";
            }
            else if (op < 90 && paid.Count > 0)
            {
                var id = paid[random.Next(paid.Count)];
                var outstanding = await system.CountAsync("Earmarking", "SELECT ((amount - refunded) * 100)::bigint FROM reservations WHERE request_id = @id", new { id });
                if (outstanding == 0)
                {
                    continue;
                }
                var amount = random.Next(1, (int)Math.Min(outstanding, int.MaxValue - 1) + 1) / 100m;
                (await system.PostAsync(system.Earmarking, $"/reservations/{id}/refunds", "finance", new
                {
                    refundId = Guid.NewGuid(), amount, currency = "USD", valueDate = "2025-12-31", reference = $"refund {i}",
                })).Expect(HttpStatusCode.Created);
                step = $"refund {amount} of {id}";
            }
            else if (op < 95 && month < 12)
            {
                month++;
                var amount = random.Next(1, 10_000) / 100m;
                var end = new DateOnly(2025, month, 1).AddMonths(1).AddDays(-1);
                (await system.PostAsync(system.Earmarking, $"/funds/{fund}/interest", "finance", new
                {
                    interestId = Guid.NewGuid(), periodStart = new DateOnly(2025, month, 1), periodEnd = end, amount, currency = "USD",
                })).Expect(HttpStatusCode.Created);
                step = $"interest {amount} for month {month}";
            }
            else
            {
                await using var connection = system.OpenDatabase("Earmarking");
                var held = (await connection.QueryAsync<Guid>(
                    "SELECT r.contribution_id FROM receipts r LEFT JOIN retargets t USING (contribution_id) WHERE r.fund_id = @fund AND r.suspense_reason IS NOT NULL AND t.contribution_id IS NULL",
                    new { fund })).ToList();
                if (held.Count == 0)
                {
                    continue;
                }
                var target = Earmarks[random.Next(0, 5)];
                (await system.PostAsync(system.Earmarking, $"/funds/{fund}/suspense/{held[random.Next(held.Count)]}/retarget", "fund-manager", new
                {
                    earmark = new { kind = target.Kind, windowId = target.WindowId, projectId = target.ProjectId }, donorAgreementReference = $"agreement {i}",
                })).Expect(HttpStatusCode.OK);
                step = $"retarget to {target.Kind}/{target.WindowId}/{target.ProjectId}";
            }
            log.Add(step);
            await Invariants.AssertHoldAsync(system, fund, $"seed {seed}, after step {i} ({step}):");
        }
        output.WriteLine($"seed {seed}: {string.Join(" | ", log)}");
        return fund;
    }

    private static Guid Take(Random random, List<Guid> from)
    {
        var index = random.Next(from.Count);
        var id = from[index];
        from.RemoveAt(index);
        return id;
    }
}
