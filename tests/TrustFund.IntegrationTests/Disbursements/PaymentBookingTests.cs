using System.Net;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Disbursements;

/// <summary>A payment finance records is either refused before it is written, or booked; one Earmarking refuses stays in sight until resolved.</summary>
[Collection(SystemCollection.Name)]
public sealed class PaymentBookingTests(SystemFixture system)
{
    private static readonly object Payment = new { valueDate = "2026-11-20", bankReference = "P-9", amount = 100m };

    [Fact]
    public async Task A_payment_after_the_reservation_expired_is_refused_and_writes_nothing()
    {
        // The sweep is kept from running, so Disbursements still sees the request approved when its hold's time is up.
        await system.RestartAsync("Earmarking", new Dictionary<string, string>
        {
            ["Reservations__HoldFor"] = "00:00:02", ["Reservations__ExpiryPollInterval"] = "01:00:00",
        });
        try
        {
            var (fund, id) = await ApprovedRequestAsync();
            var expiresAt = await system.CountAsync("Disbursements",
                "SELECT extract(epoch FROM reservation_expires_at)::bigint FROM requests WHERE request_id = @id", new { id });
            await Eventually.GetAsync(() => Task.FromResult(DateTimeOffset.UtcNow.ToUnixTimeSeconds() > expiresAt + 1 ? "past" : null), "the hold's expiry");
            var version = await VersionAsync(id);

            var refused = (await system.PostAsync(system.Disbursements, $"/requests/{id}/pay", "finance", Payment)).Expect(HttpStatusCode.Conflict);

            Assert.Equal(("reservationExpiresAt", "reservation-expired"), (refused.Field, refused.Rule));
            Assert.Equal(version, await VersionAsync(id));
            Assert.Equal(0, await ConsumesSentAsync(id));
            Assert.Equal(0m, (await system.SumsAsync(fund)).Disbursed);
        }
        finally
        {
            await system.RestartAsync("Earmarking");
        }
    }

    [Fact]
    public async Task A_payment_recorded_in_time_is_booked_even_when_its_consume_reaches_Earmarking_after_the_expiry()
    {
        var shortHold = new Dictionary<string, string> { ["Reservations__HoldFor"] = "00:00:05", ["Reservations__ConsumeGrace"] = "00:10:00" };
        await system.RestartAsync("Earmarking", shortHold);
        try
        {
            var (fund, id) = await ApprovedRequestAsync();
            await system.Earmarking.KillAsync();
            (await system.PostAsync(system.Disbursements, $"/requests/{id}/pay", "finance", Payment)).Expect(HttpStatusCode.OK);
            await Task.Delay(TimeSpan.FromSeconds(6)); // the hold's time passes while the consume waits in the queue

            await system.RestartAsync("Earmarking", shortHold);
            await system.WaitForStatusAsync(id, "paid");

            Assert.Equal(1, await system.CountAsync("Earmarking",
                "SELECT count(*) FROM reservations WHERE request_id = @id AND status = 'consumed' AND resolution_reason = 'paid'", new { id }));
            var sums = await system.SumsAsync(fund);
            Assert.Equal((0m, 100m), (sums.Reserved, sums.Disbursed));
        }
        finally
        {
            await system.RestartAsync("Earmarking");
        }
    }

