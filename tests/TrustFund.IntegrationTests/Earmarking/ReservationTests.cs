using System.Net;
using Dapper;
using TrustFund.Contracts.Messages;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Earmarking;

[Collection(SystemCollection.Name)]
public sealed class ReservationTests(SystemFixture system)
{
    private static Earmark Window(string w) => new() { Kind = EarmarkKinds.Window, WindowId = w };

    private static Earmark Project(string w, string p) => new() { Kind = EarmarkKinds.Project, WindowId = w, ProjectId = p };

    private async Task<string> FundWithProjectAsync(decimal allocation = 1_000_000m)
    {
        var fund = await system.NewFundAsync();
        await system.OpenWindowAsync(fund, "mercury");
        await system.OpenWindowAsync(fund, "gold");
        await system.OpenProjectAsync(fund, "mercury", "p1", allocation);
        return fund;
    }

    [Fact]
    public async Task A_reservation_takes_project_money_then_window_then_core_oldest_first_and_payment_attributes_it_to_donors()
    {
        var fund = await FundWithProjectAsync();
        await system.ContributeAsync(fund, 100m, donor: "core-donor", valueDate: new DateOnly(2026, 1, 1));
        await system.ContributeAsync(fund, 60m, Window("mercury"), donor: "window-late", valueDate: new DateOnly(2026, 3, 1));
        await system.ContributeAsync(fund, 40m, Window("mercury"), donor: "window-early", valueDate: new DateOnly(2026, 2, 1));
        await system.ContributeAsync(fund, 30m, Project("mercury", "p1"), donor: "project-donor", valueDate: new DateOnly(2026, 6, 1));
        await system.ContributeAsync(fund, 500m, Window("gold"), donor: "gold-donor");

        var reserved = await system.ReserveAsync(fund, "p1", 150m);
        Assert.Equal("reserved", reserved.Status);
        await using var connection = system.OpenDatabase("Earmarking");
        var lines = (await connection.QueryAsync<(string Donor, decimal Amount)>(
            "SELECT donor_id, amount FROM reservation_lines WHERE request_id = @id ORDER BY line_no", new { id = reserved.RequestId })).ToList();
        Assert.Equal([("project-donor", 30m), ("window-early", 40m), ("window-late", 60m), ("core-donor", 20m)], lines);

        await system.ConsumeAsync(reserved.RequestId, new DateOnly(2026, 11, 12));
        Assert.Equal("consumed", (await system.ReservationAsync(reserved.RequestId)).Status);
        var body = await connection.QuerySingleAsync<string>(
            "SELECT body FROM outbox_messages WHERE partition_key = @key AND message_type LIKE '%FundsDisbursed'", new { key = $"reservation:{reserved.RequestId}" });
        var disbursed = System.Text.Json.JsonDocument.Parse(body).RootElement;
        Assert.Equal(150m, disbursed.GetProperty("amount").GetDecimal());
        Assert.Equal("partner-1", disbursed.GetProperty("partnerId").GetString());
        Assert.Equal(["window-late", "window-early", "project-donor", "core-donor"],
            disbursed.GetProperty("attribution").EnumerateArray().Select(a => a.GetProperty("donorId").GetString()));
        Assert.Equal(150m, disbursed.GetProperty("attribution").EnumerateArray().Sum(a => a.GetProperty("amount").GetDecimal()));

        var project = (await system.GetAsync(system.Earmarking, $"/funds/{fund}/projects/p1", "fund-manager")).Body;
        Assert.Equal((0m, 150m), (project.GetProperty("reserved").GetDecimal(), project.GetProperty("disbursed").GetDecimal()));
        var gold = await connection.ExecuteScalarAsync<decimal>(
            "SELECT sum(l.available) FROM lots l JOIN pools p ON p.pool_id = l.pool_id WHERE p.fund_id = @fund AND p.window_id = 'gold'", new { fund });
        Assert.Equal(500m, gold);

        // Both changes are in the audit trail, with who asked and the trace that carried the message.
        var audit = (await connection.QueryAsync<(string Action, string Actor, string? TraceId)>(
            "SELECT action, actor, trace_id FROM audit_log WHERE entity_type = 'reservation' AND entity_id = @id ORDER BY audit_id",
            new { id = reserved.RequestId.ToString() })).ToList();
        Assert.Equal([("reservation.reserved", "lead-1"), ("reservation.consumed", "finance-1")], audit.Select(a => (a.Action, a.Actor)));
        Assert.All(audit, a => Assert.Matches("^[0-9a-f]{32}$", a.TraceId));
    }

