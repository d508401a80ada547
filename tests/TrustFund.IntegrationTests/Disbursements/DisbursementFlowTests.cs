using System.Net;
using Dapper;
using TrustFund.IntegrationTests.Earmarking;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Disbursements;

[Collection(SystemCollection.Name)]
public sealed class DisbursementFlowTests(SystemFixture system)
{
    [Fact]
    public async Task Request_reserved_approved_paid_leaves_the_pools_and_the_attribution_right_in_Earmarking()
    {
        var fund = await system.FundWithMoneyAsync(1000m);
        var id = await system.RequestAsync(fund, 300m);
        await system.WaitForStatusAsync(id, "reserved");

        (await system.PostAsync(system.Disbursements, $"/requests/{id}/approve", "fund-manager", new { }, subject: "manager-1")).Expect(HttpStatusCode.OK);
        var queue = await system.GetAllAsync(system.Disbursements, "/requests/awaiting-payment", "finance");
        Assert.Contains(queue, r => r.GetProperty("requestId").GetGuid() == id);
        (await system.PostAsync(system.Disbursements, $"/requests/{id}/pay", "finance",
            new { valueDate = "2026-11-20", bankReference = "PAY-001", amount = 300m }, subject: "finance-1")).Expect(HttpStatusCode.OK);
        await system.WaitForStatusAsync(id, "paid");

        var request = (await system.GetAsync(system.Disbursements, $"/requests/{id}", "project-lead", subject: "lead-1")).Expect(HttpStatusCode.OK).Body;
        var attribution = request.GetProperty("attribution").GetProperty("attribution").EnumerateArray().Single();
        Assert.Equal(("donor-a", 300m), (attribution.GetProperty("donorId").GetString(), attribution.GetProperty("amount").GetDecimal()));
        Assert.Equal(["submitted", "reserved", "approved", "paying", "paid"],
            request.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("toStatus").GetString()));
        Assert.Equal(1, await system.EarmarkingStatusIsAsync(id, "consumed"));
        var sums = await system.SumsAsync(fund);
        Assert.Equal((700m, 0m, 300m), (sums.Available, sums.Reserved, sums.Disbursed));
        await system.WaitForCountAsync("Disbursements",
            "SELECT count(*) FROM outbox_messages WHERE partition_key = @key AND message_type LIKE '%DisbursementPaid' AND sent_at IS NOT NULL",
            new { key = $"request:{id}" }, 1, "DisbursementPaid published");

