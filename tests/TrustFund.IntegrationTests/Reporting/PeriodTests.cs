using System.Net;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Reporting;

[Collection(SystemCollection.Name)]
public sealed class PeriodTests(SystemFixture system)
{
    [Fact]
    public async Task A_closed_months_trial_balance_never_changes_and_late_events_post_as_adjustments_in_the_open_period()
    {
        var fund = Samples.NewFund();
        await system.Bus.Publish(Samples.Event(fund, 100m) with { ValueDate = new DateOnly(2001, 3, 10) });
        await system.WaitForCountAsync("Reporting", "SELECT count(*) FROM journal_entries WHERE fund_id = @fund", new { fund }, 1, "the March entry");

        (await system.PostAsync(system.Reporting, "/periods/close", "project-lead", new { kind = "month", period = "2001-03" })).Expect(HttpStatusCode.Forbidden);
        (await system.PostAsync(system.Reporting, "/periods/close", "finance", new { kind = "month", period = "2001-03" }, subject: "finance-1"))
            .Expect(HttpStatusCode.OK);
        Assert.Equal("open", (await system.PostAsync(system.Reporting, "/periods/close", "finance", new { kind = "month", period = "2001-03" }))
            .Expect(HttpStatusCode.Conflict).Rule);
        Assert.Equal("ended", (await system.PostAsync(system.Reporting, "/periods/close", "finance", new { kind = "year", period = "2999" }))
            .Expect(HttpStatusCode.UnprocessableEntity).Rule);
        Assert.Contains("format", (await system.PostAsync(system.Reporting, "/periods/close", "finance", new { kind = "month", period = "2001-13" }))
            .Expect(HttpStatusCode.BadRequest).RulesOf("period"));

        const string March = "from=2001-03-01&to=2001-03-31";
        var before = (await system.GetAsync(system.Reporting, $"/funds/{fund}/statements/trial-balance?{March}", "auditor")).Expect(HttpStatusCode.OK).Body;

        var late = Samples.Event(fund, 50m) with { ValueDate = new DateOnly(2001, 3, 20) };
        await system.Bus.Publish(late);
        var entry = await Eventually.GetAsync(async () =>
        {
            var answer = await system.GetAsync(system.Reporting, $"/ledger/entries/by-source/contribution/{late.ContributionId}", "auditor");
            return answer.Status == HttpStatusCode.OK ? answer.Body.ToString() : null;
        }, "the late entry");
        var posted = System.Text.Json.JsonDocument.Parse(entry).RootElement;
        Assert.Equal(("2001-03-20", "2001-04-01", true), (posted.GetProperty("valueDate").GetString(), posted.GetProperty("postingDate").GetString(),
            posted.GetProperty("adjustment").GetBoolean()));

        var after = (await system.GetAsync(system.Reporting, $"/funds/{fund}/statements/trial-balance?{March}", "auditor")).Body;
        Assert.Equal(before.GetRawText(), after.GetRawText());
        Assert.Equal(100m, after.GetProperty("totals")[0].GetProperty("debit").GetDecimal());
        var april = (await system.GetAsync(system.Reporting, $"/funds/{fund}/statements/trial-balance?from=2001-04-01&to=2001-04-30", "auditor")).Body;
        Assert.Equal((50m, 50m), (april.GetProperty("totals")[0].GetProperty("debit").GetDecimal(), april.GetProperty("totals")[0].GetProperty("credit").GetDecimal()));
        Assert.True((await system.GetAsync(system.Reporting, "/ledger/verify", "auditor")).Body.GetProperty("valid").GetBoolean());
    }
}