    [Fact]
    public async Task Not_enough_money_is_rejected_with_what_is_available_and_holds_nothing()
    {
        var fund = await FundWithProjectAsync();
        await system.ContributeAsync(fund, 70.25m, Window("mercury"));
        await system.ContributeAsync(fund, 999m, Window("gold"));

        var rejected = await system.ReserveAsync(fund, "p1", 70.26m);
        Assert.Equal(("rejected", "insufficient-funds", 70.25m), (rejected.Status, rejected.RejectReason, rejected.Available));
        var sums = await system.SumsAsync(fund);
        Assert.Equal(0m, sums.Reserved);
        Assert.Equal(0, await system.CountAsync("Earmarking", "SELECT count(*) FROM reservation_lines WHERE request_id = @id", new { id = rejected.RequestId }));
    }

    [Fact]
    public async Task A_request_beyond_the_remaining_allocation_is_refused_even_when_pools_hold_enough()
    {
        var fund = await FundWithProjectAsync(allocation: 100m);
        await system.ContributeAsync(fund, 1000m);
        Assert.Equal("reserved", (await system.ReserveAsync(fund, "p1", 80m)).Status);

        var refused = await system.ReserveAsync(fund, "p1", 20.01m);
        Assert.Equal(("allocation-exceeded", 20m), (refused.RejectReason, refused.Available));
        Assert.Equal("reserved", (await system.ReserveAsync(fund, "p1", 20m)).Status);
    }

    [Fact]
    public async Task Closed_unknown_and_wrong_currency_requests_are_rejected_with_their_reason()
    {
        var fund = await FundWithProjectAsync();
        await system.ContributeAsync(fund, 1000m);
        Assert.Equal("unknown-project", (await system.ReserveAsync(fund, "nope", 1m)).RejectReason);
        Assert.Equal("currency-mismatch", (await system.ReserveAsync(fund, "p1", 1m, currency: "EUR")).RejectReason);
        Assert.Equal("invalid-amount", (await system.ReserveAsync(fund, "p1", -5m)).RejectReason);
        Assert.Equal("invalid-amount", (await system.ReserveAsync(fund, "p1", 1.001m)).RejectReason);
        (await system.PostAsync(system.Earmarking, $"/funds/{fund}/projects/p1/close", "fund-manager", new { reason = "finished" })).Expect(HttpStatusCode.OK);
        Assert.Equal("project-closed", (await system.ReserveAsync(fund, "p1", 1m)).RejectReason);
        Assert.Equal(0m, (await system.SumsAsync(fund)).Reserved);
    }

    [Fact]
    public async Task The_same_request_id_reserves_once_and_answers_the_same_way_again()
    {
        var fund = await FundWithProjectAsync();
        await system.ContributeAsync(fund, 100m);
        var id = Guid.NewGuid();
        await system.ReserveAsync(fund, "p1", 60m, id);
        await system.ReserveAsync(fund, "p1", 60m, id);

        Assert.Equal(60m, (await system.SumsAsync(fund)).Reserved);
        Assert.Equal(2, await system.CountAsync("Earmarking",
            "SELECT count(*) FROM outbox_messages WHERE partition_key = @key AND message_type LIKE '%FundsReserved'", new { key = $"reservation:{id}" }));
    }

