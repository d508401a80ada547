using System.Net;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Earmarking;

/// <summary>
/// A project lead declares a refund; no pool and no ledger entry moves until finance confirms the cash, and a lead can
/// never credit pools itself.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class RefundDeclarationTests(SystemFixture system)
{
    private static readonly Dictionary<string, string> OfPartner1 = new() { ["partner_id"] = "partner-1" };

    private async Task<(string Fund, Guid Paid)> PaidDisbursementAsync()
    {
        var fund = await system.NewFundAsync();
        await system.OpenWindowAsync(fund, "mercury");
        await system.OpenProjectAsync(fund, "mercury", "p1", 1_000m);
        await system.ContributeAsync(fund, 300m, donor: "donor-a");
        var id = (await system.ReserveAsync(fund, "p1", 300m)).RequestId;
        await system.ConsumeAsync(id);
        return (fund, id);
    }

    private static object Refund(Guid refundId, decimal amount) =>
        new { refundId, amount, currency = "USD", valueDate = Dates.DaysAgo(2), reference = "unspent tranche 1" };

    private Task<long> RefundsOfAsync(Guid id) => system.CountAsync("Earmarking", "SELECT count(*) FROM refunds WHERE request_id = @id", new { id });

    [Fact]
    public async Task A_lead_cannot_credit_pools_with_a_refund_only_declare_one_that_moves_nothing_until_finance_confirms_it()
    {
        var (fund, id) = await PaidDisbursementAsync();
        var before = await system.SumsAsync(fund);

        // Recording a refund (money into pools) is finance's alone.
        (await system.PostAsync(system.Earmarking, $"/reservations/{id}/refunds", "project-lead", Refund(Guid.NewGuid(), 100m), subject: "lead-1"))
            .Expect(HttpStatusCode.Forbidden);

        // A colleague of the same partner declares; the pools, the reservation and the ledger stay as they were.
        var refundId = Guid.NewGuid();
        var declared = (await system.PostAsync(system.Earmarking, $"/reservations/{id}/refund-declarations", "project-lead", Refund(refundId, 100m),
            subject: "colleague-of-lead-1", claims: OfPartner1)).Expect(HttpStatusCode.Created).Body;
        Assert.Equal(("declared", "colleague-of-lead-1"), (declared.GetProperty("status").GetString(), declared.GetProperty("declaredBy").GetString()));
        Assert.Equal(before, await system.SumsAsync(fund));
        Assert.Equal(0, await RefundsOfAsync(id));
        Assert.Equal(0, await system.CountAsync("Reporting", "SELECT count(*) FROM journal_entries WHERE source_type = 'refund' AND fund_id = @fund", new { fund }));

        // What is declared counts against what can still come back: 300 paid, 100 declared, so 200.01 more is refused.
        var tooMuch = (await system.PostAsync(system.Earmarking, $"/reservations/{id}/refund-declarations", "project-lead", Refund(Guid.NewGuid(), 200.01m),
            subject: "lead-1")).Expect(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(("amount", "not-above-paid"), (tooMuch.Field, tooMuch.Rule));

        // Finance sees it waiting, confirms it with the bank statement's date: then, and only then, the pools and the ledger move.
        var waiting = (await system.GetAsync(system.Earmarking, "/refund-declarations?limit=200", "finance")).Expect(HttpStatusCode.OK).Body;
        Assert.Contains(waiting.GetProperty("items").EnumerateArray(), d => d.GetProperty("refundId").GetGuid() == refundId);
        var confirmed = (await system.PostAsync(system.Earmarking, $"/reservations/{id}/refund-declarations/{refundId}/confirm", "finance",
            new { valueDate = Dates.DaysAgo(1) }, subject: "finance-1")).Expect(HttpStatusCode.Created).Body;
        Assert.Equal((refundId, 100m), (confirmed.GetProperty("refundId").GetGuid(), confirmed.GetProperty("amount").GetDecimal()));
        var after = await system.SumsAsync(fund);
        Assert.Equal((before.Available + 100m, before.Disbursed - 100m), (after.Available, after.Disbursed));
        await system.WaitForCountAsync("Reporting", "SELECT count(*) FROM journal_entries WHERE source_type = 'refund' AND fund_id = @fund", new { fund }, 1,
            "the confirmed refund in the ledger");

        // It resolves once: a second confirmation (another key) or a rejection is a conflict, and nothing moves again.
        Assert.Equal("declared", (await system.PostAsync(system.Earmarking, $"/reservations/{id}/refund-declarations/{refundId}/confirm", "finance",
            new { valueDate = Dates.DaysAgo(1) }, subject: "finance-2")).Expect(HttpStatusCode.Conflict).Rule);
        Assert.Equal("declared", (await system.PostAsync(system.Earmarking, $"/reservations/{id}/refund-declarations/{refundId}/reject", "finance",
            new { reason = "late" }, subject: "finance-2")).Expect(HttpStatusCode.Conflict).Rule);
        Assert.Equal(after, await system.SumsAsync(fund));
        Assert.Equal(1, await RefundsOfAsync(id));
    }

    [Fact]
    public async Task Finance_rejects_a_declaration_with_a_reason_and_whoever_declared_never_resolves_it_nor_does_another_partner_declare()
    {
        var (fund, id) = await PaidDisbursementAsync();
        var before = await system.SumsAsync(fund);
        var refundId = Guid.NewGuid();
        (await system.PostAsync(system.Earmarking, $"/reservations/{id}/refund-declarations", "project-lead", Refund(refundId, 50m), subject: "lead-1"))
            .Expect(HttpStatusCode.Created);

        // A lead of another partner is not shown the disbursement; finance and auditors never declare.
        (await system.PostAsync(system.Earmarking, $"/reservations/{id}/refund-declarations", "project-lead", Refund(Guid.NewGuid(), 1m), subject: "lead-2",
            claims: new Dictionary<string, string> { ["partner_id"] = "partner-2" })).Expect(HttpStatusCode.NotFound);
        (await system.PostAsync(system.Earmarking, $"/reservations/{id}/refund-declarations", "finance", Refund(Guid.NewGuid(), 1m))).Expect(HttpStatusCode.Forbidden);
        // A lead never confirms; nor does whoever declared, even when the same person acts as finance.
        (await system.PostAsync(system.Earmarking, $"/reservations/{id}/refund-declarations/{refundId}/confirm", "project-lead",
            new { valueDate = Dates.DaysAgo(1) }, subject: "lead-1")).Expect(HttpStatusCode.Forbidden);
        Assert.Equal("not-declarer", (await system.PostAsync(system.Earmarking, $"/reservations/{id}/refund-declarations/{refundId}/confirm", "finance",
            new { valueDate = Dates.DaysAgo(1) }, subject: "lead-1")).Expect(HttpStatusCode.Forbidden).Rule);

        Assert.Contains("required", (await system.PostAsync(system.Earmarking, $"/reservations/{id}/refund-declarations/{refundId}/reject", "finance",
            new { reason = (string?)null })).Expect(HttpStatusCode.BadRequest).RulesOf("reason"));
        var rejected = (await system.PostAsync(system.Earmarking, $"/reservations/{id}/refund-declarations/{refundId}/reject", "finance",
            new { reason = "no such transfer on the bank statement" }, subject: "finance-1")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal(("rejected", "finance-1"), (rejected.GetProperty("status").GetString(), rejected.GetProperty("resolvedBy").GetString()));
        Assert.Equal(before, await system.SumsAsync(fund));
        Assert.Equal(0, await RefundsOfAsync(id));
        Assert.Equal(["range"], (await system.GetAsync(system.Earmarking, "/refund-declarations?limit=0", "finance")).Expect(HttpStatusCode.BadRequest).RulesOf("limit"));
        (await system.GetAsync(system.Earmarking, "/refund-declarations", "project-lead")).Expect(HttpStatusCode.Forbidden);
    }
}
