using System.Net;
using System.Text.Json;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Pledges;

[Collection(SystemCollection.Name)]
public sealed class TotalsTests(SystemFixture system)
{
    private async Task<Guid> PledgeAsync(string fund, string donor, decimal amount, string currency, params decimal[] instalments) =>
        (await system.PostAsync(system.Pledges, "/pledges", "finance", new
        {
            donorId = donor, fundId = fund, amount, currency, earmark = new { kind = "window", windowId = "mercury" }, pledgedOn = "2026-01-15",
            exchangeRate = currency == "USD" ? (decimal?)null : 1.08m,
            instalments = instalments.Select((a, i) => new { dueDate = $"2026-0{i + 2}-28", amount = a }).ToArray(),
        })).Expect(HttpStatusCode.Created).Body.GetProperty("pledgeId").GetGuid();

    private async Task PayAsync(string fund, string donor, Guid? pledge, decimal amount, string currency, decimal? rate = null) =>
        (await system.PostAsync(system.Pledges, "/contributions", "finance", new Dictionary<string, object?>
        {
            ["donorId"] = donor, ["fundId"] = fund, ["pledgeId"] = pledge, ["amount"] = amount, ["currency"] = currency, ["valueDate"] = "2026-03-02",
            ["exchangeRate"] = rate, ["earmark"] = pledge is null ? new { kind = "window", windowId = "mercury" } : null,
        })).Expect(HttpStatusCode.Created);

    [Fact]
    public async Task Totals_show_a_funds_pledges_per_currency_after_payments_amendments_write_offs_and_cancellations_and_the_cash_received_in_base_currency()
    {
        var fund = await system.KnownFundAsync();
        // USD: 300 pledged, 120 paid, amended to 400, 30 written off (250 outstanding); another 200 pledged and cancelled.
        var norway = await PledgeAsync(fund, "donor-norway", 300m, "USD", 100m, 100m, 100m);
        await PayAsync(fund, "donor-norway", norway, 120m, "USD");
        (await system.PostAsync(system.Pledges, $"/pledges/{norway}/amend", "finance", new { amount = 400m, reason = "parliament approved more" }))
            .Expect(HttpStatusCode.OK);
        (await system.PostAsync(system.Pledges, $"/pledges/{norway}/write-off", "finance", new { amount = 30m, reason = "bank charges" })).Expect(HttpStatusCode.OK);
        var sweden = await PledgeAsync(fund, "donor-sweden", 200m, "USD", 200m);
        (await system.PostAsync(system.Pledges, $"/pledges/{sweden}/cancel", "finance", new { reason = "donor withdrew" })).Expect(HttpStatusCode.OK);
        // EUR: 1000 pledged, 450.55 paid at 1.08345 = 488.15 USD (rounded once); and an unpledged gift of 1000 USD.
        var eu = await PledgeAsync(fund, "donor-eu", 1000m, "EUR", 400m, 600m);
        await PayAsync(fund, "donor-eu", eu, 450.55m, "EUR", rate: 1.08345m);
        await PayAsync(fund, "donor-norway", null, 1000m, "USD");

        var totals = (await system.GetAsync(system.Pledges, $"/totals?fundId={fund}", "auditor")).Expect(HttpStatusCode.OK).Body;

        var only = Assert.Single(totals.EnumerateArray());
        Assert.Equal(fund, only.GetProperty("fundId").GetString());
        Assert.Equal(
        [
            ("EUR", 1, 1000m, 450.55m, 0m, 0m, 549.45m),
            ("USD", 2, 600m, 120m, 200m, 30m, 250m),
        ], only.GetProperty("pledges").EnumerateArray().Select(p => (p.GetProperty("currency").GetString(), p.GetProperty("count").GetInt32(),
            p.GetProperty("pledged").GetDecimal(), p.GetProperty("paid").GetDecimal(), p.GetProperty("cancelled").GetDecimal(),
            p.GetProperty("writtenOff").GetDecimal(), p.GetProperty("outstanding").GetDecimal())));
        var received = Assert.Single(only.GetProperty("contributions").EnumerateArray());
        Assert.Equal(("USD", 3, "1608.15"), (received.GetProperty("currency").GetString(), received.GetProperty("count").GetInt32(),
            received.GetProperty("received").GetRawText())); // 120 + 488.15 + 1000, with the currency's two decimals
        Assert.Equal("549.45", only.GetProperty("pledges")[0].GetProperty("outstanding").GetRawText());

        var all = (await system.GetAsync(system.Pledges, "/totals", "finance")).Expect(HttpStatusCode.OK).Body;
        Assert.Contains(all.EnumerateArray(), f => f.GetProperty("fundId").GetString() == fund);
    }

    [Fact]
    public async Task Totals_are_for_finance_and_auditors_an_unknown_fund_has_none_and_a_malformed_fund_id_is_refused_naming_it()
    {
        (await system.GetAsync(system.Pledges, "/totals", "fund-manager")).Expect(HttpStatusCode.Forbidden);
        (await system.GetAsync(system.Pledges, "/totals", "donor", claims: new Dictionary<string, string> { ["donor_id"] = "donor-norway" }))
            .Expect(HttpStatusCode.Forbidden);

        var unknown = (await system.GetAsync(system.Pledges, $"/totals?fundId={Samples.NewFund()}", "finance")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(JsonValueKind.Array, unknown.ValueKind);
        Assert.Equal(0, unknown.GetArrayLength());

        Assert.Contains("id-format", (await system.GetAsync(system.Pledges, "/totals?fundId=Not%20A%20Fund", "auditor"))
            .Expect(HttpStatusCode.BadRequest).RulesOf("fundId"));
    }
}