    [Fact]
    public async Task Release_returns_exactly_the_reserved_money_once_and_a_second_release_or_a_payment_is_refused()
    {
        var fund = await FundWithProjectAsync();
        await system.ContributeAsync(fund, 100m);
        var id = (await system.ReserveAsync(fund, "p1", 75.5m)).RequestId;

        await system.ReleaseAsync(id);
        await system.ReleaseAsync(id);
        await system.ConsumeAsync(id);

        Assert.Equal("released", (await system.ReservationAsync(id)).Status);
        var sums = await system.SumsAsync(fund);
        Assert.Equal((100m, 0m, 0m), (sums.Available, sums.Reserved, sums.Disbursed));
        Assert.Equal(2, await system.CountAsync("Earmarking",
            "SELECT count(*) FROM outbox_messages WHERE partition_key = @key AND message_type LIKE '%ReservationCommandRejected'", new { key = $"reservation:{id}" }));
        var project = (await system.GetAsync(system.Earmarking, $"/funds/{fund}/projects/p1", "auditor")).Body;
        Assert.Equal(0m, project.GetProperty("reserved").GetDecimal());
    }

    [Fact]
    public async Task A_reservation_not_paid_in_time_expires_and_its_money_returns()
    {
        var fund = await FundWithProjectAsync();
        await system.ContributeAsync(fund, 100m);
        var id = (await system.ReserveAsync(fund, "p1", 40m, expiresAt: DateTimeOffset.UtcNow.AddSeconds(1))).RequestId;

        await Eventually.GetAsync(async () => (await system.ReservationAsync(id)).Status == "expired" ? "expired" : null, "the expiry");
        await system.ConsumeAsync(id);

        Assert.Equal("expired", (await system.ReservationAsync(id)).Status);
        var sums = await system.SumsAsync(fund);
        Assert.Equal((100m, 0m, 0m), (sums.Available, sums.Reserved, sums.Disbursed));
        Assert.Equal(1, await system.CountAsync("Earmarking",
            "SELECT count(*) FROM audit_log WHERE entity_id = @id AND action = 'reservation.expired' AND actor = 'system'", new { id = id.ToString() }));
    }

