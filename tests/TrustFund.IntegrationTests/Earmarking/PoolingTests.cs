using System.Net;
using System.Text.Json;
using Dapper;
using TrustFund.Contracts.Messages;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Earmarking;

[Collection(SystemCollection.Name)]
public sealed class PoolingTests(SystemFixture system)
{
    private static readonly Earmark Mercury = new() { Kind = EarmarkKinds.Window, WindowId = "mercury" };

    [Fact]
    public async Task The_fee_goes_to_the_trustee_and_the_rest_to_the_pool_the_earmark_names()
    {
        var fund = await system.NewFundAsync(feeRate: 0.01m);
        await system.OpenWindowAsync(fund, "mercury");
        await system.ContributeAsync(fund, 2500.50m, Mercury, donor: "donor-norway");

        var pools = (await system.GetAsync(system.Earmarking, $"/funds/{fund}/pools", "finance")).Expect(HttpStatusCode.OK).Body
            .GetProperty("items").EnumerateArray().ToList();
        var fee = Assert.Single(pools, p => p.GetProperty("poolKind").GetString() == "fee");
        var purpose = Assert.Single(pools, p => p.GetProperty("poolKind").GetString() == "purpose");
        Assert.Equal(25.01m, fee.GetProperty("available").GetDecimal()); // 25.005 rounded once, half away from zero
        Assert.Equal(2475.49m, purpose.GetProperty("available").GetDecimal());
        Assert.Equal(("window", "mercury", "donor-norway"),
            (purpose.GetProperty("earmarkKind").GetString(), purpose.GetProperty("windowId").GetString(), purpose.GetProperty("donorId").GetString()));

        var totals = (await system.GetAsync(system.Earmarking, $"/totals?fundId={fund}", "auditor")).Expect(HttpStatusCode.OK).Body;
        var row = Assert.Single(totals.EnumerateArray());
        Assert.Equal(2500.50m, row.GetProperty("credited").GetDecimal());
        Assert.Equal(25.01m, row.GetProperty("fees").GetDecimal());
        Assert.True(row.GetProperty("balanced").GetBoolean());
    }

    [Fact]
    public async Task Money_for_a_closed_or_unknown_target_is_held_in_suspense_and_re_targeted_only_with_the_donors_agreement()
    {
        var fund = await system.NewFundAsync(feeRate: 0.02m);
        await system.OpenWindowAsync(fund, "mercury");
        await system.OpenProjectAsync(fund, "mercury", "closed-one", 0m);
        (await system.PostAsync(system.Earmarking, $"/funds/{fund}/projects/closed-one/close", "fund-manager", new { reason = "completed" }))
            .Expect(HttpStatusCode.OK);
        var toClosed = await system.ContributeAsync(fund, 100m, new Earmark { Kind = EarmarkKinds.Project, WindowId = "mercury", ProjectId = "closed-one" });
        await system.ContributeAsync(fund, 50m, new Earmark { Kind = EarmarkKinds.Window, WindowId = "no-such-window" });

        var suspense = (await system.GetAsync(system.Earmarking, $"/funds/{fund}/suspense", "fund-manager")).Expect(HttpStatusCode.OK).Body
            .GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["project-closed", "unknown-window"], suspense.Select(s => s.GetProperty("reason").GetString()).Order());
        Assert.Equal(98m + 49m, suspense.Sum(s => s.GetProperty("amount").GetDecimal())); // the fee is taken on receipt
        var availability = (await system.GetAsync(system.Earmarking, $"/funds/{fund}/availability", "fund-manager")).Body;
        Assert.Equal(147m, availability.GetProperty("suspense").EnumerateArray().Sum(s => s.GetProperty("available").GetDecimal()));
        Assert.Empty(availability.GetProperty("byProject").EnumerateArray());

        // Suspense money pays for nothing.
        await system.OpenProjectAsync(fund, "mercury", "open-one", 1000m);
        var refused = await system.ReserveAsync(fund, "open-one", 1m);
        Assert.Equal(("rejected", "insufficient-funds", 0m), (refused.Status, refused.RejectReason, refused.Available));

        var path = $"/funds/{fund}/suspense/{toClosed}/retarget";
        var noReference = (await system.PostAsync(system.Earmarking, path, "fund-manager",
            new { earmark = new { kind = "project", windowId = "mercury", projectId = "open-one" } })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("required", noReference.RulesOf("donorAgreementReference"));
        Assert.Equal("project-closed", (await system.PostAsync(system.Earmarking, path, "fund-manager",
            new { earmark = new { kind = "project", windowId = "mercury", projectId = "closed-one" }, donorAgreementReference = "LTR-7" }))
            .Expect(HttpStatusCode.UnprocessableEntity).Rule);
        (await system.PostAsync(system.Earmarking, path, "project-lead",
            new { earmark = new { kind = "unearmarked" }, donorAgreementReference = "LTR-7" })).Expect(HttpStatusCode.Forbidden);
        Assert.Equal(1, await system.CountAsync("Earmarking", "SELECT count(*) FROM lots l JOIN pools p ON p.pool_id = l.pool_id WHERE p.fund_id = @fund AND p.pool_kind = 'suspense' AND l.available = 98", new { fund }));

        (await system.PostAsync(system.Earmarking, path, "fund-manager",
            new { earmark = new { kind = "project", windowId = "mercury", projectId = "open-one" }, donorAgreementReference = "Letter of 2026-11-20, ref LTR-7" }))
            .Expect(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, (await system.PostAsync(system.Earmarking, path, "fund-manager",
            new { earmark = new { kind = "unearmarked" }, donorAgreementReference = "again" })).Status);

        Assert.Equal("reserved", (await system.ReserveAsync(fund, "open-one", 98m)).Status);
        var left = (await system.GetAsync(system.Earmarking, $"/funds/{fund}/suspense", "finance")).Body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("unknown-window", Assert.Single(left).GetProperty("reason").GetString());
        var sums = await system.SumsAsync(fund);
        Assert.Equal(sums.Credited, sums.Fees + sums.Available + sums.Reserved + sums.Disbursed + sums.Suspense);
        Assert.Equal((3m, 49m, 98m), (sums.Fees, sums.Suspense, sums.Reserved));
    }

