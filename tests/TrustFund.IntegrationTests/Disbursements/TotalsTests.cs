using System.Net;
using System.Text.Json;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Disbursements;

[Collection(SystemCollection.Name)]
public sealed class TotalsTests(SystemFixture system)
{
    private async Task<Guid> ReservedAsync(string fund, decimal amount)
    {
        var id = await system.RequestAsync(fund, amount);
        await system.WaitForStatusAsync(id, "reserved");
        return id;
    }

    private async Task ApproveAsync(Guid id) =>
        (await system.PostAsync(system.Disbursements, $"/requests/{id}/approve", "fund-manager", new { }, subject: "manager-1")).Expect(HttpStatusCode.OK);

    [Fact]
    public async Task Totals_count_and_sum_a_funds_requests_in_each_status_and_show_what_was_paid()
    {
        var fund = await system.FundWithMoneyAsync(1000m);
        var paid = await ReservedAsync(fund, 300m);
        await ApproveAsync(paid);
        (await system.PostAsync(system.Disbursements, $"/requests/{paid}/pay", "finance",
            new { valueDate = "2026-11-20", bankReference = "PAY-1", amount = 300m }, subject: "finance-1")).Expect(HttpStatusCode.OK);
        await system.WaitForStatusAsync(paid, "paid");
        await ApproveAsync(await ReservedAsync(fund, 100.25m)); // awaiting payment
        await ReservedAsync(fund, 50m); // awaiting approval
        var rejected = await ReservedAsync(fund, 70m);
        (await system.PostAsync(system.Disbursements, $"/requests/{rejected}/reject", "fund-manager", new { reason = "not in the work plan" }, subject: "manager-1"))
            .Expect(HttpStatusCode.OK);
        var cancelled = await ReservedAsync(fund, 40m);
        (await system.PostAsync(system.Disbursements, $"/requests/{cancelled}/cancel", "project-lead", new { }, subject: "lead-1")).Expect(HttpStatusCode.OK);
        var tooMuch = await system.RequestAsync(fund, 5000m); // 1000 - 300 - 100.25 - 50 = 549.75 available
        await system.WaitForStatusAsync(tooMuch, "rejected-insufficient-funds");

        var totals = (await system.GetAsync(system.Disbursements, $"/totals?fundId={fund}", "auditor")).Expect(HttpStatusCode.OK).Body;

        var usd = Assert.Single(totals.EnumerateArray());
        Assert.Equal((fund, "USD", 6, 5560.25m, 1, "300.00"), (usd.GetProperty("fundId").GetString(), usd.GetProperty("currency").GetString(),
            usd.GetProperty("requestedCount").GetInt32(), usd.GetProperty("requested").GetDecimal(), usd.GetProperty("paidCount").GetInt32(),
            usd.GetProperty("paid").GetRawText()));
        Assert.Equal(
        [
            ("submitted", 0, 0m), ("reserved", 1, 50m), ("rejected-insufficient-funds", 1, 5000m), ("reservation-refused", 0, 0m),
            ("approved", 1, 100.25m), ("paying", 0, 0m), ("paid", 1, 300m), ("payment-failed", 0, 0m),
            ("payment-returned", 0, 0m), ("rejected", 1, 70m), ("cancelled", 1, 40m), ("expired", 0, 0m),
        ], usd.GetProperty("byStatus").EnumerateArray().Select(s => (s.GetProperty("status").GetString(), s.GetProperty("count").GetInt32(),
            s.GetProperty("amount").GetDecimal())));
    }

    [Fact]
    public async Task Totals_are_for_finance_and_auditors_an_unknown_fund_has_none_and_a_malformed_fund_id_is_refused_naming_it()
    {
        (await system.GetAsync(system.Disbursements, "/totals", "fund-manager")).Expect(HttpStatusCode.Forbidden);
        (await system.GetAsync(system.Disbursements, "/totals", "project-lead", subject: "lead-1")).Expect(HttpStatusCode.Forbidden);

        var unknown = (await system.GetAsync(system.Disbursements, $"/totals?fundId={Samples.NewFund()}", "finance")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(JsonValueKind.Array, unknown.ValueKind);
        Assert.Equal(0, unknown.GetArrayLength());

        Assert.Contains("id-format", (await system.GetAsync(system.Disbursements, "/totals?fundId=Not%20A%20Fund", "auditor"))
            .Expect(HttpStatusCode.BadRequest).RulesOf("fundId"));
    }
}