    [Fact]
    public async Task A_refund_goes_back_pro_rata_to_the_pools_and_donors_that_paid_and_never_beyond_what_was_paid()
    {
        var fund = await FundWithProjectAsync();
        await system.ContributeAsync(fund, 100m, Window("mercury"), donor: "donor-a", valueDate: new DateOnly(2026, 1, 1));
        await system.ContributeAsync(fund, 200m, donor: "donor-b", valueDate: new DateOnly(2026, 1, 2));
        var id = (await system.ReserveAsync(fund, "p1", 300m)).RequestId;
        await system.ConsumeAsync(id);

        var refund = (await system.PostAsync(system.Earmarking, $"/reservations/{id}/refunds", "finance",
            new { refundId = Guid.NewGuid(), amount = 100m, currency = "USD", valueDate = "2026-11-20", reference = "unspent tranche 1" }))
            .Expect(HttpStatusCode.Created).Body;
        var shares = refund.GetProperty("attribution").EnumerateArray().ToDictionary(a => a.GetProperty("donorId").GetString()!, a => a.GetProperty("amount").GetDecimal());
        Assert.Equal(33.33m, shares["donor-a"]);
        Assert.Equal(66.67m, shares["donor-b"]);

        var tooMuch = (await system.PostAsync(system.Earmarking, $"/reservations/{id}/refunds", "finance",
            new { refundId = Guid.NewGuid(), amount = 200.01m, currency = "USD", valueDate = "2026-11-21", reference = "x" })).Expect(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(("amount", "not-above-paid"), (tooMuch.Field, tooMuch.Rule));
        (await system.PostAsync(system.Earmarking, $"/reservations/{id}/refunds", "finance",
            new { refundId = Guid.NewGuid(), amount = 200m, currency = "USD", valueDate = "2026-11-21", reference = "rest" })).Expect(HttpStatusCode.Created);

        var sums = await system.SumsAsync(fund);
        Assert.Equal((300m, 0m), (sums.Available, sums.Disbursed));
        var project = (await system.GetAsync(system.Earmarking, $"/funds/{fund}/projects/p1", "auditor")).Body;
        Assert.Equal(0m, project.GetProperty("disbursed").GetDecimal());
    }

    [Fact]
    public async Task Interest_is_shared_pro_rata_to_pool_balances_at_the_period_end_or_sent_to_core()
    {
        var fund = await FundWithProjectAsync();
        await system.ContributeAsync(fund, 300m, Window("mercury"), donor: "donor-a", valueDate: new DateOnly(2026, 1, 10));
        await system.ContributeAsync(fund, 100m, donor: "donor-b", valueDate: new DateOnly(2026, 1, 20));
        await system.ContributeAsync(fund, 600m, donor: "donor-c", valueDate: new DateOnly(2026, 2, 5)); // after the period: earns nothing

        var interest = (await system.PostAsync(system.Earmarking, $"/funds/{fund}/interest", "finance", new
        {
            interestId = Guid.NewGuid(), periodStart = "2026-01-01", periodEnd = "2026-01-31", amount = 10m, currency = "USD",
        })).Expect(HttpStatusCode.Created).Body;
        Assert.Equal("pro-rata", interest.GetProperty("method").GetString());
        var lines = interest.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("donorId").GetString()!, l => l.GetProperty("amount").GetDecimal());
        Assert.Equal(new Dictionary<string, decimal> { ["donor-a"] = 7.50m, ["donor-b"] = 2.50m }, lines);

        var overlap = (await system.PostAsync(system.Earmarking, $"/funds/{fund}/interest", "finance", new
        {
            interestId = Guid.NewGuid(), periodStart = "2026-01-31", periodEnd = "2026-02-28", amount = 1m, currency = "USD",
        })).Expect(HttpStatusCode.Conflict);
        Assert.Equal("no-overlap", overlap.Rule);
        (await system.PostAsync(system.Earmarking, $"/funds/{fund}/interest", "fund-manager", new
        {
            interestId = Guid.NewGuid(), periodStart = "2026-03-01", periodEnd = "2026-03-31", amount = 1m, currency = "USD",
        })).Expect(HttpStatusCode.Forbidden);

        (await system.PostAsync(system.Earmarking, $"/funds/{fund}/settings", "fund-manager", new { interestToCore = true })).Expect(HttpStatusCode.OK);
        var toCore = (await system.PostAsync(system.Earmarking, $"/funds/{fund}/interest", "finance", new
        {
            interestId = Guid.NewGuid(), periodStart = "2026-02-01", periodEnd = "2026-02-28", amount = 3.33m, currency = "USD",
        })).Expect(HttpStatusCode.Created).Body;
        Assert.Equal("core", toCore.GetProperty("method").GetString());
        var line = Assert.Single(toCore.GetProperty("lines").EnumerateArray());
        Assert.Equal(("core", 3.33m), (line.GetProperty("windowId").GetString(), line.GetProperty("amount").GetDecimal()));

        var sums = await system.SumsAsync(fund);
        Assert.Equal((1013.33m, 1013.33m), (sums.Credited, sums.Available));
    }

    [Theory]
    [InlineData("amount", 0, "positive")]
    [InlineData("amount", 1.001, "scale")]
    [InlineData("currency", 1, "iso-4217")]
    [InlineData("reference", 1, "required")]
    public async Task A_refund_with_bad_input_is_refused_naming_the_field_and_writes_nothing(string field, double amount, string rule)
    {
        var fund = await FundWithProjectAsync();
        await system.ContributeAsync(fund, 10m);
        var id = (await system.ReserveAsync(fund, "p1", 10m)).RequestId;
        await system.ConsumeAsync(id);

        var answer = (await system.PostAsync(system.Earmarking, $"/reservations/{id}/refunds", "finance", new Dictionary<string, object?>
        {
            ["refundId"] = Guid.NewGuid(), ["amount"] = (decimal)amount, ["currency"] = field == "currency" ? "XXX1" : "USD",
            ["valueDate"] = "2026-11-20", ["reference"] = field == "reference" ? null : "ref",
        })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains(rule, answer.RulesOf(field));
        Assert.Equal(0, await system.CountAsync("Earmarking", "SELECT count(*) FROM refunds WHERE request_id = @id", new { id }));
    }
}
