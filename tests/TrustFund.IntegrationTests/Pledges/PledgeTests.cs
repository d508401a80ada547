using System.Net;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Pledges;

[Collection(SystemCollection.Name)]
public sealed class PledgeTests(SystemFixture system)
{
    private static readonly Dictionary<string, string> AsNorway = new() { ["donor_id"] = "donor-norway" };

    // Instalment statuses (overdue, pending) are read on Pledges' clock: the default pledge is dated relative to today.
    private static readonly string PledgedOn = Dates.DaysAgo(300);

    private static object Pledge(string fund, decimal amount = 300m, string donor = "donor-norway", object? earmark = null, object[]? instalments = null,
        string? pledgedOn = null) => new
    {
        donorId = donor, fundId = fund, amount, currency = "USD", earmark = earmark ?? new { kind = "window", windowId = "mercury" }, pledgedOn = pledgedOn ?? PledgedOn,
        instalments = instalments ?? new object[]
        {
            new { dueDate = Dates.DaysAgo(270), amount = 100m }, new { dueDate = Dates.DaysAgo(150), amount = 100m }, new { dueDate = Dates.DaysAhead(200), amount = 100m },
        },
    };

    [Fact]
    public async Task A_donor_pledges_for_itself_and_sees_its_instalments_while_other_donors_see_nothing()
    {
        var fund = await system.KnownFundAsync();
        var pledge = (await system.PostAsync(system.Pledges, "/pledges", "donor", Pledge(fund), claims: AsNorway)).Expect(HttpStatusCode.Created).Body;
        var id = pledge.GetProperty("pledgeId").GetGuid();
        Assert.Equal(300m, pledge.GetProperty("outstanding").GetDecimal());
        Assert.Equal(["overdue", "overdue", "pending"],
            pledge.GetProperty("instalments").EnumerateArray().Select(i => i.GetProperty("status").GetString()));
        Assert.Equal(200m, pledge.GetProperty("overdue").GetDecimal());

        var asSweden = new Dictionary<string, string> { ["donor_id"] = "donor-sweden" };
        Assert.Equal("pledgeId", (await system.GetAsync(system.Pledges, $"/pledges/{id}", "donor", claims: asSweden)).Expect(HttpStatusCode.NotFound).Field);
        (await system.GetAsync(system.Pledges, "/donors/donor-norway/pledges", "donor", claims: asSweden)).Expect(HttpStatusCode.NotFound);
        (await system.PostAsync(system.Pledges, "/pledges", "donor", Pledge(fund), claims: asSweden)).Expect(HttpStatusCode.NotFound);
        Assert.Single(await system.GetAllAsync(system.Pledges, "/donors/donor-norway/pledges", "donor", claims: AsNorway), p => p.GetProperty("pledgeId").GetGuid() == id);
        (await system.PostAsync(system.Pledges, "/pledges", "finance", Pledge(fund, donor: "donor-sweden"))).Expect(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("sum")]
    [InlineData("not-before-pledge")]
    [InlineData("scale")]
    public async Task Bad_instalments_are_refused_naming_the_field_and_nothing_is_written(string rule)
    {
        var fund = await system.KnownFundAsync();
        object[] instalments = rule switch
        {
            "sum" => [new { dueDate = Dates.DaysAgo(270), amount = 100m }, new { dueDate = Dates.DaysAgo(240), amount = 199.99m }],
            "not-before-pledge" => [new { dueDate = Dates.DaysAgo(301), amount = 300m }],
            _ => [new { dueDate = Dates.DaysAgo(270), amount = 300.001m }],
        };
        var answer = (await system.PostAsync(system.Pledges, "/pledges", "finance", Pledge(fund, instalments: instalments))).Expect(HttpStatusCode.BadRequest);
        var field = rule == "sum" ? "instalments" : rule == "scale" ? "instalments[0].amount" : "instalments[0].dueDate";
        Assert.Contains(rule, answer.RulesOf(field));
        Assert.Equal(0, await system.CountAsync("Pledges", "SELECT count(*) FROM pledges WHERE fund_id = @fund", new { fund }));
    }

    [Fact]
    public async Task An_earmark_the_local_copy_does_not_know_is_refused_never_accepted_silently()
    {
        var fund = await system.KnownFundAsync();
        var other = await system.KnownFundAsync();
        await system.OpenWindowAsync(other, "gold");
        await system.WaitUntilPledgesKnowsAsync(other, windows: 3, projects: 1);

        var otherFundsWindow = (await system.PostAsync(system.Pledges, "/pledges", "finance", Pledge(fund, earmark: new { kind = "window", windowId = "gold" })))
            .Expect(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(("earmark.windowId", "exists"), (otherFundsWindow.Field, otherFundsWindow.Rule));
        var projectElsewhere = (await system.PostAsync(system.Pledges, "/pledges", "finance",
            Pledge(fund, earmark: new { kind = "project", windowId = "core", projectId = "proj-ghana" }))).Expect(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(("earmark.projectId", "exists"), (projectElsewhere.Field, projectElsewhere.Rule));
        Assert.Equal(("fundId", "exists"), ((await system.PostAsync(system.Pledges, "/pledges", "finance", Pledge("no-such-fund")))
            .Expect(HttpStatusCode.UnprocessableEntity) is var unknown ? (unknown.Field, unknown.Rule) : default));
        Assert.Equal(0, await system.CountAsync("Pledges", "SELECT count(*) FROM pledges WHERE fund_id = @fund", new { fund }));
    }

    [Fact]
    public async Task Amendments_cancellations_and_write_offs_keep_what_was_paid_and_leave_a_trail()
    {
        var fund = await system.KnownFundAsync();
        var id = (await system.PostAsync(system.Pledges, "/pledges", "finance", Pledge(fund))).Expect(HttpStatusCode.Created).Body.GetProperty("pledgeId").GetGuid();
        (await system.PostAsync(system.Pledges, "/contributions", "finance", new
        {
            donorId = "donor-norway", fundId = fund, pledgeId = id, amount = 120m, currency = "USD", valueDate = Dates.DaysAgo(240), bankReference = "NO-1",
        })).Expect(HttpStatusCode.Created);

        var below = (await system.PostAsync(system.Pledges, $"/pledges/{id}/amend", "finance", new { amount = 119.99m, reason = "budget cut" }))
            .Expect(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(("amount", "not-below-paid"), (below.Field, below.Rule));
        Assert.Contains("required", (await system.PostAsync(system.Pledges, $"/pledges/{id}/amend", "finance", new { amount = 400m }))
            .Expect(HttpStatusCode.BadRequest).RulesOf("reason"));
        var amended = (await system.PostAsync(system.Pledges, $"/pledges/{id}/amend", "donor", new { amount = 400m, reason = "parliament approved more" },
            claims: AsNorway)).Expect(HttpStatusCode.OK).Body;
        Assert.Equal((400m, 280m), (amended.GetProperty("amount").GetDecimal(), amended.GetProperty("outstanding").GetDecimal()));

        (await system.PostAsync(system.Pledges, $"/pledges/{id}/write-off", "donor", new { amount = 10m, reason = "x" }, claims: AsNorway))
            .Expect(HttpStatusCode.Forbidden);
        var written = (await system.PostAsync(system.Pledges, $"/pledges/{id}/write-off", "finance", new { amount = 30m, reason = "bank charges never recovered" }))
            .Expect(HttpStatusCode.OK).Body;
        Assert.Equal(30m, written.GetProperty("writtenOff").GetDecimal());

        var cancelled = (await system.PostAsync(system.Pledges, $"/pledges/{id}/cancel", "finance", new { reason = "donor withdrew" })).Expect(HttpStatusCode.OK).Body;
        Assert.Equal((120m, 250m, 0m), (cancelled.GetProperty("paid").GetDecimal(), cancelled.GetProperty("cancelled").GetDecimal(),
            cancelled.GetProperty("outstanding").GetDecimal()));
        Assert.Equal("not-cancelled", (await system.PostAsync(system.Pledges, $"/pledges/{id}/cancel", "finance", new { reason = "again" }))
            .Expect(HttpStatusCode.Conflict).Rule);

        Assert.Equal(["recorded", "paid", "amended", "written-off", "cancelled"], (await Dapper.SqlMapper.QueryAsync<string>(system.OpenDatabase("Pledges"),
            "SELECT change FROM pledge_changes WHERE pledge_id = @id ORDER BY change_id", new { id })).ToList());
        Assert.Equal(4, await system.CountAsync("Pledges", """
            SELECT count(*) FROM outbox_messages WHERE partition_key = @key
              AND message_type IN ('TrustFund.Contracts.Messages.PledgeRecorded', 'TrustFund.Contracts.Messages.PledgeAmended',
                                   'TrustFund.Contracts.Messages.PledgeWrittenOff', 'TrustFund.Contracts.Messages.PledgeCancelled')
            """, new { key = $"pledge:{id}" }));
    }

    [Fact]
    public async Task Receivables_are_aged_by_days_overdue()
    {
        var fund = await system.KnownFundAsync();
        (await system.PostAsync(system.Pledges, "/pledges", "finance", Pledge(fund, 600m, instalments:
        [
            new { dueDate = "2026-10-31", amount = 100m }, new { dueDate = "2026-08-31", amount = 200m }, new { dueDate = "2026-03-31", amount = 150m },
            new { dueDate = "2025-01-31", amount = 50m }, new { dueDate = "2026-12-31", amount = 100m },
        ], pledgedOn: "2025-01-01"))).Expect(HttpStatusCode.Created);

        var body = (await system.GetAsync(system.Pledges, $"/funds/{fund}/receivables?asOf=2026-11-23", "auditor")).Expect(HttpStatusCode.OK).Body;
        var ageing = Assert.Single(body.GetProperty("byDonor").EnumerateArray()).GetProperty("ageing");
        Assert.Equal((100m, 100m, 200m, 150m, 50m), (ageing.GetProperty("notYetDue").GetDecimal(), ageing.GetProperty("days0To30").GetDecimal(),
            ageing.GetProperty("days31To90").GetDecimal(), ageing.GetProperty("days91To365").GetDecimal(), ageing.GetProperty("over365").GetDecimal()));
        (await system.GetAsync(system.Pledges, $"/funds/{fund}/receivables", "donor", claims: AsNorway)).Expect(HttpStatusCode.Forbidden);
    }
}