    [Fact]
    public async Task A_consume_Earmarking_refuses_leaves_the_request_payment_failed_listed_for_finance_and_a_retry_books_it()
    {
        var (fund, id) = await ApprovedRequestAsync();
        await system.ReleaseAsync(id, "released by another caller"); // the hold is gone before the payment reaches Earmarking

        (await system.PostAsync(system.Disbursements, $"/requests/{id}/pay", "finance", Payment)).Expect(HttpStatusCode.OK);
        await system.WaitForStatusAsync(id, "payment-failed");

        var request = (await system.GetAsync(system.Disbursements, $"/requests/{id}", "auditor")).Expect(HttpStatusCode.OK).Body;
        Assert.Equal("released", request.GetProperty("refusalReason").GetString());
        Assert.Equal(1, await system.CountAsync("Disbursements",
            "SELECT count(*) FROM audit_log WHERE entity_id = @id AND action = 'request.payment-failed' AND actor = 'system'", new { id = id.ToString() }));
        var stuck = await system.GetAllAsync(system.Disbursements, "/requests/stuck", "finance");
        Assert.Contains(stuck, r => r.GetProperty("requestId").GetGuid() == id);
        (await system.GetAsync(system.Disbursements, "/requests/stuck", "fund-manager")).Expect(HttpStatusCode.Forbidden);
        Assert.Equal("limit", (await system.GetAsync(system.Disbursements, "/requests/stuck?limit=0", "auditor")).Expect(HttpStatusCode.BadRequest)
            .Body.GetProperty("rules").EnumerateObject().Single().Name);

        var key = Guid.NewGuid().ToString();
        var retry = new { reason = "the transfer left the bank; book it" };
        (await system.SendAsync(system.Disbursements, HttpMethod.Post, $"/requests/{id}/retry-payment", "finance", retry, idempotencyKey: key))
            .Expect(HttpStatusCode.OK);
        (await system.SendAsync(system.Disbursements, HttpMethod.Post, $"/requests/{id}/retry-payment", "finance", retry, idempotencyKey: key))
            .Expect(HttpStatusCode.OK);
        await system.WaitForStatusAsync(id, "paid");

        Assert.Equal(2, await ConsumesSentAsync(id)); // the payment's and one retry's: the replay sent nothing
        Assert.Equal(1, await system.EarmarkingStatusIsAsync(id, "consumed"));
        var sums = await system.SumsAsync(fund);
        Assert.Equal((0m, 100m), (sums.Reserved, sums.Disbursed));
        Assert.DoesNotContain(await system.GetAllAsync(system.Disbursements, "/requests/stuck", "auditor"), r => r.GetProperty("requestId").GetGuid() == id);
    }

    [Fact]
    public async Task A_failed_payment_whose_transfer_came_back_is_closed_with_a_reason_and_nothing_is_booked()
    {
        var (fund, id) = await ApprovedRequestAsync();
        await system.ReleaseAsync(id, "released by another caller");
        var before = await system.SumsAsync(fund);
        (await system.PostAsync(system.Disbursements, $"/requests/{id}/pay", "finance", Payment)).Expect(HttpStatusCode.OK);
        await system.WaitForStatusAsync(id, "payment-failed");

        Assert.Equal("reason", (await system.PostAsync(system.Disbursements, $"/requests/{id}/payment-returned", "finance", new { }))
            .Expect(HttpStatusCode.BadRequest).Body.GetProperty("rules").EnumerateObject().Single().Name);
        (await system.PostAsync(system.Disbursements, $"/requests/{id}/payment-returned", "fund-manager", new { reason = "x" }))
            .Expect(HttpStatusCode.Forbidden);
        (await system.PostAsync(system.Disbursements, $"/requests/{id}/payment-returned", "finance", new { reason = "bank returned P-9 on 2026-11-22" }))
            .Expect(HttpStatusCode.OK);

        await system.WaitForStatusAsync(id, "payment-returned");
        Assert.Equal("payment-failed", (await system.PostAsync(system.Disbursements, $"/requests/{id}/retry-payment", "finance", new { reason = "again" }))
            .Expect(HttpStatusCode.Conflict).Rule);
        Assert.Equal(before, await system.SumsAsync(fund));
        Assert.Equal(0m, before.Disbursed);
    }

    private async Task<(string Fund, Guid Id)> ApprovedRequestAsync()
    {
        var fund = await system.FundWithMoneyAsync(1000m);
        var id = await system.RequestAsync(fund, 100m);
        await system.WaitForStatusAsync(id, "reserved");
        (await system.PostAsync(system.Disbursements, $"/requests/{id}/approve", "fund-manager", new { }, subject: "manager-1")).Expect(HttpStatusCode.OK);
        return (fund, id);
    }

    private Task<long> VersionAsync(Guid id) => system.CountAsync("Disbursements", "SELECT version FROM requests WHERE request_id = @id", new { id });

    private Task<long> ConsumesSentAsync(Guid id) => system.CountAsync("Disbursements",
        "SELECT count(*) FROM outbox_messages WHERE partition_key = @key AND message_type LIKE '%ConsumeReservation'", new { key = $"request:{id}" });
}
