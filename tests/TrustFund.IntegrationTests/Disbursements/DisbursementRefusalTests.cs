using System.Net;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Disbursements;

[Collection(SystemCollection.Name)]
public sealed class DisbursementRefusalTests(SystemFixture system)
{
    [Fact]
    public async Task A_lead_cannot_request_for_another_leads_project_and_bad_amounts_are_refused_writing_nothing()
    {
        var fund = await system.FundWithMoneyAsync(1000m);
        var before = await system.CountAsync("Disbursements", "SELECT count(*) FROM requests WHERE fund_id = @fund", new { fund });

        var other = (await system.PostAsync(system.Disbursements, "/requests", "project-lead",
            new { fundId = fund, projectId = "p2", amount = 10m, currency = "USD", purpose = "x", neededBy = "2026-12-01" }, subject: "lead-1"))
            .Expect(HttpStatusCode.NotFound);
        Assert.Equal("projectId", other.Field);
        foreach (var amount in new[] { 0m, -5m, 1.001m })
        {
            var bad = (await system.PostAsync(system.Disbursements, "/requests", "project-lead",
                new { fundId = fund, projectId = "p1", amount, currency = "USD", purpose = "x", neededBy = "2026-12-01" }, subject: "lead-1"))
                .Expect(HttpStatusCode.BadRequest);
            Assert.NotEmpty(bad.RulesOf("amount"));
        }
        Assert.Equal("base-currency", (await system.PostAsync(system.Disbursements, "/requests", "project-lead",
            new { fundId = fund, projectId = "p1", amount = 10m, currency = "EUR", purpose = "x", neededBy = "2026-12-01" }, subject: "lead-1"))
            .Expect(HttpStatusCode.UnprocessableEntity).Rule);
        (await system.PostAsync(system.Disbursements, "/requests", "fund-manager",
            new { fundId = fund, projectId = "p1", amount = 10m, currency = "USD", purpose = "x", neededBy = "2026-12-01" }, subject: "lead-1"))
            .Expect(HttpStatusCode.Forbidden);
        Assert.Equal(before, await system.CountAsync("Disbursements", "SELECT count(*) FROM requests WHERE fund_id = @fund", new { fund }));
    }

    [Fact]
    public async Task Paying_an_unapproved_request_or_a_different_amount_is_refused_and_writes_nothing()
    {
        var fund = await system.FundWithMoneyAsync(1000m);
        var id = await system.RequestAsync(fund, 250m);
        await system.WaitForStatusAsync(id, "reserved");
        var version = await system.CountAsync("Disbursements", "SELECT version FROM requests WHERE request_id = @id", new { id });

        var unapproved = (await system.PostAsync(system.Disbursements, $"/requests/{id}/pay", "finance",
            new { valueDate = "2026-11-20", bankReference = "P-1", amount = 250m })).Expect(HttpStatusCode.Conflict);
        Assert.Equal("approved", unapproved.Rule);
        (await system.PostAsync(system.Disbursements, $"/requests/{id}/approve", "fund-manager", new { }, subject: "manager-1")).Expect(HttpStatusCode.OK);
        var different = (await system.PostAsync(system.Disbursements, $"/requests/{id}/pay", "finance",
            new { valueDate = "2026-11-20", bankReference = "P-1", amount = 249.99m })).Expect(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(("amount", "equals-approved"), (different.Field, different.Rule));
        (await system.PostAsync(system.Disbursements, $"/requests/{id}/pay", "project-lead",
            new { valueDate = "2026-11-20", bankReference = "P-1", amount = 250m }, subject: "lead-1")).Expect(HttpStatusCode.Forbidden);

        Assert.Equal(version + 1, await system.CountAsync("Disbursements", "SELECT version FROM requests WHERE request_id = @id", new { id }));
        Assert.Equal(0, await system.CountAsync("Disbursements",
            "SELECT count(*) FROM outbox_messages WHERE partition_key = @key AND message_type LIKE '%ConsumeReservation'", new { key = $"request:{id}" }));
    }

    [Fact]
    public async Task A_reservation_Earmarking_expired_shows_as_expired_and_cannot_be_paid()
    {
        await system.RestartAsync("Earmarking", new Dictionary<string, string> { ["Reservations__HoldFor"] = "00:00:02" });
        try
        {
            var fund = await system.FundWithMoneyAsync(1000m);
            var id = await system.RequestAsync(fund, 100m);
            await system.WaitForStatusAsync(id, "reserved");
            (await system.PostAsync(system.Disbursements, $"/requests/{id}/approve", "fund-manager", new { }, subject: "manager-1")).Expect(HttpStatusCode.OK);
            await system.WaitForStatusAsync(id, "expired");

            Assert.Equal("approved", (await system.PostAsync(system.Disbursements, $"/requests/{id}/pay", "finance",
                new { valueDate = "2026-11-20", bankReference = "P-1", amount = 100m })).Expect(HttpStatusCode.Conflict).Rule);
            Assert.Equal(0m, (await system.SumsAsync(fund)).Reserved);
        }
        finally
        {
            await system.RestartAsync("Earmarking");
        }
    }
}