    [Fact]
    public async Task A_contribution_that_arrives_before_its_fund_is_defined_waits_in_suspense_and_pays_its_fee_when_re_targeted()
    {
        var fund = Samples.NewFund();
        var early = await system.ContributeAsync(fund, 1000m, Earmark.Unearmarked);
        Assert.Equal(1000m, (await system.SumsAsync(fund)).Suspense);

        await system.NewFundAsync(feeRate: 0.015m, fundId: fund);
        (await system.PostAsync(system.Earmarking, $"/funds/{fund}/suspense/{early}/retarget", "fund-manager",
            new { earmark = new { kind = "unearmarked" }, donorAgreementReference = "fund established" })).Expect(HttpStatusCode.OK);

        var sums = await system.SumsAsync(fund);
        Assert.Equal((1000m, 15m, 985m, 0m), (sums.Credited, sums.Fees, sums.Available, sums.Suspense));
    }

    [Fact]
    public async Task Money_not_in_the_funds_currency_without_a_conversion_waits_in_suspense_whole()
    {
        var fund = await system.NewFundAsync(feeRate: 0.01m, currency: "USD");
        await system.ContributeAsync(fund, 300m, Earmark.Unearmarked, currency: "EUR");

        var suspense = Assert.Single((await system.GetAsync(system.Earmarking, $"/funds/{fund}/suspense", "auditor")).Body.GetProperty("items").EnumerateArray());
        Assert.Equal(("not-in-base-currency", 300m, "EUR"),
            (suspense.GetProperty("reason").GetString(), suspense.GetProperty("amount").GetDecimal(), suspense.GetProperty("currency").GetString()));
    }

    [Fact]
    public async Task A_donors_disbursements_come_a_page_at_a_time_each_once_in_value_date_order()
    {
        var fund = await system.NewFundAsync();
        var donor = $"donor-{Guid.NewGuid():N}";
        await system.OpenProjectAsync(fund, "core", "p1", 500m);
        await system.ContributeAsync(fund, 300m, donor: donor);
        var paid = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var request = (await system.ReserveAsync(fund, "p1", 10m)).RequestId;
            await system.ConsumeAsync(request, valueDate: new DateOnly(2026, 11, 12 - i)); // paid in reverse order of reservation
            paid.Insert(0, request);
        }

        var seen = new List<Guid>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = (await system.GetAsync(system.Earmarking, $"/donors/{donor}/money?limit=2{(after is null ? "" : $"&after={after}")}", "auditor"))
                .Expect(HttpStatusCode.OK).Body.GetProperty("disbursements");
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("requestId").GetGuid()));
            after = page.GetProperty("next").GetString();
            pages++;
        }
        while (after is not null);
        Assert.Equal(2, pages);
        Assert.Equal(paid, seen);
        Assert.Equal("range", (await system.GetAsync(system.Earmarking, $"/donors/{donor}/money?limit=0", "auditor"))
            .Expect(HttpStatusCode.BadRequest).RulesOf("limit").Single());
    }

    [Fact]
    public async Task A_donor_sees_where_its_own_money_is_and_went_and_never_another_donors()
    {
        var fund = await system.NewFundAsync();
        await system.OpenProjectAsync(fund, "core", "p1", 500m);
        await system.ContributeAsync(fund, 100m, donor: "donor-a");
        await system.ContributeAsync(fund, 100m, donor: "donor-b");
        var request = (await system.ReserveAsync(fund, "p1", 150m)).RequestId;
        await system.ConsumeAsync(request);

        var asA = new Dictionary<string, string> { ["donor_id"] = "donor-a" };
        var mine = (await system.GetAsync(system.Earmarking, "/donors/donor-a/money", "donor", claims: asA)).Expect(HttpStatusCode.OK).Body;
        Assert.All(mine.GetProperty("pools").EnumerateArray(), p => Assert.Equal("donor-a", p.GetProperty("donorId").GetString()));
        var paid = Assert.Single(mine.GetProperty("disbursements").GetProperty("items").EnumerateArray(), d => d.GetProperty("fundId").GetString() == fund);
        Assert.Equal(100m, paid.GetProperty("amount").GetDecimal()); // donor-a's older receipt paid first, in full
        var availability = (await system.GetAsync(system.Earmarking, $"/funds/{fund}/availability", "donor", claims: asA)).Body;
        Assert.Equal(["donor-a"], availability.GetProperty("byDonor").EnumerateArray().Select(d => d.GetProperty("key").GetString()));
        Assert.Empty(availability.GetProperty("fees").EnumerateArray());

        var other = (await system.GetAsync(system.Earmarking, "/donors/donor-b/money", "donor", claims: asA)).Expect(HttpStatusCode.Forbidden);
        Assert.Equal("donorId", other.Field);
        (await system.GetAsync(system.Earmarking, $"/funds/{fund}/pools", "donor")).Expect(HttpStatusCode.Forbidden);
        (await system.GetAsync(system.Earmarking, "/totals", "fund-manager")).Expect(HttpStatusCode.Forbidden);
    }
}
