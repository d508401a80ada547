using System.Net;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Disbursements;

/// <summary>Who may act on a disbursement request: managers of its fund only, never the approver as payer, leads by partner.</summary>
[Collection(SystemCollection.Name)]
public sealed class SegregationOfDutiesTests(SystemFixture system)
{
    private static Dictionary<string, string> Partner(string partner) => new() { ["partner_id"] = partner };

    [Fact]
    public async Task A_manager_of_another_fund_can_neither_approve_nor_reject_nor_read_a_request()
    {
        var fund = await system.FundWithMoneyAsync(1000m);
        var outsider = $"manager-{Guid.NewGuid():N}";
        await system.NewFundAsync(fundId: null, definer: outsider); // the outsider manages a fund of their own
        var id = await system.RequestAsync(fund, 100m);
        await system.WaitForStatusAsync(id, "reserved");

        var approve = (await system.PostAsync(system.Disbursements, $"/requests/{id}/approve", "fund-manager", new { }, subject: outsider))
            .Expect(HttpStatusCode.Forbidden);
        Assert.Equal(("fundId", "assigned-fund-manager"), (approve.Field, approve.Rule));
        Assert.Equal("assigned-fund-manager", (await system.PostAsync(system.Disbursements, $"/requests/{id}/reject", "fund-manager",
            new { reason = "not mine to judge" }, subject: outsider)).Expect(HttpStatusCode.Forbidden).Rule);
        Assert.Equal("assigned-fund-manager", (await system.GetAsync(system.Disbursements, $"/requests/{id}", "fund-manager", subject: outsider))
            .Expect(HttpStatusCode.Forbidden).Rule);
        Assert.Equal(0, await system.CountAsync("Disbursements", "SELECT count(*) FROM approvals WHERE request_id = @id", new { id }));
        Assert.Equal(1, await system.CountAsync("Disbursements", "SELECT count(*) FROM requests WHERE request_id = @id AND status = 'reserved'", new { id }));

        // The fund's own managers still act, and a finance officer reads every fund.
        (await system.GetAsync(system.Disbursements, $"/requests/{id}", "fund-manager", subject: "manager-2")).Expect(HttpStatusCode.OK);
        (await system.GetAsync(system.Disbursements, $"/requests/{id}", "fund-manager,finance", subject: outsider)).Expect(HttpStatusCode.OK);
        (await system.PostAsync(system.Disbursements, $"/requests/{id}/approve", "fund-manager", new { }, subject: "manager-2")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_manager_removed_from_the_fund_can_no_longer_approve_its_requests()
    {
        var fund = await system.FundWithMoneyAsync(1000m);
        var leaving = $"manager-{Guid.NewGuid():N}";
        await system.AssignManagerAsync(fund, leaving);
        var id = await system.RequestAsync(fund, 100m);
        await system.WaitForStatusAsync(id, "reserved");
        (await system.PostAsync(system.Earmarking, $"/funds/{fund}/managers/{leaving}/remove", "fund-manager", new { reason = "moved on" },
            subject: FundSetup.Manager)).Expect(HttpStatusCode.OK);
        await system.WaitForCountAsync("Disbursements", "SELECT count(*) FROM fund_managers WHERE fund_id = @fund AND manager = @leaving",
            new { fund, leaving }, 0, "Disbursements to learn the removal");

        Assert.Equal("assigned-fund-manager", (await system.PostAsync(system.Disbursements, $"/requests/{id}/approve", "fund-manager", new { },
            subject: leaving)).Expect(HttpStatusCode.Forbidden).Rule);
    }

    [Fact]
    public async Task Whoever_approved_a_request_cannot_record_its_payment_and_nothing_is_written()
    {
        var fund = await system.FundWithMoneyAsync(1000m);
        var id = await system.RequestAsync(fund, 100m);
        await system.WaitForStatusAsync(id, "reserved");
        (await system.PostAsync(system.Disbursements, $"/requests/{id}/approve", "fund-manager,finance", new { }, subject: "manager-2"))
            .Expect(HttpStatusCode.OK);

        var refused = (await system.PostAsync(system.Disbursements, $"/requests/{id}/pay", "fund-manager,finance",
            new { valueDate = Dates.Iso(Dates.Today), bankReference = "P-SELF", amount = 100m }, subject: "manager-2")).Expect(HttpStatusCode.Forbidden);
        Assert.Equal(("Authorization", "not-approver"), (refused.Field, refused.Rule));
        Assert.Equal(1, await system.CountAsync("Disbursements", "SELECT count(*) FROM requests WHERE request_id = @id AND status = 'approved'", new { id }));
        Assert.Equal(0, await system.CountAsync("Disbursements",
            "SELECT count(*) FROM outbox_messages WHERE partition_key = @key AND message_type LIKE '%ConsumeReservation'", new { key = $"request:{id}" }));

        (await system.PostAsync(system.Disbursements, $"/requests/{id}/pay", "finance",
            new { valueDate = Dates.Iso(Dates.Today), bankReference = "P-OK", amount = 100m }, subject: "finance-1")).Expect(HttpStatusCode.OK);
        await system.WaitForStatusAsync(id, "paid");
    }

    [Fact]
    public async Task A_lead_sees_and_requests_for_its_partner_and_nothing_of_another_partner()
    {
        var fund = await system.FundWithMoneyAsync(1000m); // p1 is partner-1's (lead-1), p2 partner-2's (lead-2)
        var created = (await system.PostAsync(system.Disbursements, "/requests", "project-lead", new
        {
            fundId = fund, projectId = "p1", amount = 40m, currency = "USD", purpose = "field kits", neededBy = Dates.DaysAhead(10),
        }, subject: "lead-1", claims: Partner("partner-1"))).Expect(HttpStatusCode.Created);
        var id = created.Body.GetProperty("requestId").GetGuid();

        // A colleague at the same partner sees it and may request for the partner's project; the other partner does not.
        (await system.GetAsync(system.Disbursements, $"/requests/{id}", "project-lead", subject: "colleague-of-lead-1", claims: Partner("partner-1")))
            .Expect(HttpStatusCode.OK);
        (await system.PostAsync(system.Disbursements, "/requests", "project-lead", new
        {
            fundId = fund, projectId = "p1", amount = 10m, currency = "USD", purpose = "fuel", neededBy = Dates.DaysAhead(10),
        }, subject: "colleague-of-lead-1", claims: Partner("partner-1"))).Expect(HttpStatusCode.Created);
        Assert.Equal("requestId", (await system.GetAsync(system.Disbursements, $"/requests/{id}", "project-lead", subject: "lead-2",
            claims: Partner("partner-2"))).Expect(HttpStatusCode.NotFound).Field);
        Assert.Equal("projectId", (await system.PostAsync(system.Disbursements, "/requests", "project-lead", new
        {
            fundId = fund, projectId = "p1", amount = 10m, currency = "USD", purpose = "fuel", neededBy = Dates.DaysAhead(10),
        }, subject: "lead-2", claims: Partner("partner-2"))).Expect(HttpStatusCode.NotFound).Field);
        // Even the project's named lead, acting for another partner, is refused.
        (await system.PostAsync(system.Disbursements, "/requests", "project-lead", new
        {
            fundId = fund, projectId = "p1", amount = 10m, currency = "USD", purpose = "fuel", neededBy = Dates.DaysAhead(10),
        }, subject: "lead-1", claims: Partner("partner-2"))).Expect(HttpStatusCode.NotFound);
        // Cancelling stays the requester's own act.
        await system.WaitForStatusAsync(id, "reserved");
        Assert.Equal("requester", (await system.PostAsync(system.Disbursements, $"/requests/{id}/cancel", "project-lead", new { },
            subject: "colleague-of-lead-1", claims: Partner("partner-1"))).Expect(HttpStatusCode.Forbidden).Rule);

        Assert.Equal(2, await system.CountAsync("Disbursements", "SELECT count(*) FROM requests WHERE fund_id = @fund", new { fund }));

        // The lead's list is the partner's: both requests for the colleague, none for the other partner.
        async Task<List<Guid>> MineAsync(string subject, string partner) =>
            [.. (await system.GetAsync(system.Disbursements, "/requests/mine?limit=200", "project-lead", subject: subject, claims: Partner(partner)))
                .Expect(HttpStatusCode.OK).Body.GetProperty("items").EnumerateArray()
                .Where(r => r.GetProperty("fundId").GetString() == fund).Select(r => r.GetProperty("requestId").GetGuid())];
        Assert.Equal(2, (await MineAsync("colleague-of-lead-1", "partner-1")).Count);
        Assert.Contains(id, await MineAsync("colleague-of-lead-1", "partner-1"));
        Assert.Empty(await MineAsync("lead-2", "partner-2"));
    }

    [Fact]
    public async Task The_approval_queue_shows_a_fund_manager_only_the_requests_of_its_funds()
    {
        var fund = await system.FundWithMoneyAsync(1000m);
        var outsider = $"manager-{Guid.NewGuid():N}";
        await system.NewFundAsync(definer: outsider);
        var id = await system.RequestAsync(fund, 100m);
        await system.WaitForStatusAsync(id, "reserved");

        async Task<bool> QueuedForAsync(string subject, string role = "fund-manager")
        {
            string? after = null;
            do
            {
                var page = (await system.GetAsync(system.Disbursements, $"/requests/awaiting-approval?limit=200{(after is null ? "" : $"&after={after}")}", role,
                    subject: subject)).Expect(HttpStatusCode.OK).Body;
                if (page.GetProperty("items").EnumerateArray().Any(r => r.GetProperty("requestId").GetGuid() == id))
                {
                    return true;
                }
                after = page.GetProperty("next").GetString();
            }
            while (after is not null);
            return false;
        }
        Assert.False(await QueuedForAsync(outsider));
        Assert.True(await QueuedForAsync("manager-2"));
        Assert.True(await QueuedForAsync(outsider, "auditor"));
    }
}