        // Reporting: the transfer to the partner leaves cash, in a balanced entry on the verified chain.
        var entry = await Eventually.GetAsync(async () =>
        {
            var answer = await system.GetAsync(system.Reporting, $"/ledger/entries/by-source/disbursement/{id}", "auditor");
            return answer.Status == HttpStatusCode.OK ? answer.Body.ToString() : null;
        }, "the transfer entry");
        var lines = System.Text.Json.JsonDocument.Parse(entry).RootElement.GetProperty("lines").EnumerateArray().ToList();
        Assert.Contains(lines, l => l.GetProperty("account").GetString() == "5000-transfers-to-implementing-partners" && l.GetProperty("debit").GetDecimal() == 300m);
        Assert.Contains(lines, l => l.GetProperty("account").GetString() == "1000-cash" && l.GetProperty("credit").GetDecimal() == 300m);
        Assert.True((await system.GetAsync(system.Reporting, "/ledger/verify", "auditor")).Body.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task Not_enough_money_shows_the_request_rejected_with_what_was_available()
    {
        var fund = await system.FundWithMoneyAsync(120.50m);
        var id = await system.RequestAsync(fund, 500m);
        await system.WaitForStatusAsync(id, "rejected-insufficient-funds");
        var request = (await system.GetAsync(system.Disbursements, $"/requests/{id}", "fund-manager")).Body;
        Assert.Equal(("insufficient-funds", 120.50m), (request.GetProperty("refusalReason").GetString(), request.GetProperty("available").GetDecimal()));
    }

    [Fact]
    public async Task Segregation_of_duties_the_requester_never_approves_and_above_the_threshold_two_different_managers_must()
    {
        var fund = await system.FundWithMoneyAsync(50_000m, threshold: 1_000m);
        var id = await system.RequestAsync(fund, 5_000m);
        await system.WaitForStatusAsync(id, "reserved");
        await system.AssignManagerAsync(fund, "lead-1"); // a manager of the fund who is also the requester
        await system.WaitForCountAsync("Disbursements", "SELECT count(*) FROM fund_managers WHERE fund_id = @fund AND manager = 'lead-1'", new { fund }, 1,
            "Disbursements to learn the assignment");

        var own = (await system.PostAsync(system.Disbursements, $"/requests/{id}/approve", "fund-manager", new { }, subject: "lead-1"))
            .Expect(HttpStatusCode.Forbidden);
        Assert.Equal("not-requester", own.Rule);
        (await system.PostAsync(system.Disbursements, $"/requests/{id}/approve", "project-lead", new { }, subject: "lead-2")).Expect(HttpStatusCode.Forbidden);
        (await system.PostAsync(system.Disbursements, $"/requests/{id}/approve", "fund-manager", new { }, subject: "manager-1")).Expect(HttpStatusCode.OK);
        var twice = (await system.PostAsync(system.Disbursements, $"/requests/{id}/approve", "fund-manager", new { }, subject: "manager-1"))
            .Expect(HttpStatusCode.OK).Body;
        Assert.Equal(("reserved", 1), (twice.GetProperty("status").GetString(), twice.GetProperty("approvedBy").GetArrayLength()));
        var pending = await system.GetAllAsync(system.Disbursements, "/requests/awaiting-approval", "fund-manager");
        Assert.Contains(pending, r => r.GetProperty("requestId").GetGuid() == id);

        var second = (await system.PostAsync(system.Disbursements, $"/requests/{id}/approve", "fund-manager", new { }, subject: "manager-2"))
            .Expect(HttpStatusCode.OK).Body;
        Assert.Equal("approved", second.GetProperty("status").GetString());
        Assert.Equal(["manager-1", "manager-2"], second.GetProperty("approvedBy").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task Rejection_and_cancellation_release_exactly_the_reserved_amount()
    {
        var fund = await system.FundWithMoneyAsync(1000m);
        var rejected = await system.RequestAsync(fund, 400m);
        var cancelled = await system.RequestAsync(fund, 350m);
        await system.WaitForStatusAsync(rejected, "reserved");
        await system.WaitForStatusAsync(cancelled, "reserved");
        Assert.Equal(750m, (await system.SumsAsync(fund)).Reserved);

        Assert.Contains("required", (await system.PostAsync(system.Disbursements, $"/requests/{rejected}/reject", "fund-manager", new { }, subject: "manager-1"))
            .Expect(HttpStatusCode.BadRequest).RulesOf("reason"));
        (await system.PostAsync(system.Disbursements, $"/requests/{rejected}/reject", "fund-manager", new { reason = "not in the work plan" }, subject: "manager-1"))
            .Expect(HttpStatusCode.OK);
        (await system.PostAsync(system.Disbursements, $"/requests/{cancelled}/cancel", "project-lead", new { }, subject: "lead-2")).Expect(HttpStatusCode.NotFound);
        (await system.PostAsync(system.Disbursements, $"/requests/{cancelled}/cancel", "project-lead", new { }, subject: "lead-1")).Expect(HttpStatusCode.OK);

        await Eventually.GetAsync(async () => (await system.SumsAsync(fund)).Reserved == 0m ? "released" : null, "both reservations released");
        var sums = await system.SumsAsync(fund);
        Assert.Equal((1000m, 0m), (sums.Available, sums.Disbursed));
        Assert.Equal(1, await system.EarmarkingStatusIsAsync(rejected, "released"));
        Assert.Equal(1, await system.EarmarkingStatusIsAsync(cancelled, "released"));
        Assert.Equal(409, (int)(await system.PostAsync(system.Disbursements, $"/requests/{rejected}/pay", "finance",
            new { valueDate = "2026-11-20", bankReference = "X", amount = 400m })).Status);
    }

    [Fact]
    public async Task Two_approvals_and_a_cancellation_racing_end_in_exactly_one_outcome_with_at_most_one_release()
    {
        var fund = await system.FundWithMoneyAsync(1000m);
        var id = await system.RequestAsync(fund, 200m);
        await system.WaitForStatusAsync(id, "reserved");

        var answers = await Task.WhenAll(
            system.PostAsync(system.Disbursements, $"/requests/{id}/approve", "fund-manager", new { }, subject: "manager-1"),
            system.PostAsync(system.Disbursements, $"/requests/{id}/approve", "fund-manager", new { }, subject: "manager-2"),
            system.PostAsync(system.Disbursements, $"/requests/{id}/cancel", "project-lead", new { }, subject: "lead-1"));

        var final = (await system.GetAsync(system.Disbursements, $"/requests/{id}", "auditor")).Body.GetProperty("status").GetString();
        Assert.Contains(final, new[] { "approved", "cancelled" });
        var releases = await system.CountAsync("Disbursements",
            "SELECT count(*) FROM outbox_messages WHERE partition_key = @key AND message_type LIKE '%ReleaseReservation'", new { key = $"request:{id}" });
        Assert.Equal(final == "cancelled" ? 1 : 0, releases);
        Assert.Equal(1, await system.CountAsync("Disbursements",
            "SELECT count(*) FROM request_transitions WHERE request_id = @id AND to_status IN ('approved', 'cancelled')", new { id }));
        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{a.Status}: {a.Body}"));
        await Eventually.GetAsync(async () => (await system.SumsAsync(fund)).Reserved == (final == "approved" ? 200m : 0m) ? "settled" : null, "Earmarking to agree");
        await Invariants.AssertHoldAsync(system, fund, "after the race:");
    }

    [Fact]
    public async Task Requests_made_while_Earmarking_is_down_all_end_consistent_once_it_returns()
    {
        var fund = await system.FundWithMoneyAsync(1000m);
        await system.Earmarking.KillAsync();
        try
        {
            var ids = new List<Guid>();
            for (var i = 0; i < 8; i++)
            {
                ids.Add(await system.RequestAsync(fund, 200m));
            }
            await Task.Delay(500);
            Assert.Equal(8, await system.CountAsync("Disbursements", "SELECT count(*) FROM requests WHERE request_id = ANY(@ids) AND status = 'submitted'", new { ids }));

            await system.RestartAsync("Earmarking");
            await system.WaitForCountAsync("Disbursements", "SELECT count(*) FROM requests WHERE request_id = ANY(@ids) AND status <> 'submitted'", new { ids }, 8,
                "every request answered", TimeSpan.FromSeconds(60));
            Assert.Equal(5, await system.CountAsync("Disbursements", "SELECT count(*) FROM requests WHERE request_id = ANY(@ids) AND status = 'reserved'", new { ids }));
            Assert.Equal(3, await system.CountAsync("Disbursements",
                "SELECT count(*) FROM requests WHERE request_id = ANY(@ids) AND status = 'rejected-insufficient-funds'", new { ids }));
            Assert.Equal(1000m, (await system.SumsAsync(fund)).Reserved);
            await using var earmarking = system.OpenDatabase("Earmarking");
            var held = (await earmarking.QueryAsync<Guid>("SELECT request_id FROM reservations WHERE fund_id = @fund AND status = 'reserved'", new { fund })).ToHashSet();
            await using var disbursements = system.OpenDatabase("Disbursements");
            var reserved = (await disbursements.QueryAsync<Guid>("SELECT request_id FROM requests WHERE request_id = ANY(@ids) AND status = 'reserved'", new { ids })).ToHashSet();
            Assert.Equal(held, reserved);
        }
        finally
        {
            if (system.Earmarking.HasExited)
            {
                await system.RestartAsync("Earmarking");
            }
        }
    }
}
