using System.Net;
using System.Text.Json;
using Dapper;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Pledges;

[Collection(SystemCollection.Name)]
public sealed class ContributionTests(SystemFixture system)
{
    private async Task<Guid> PledgeInEurosAsync(string fund) =>
        (await system.PostAsync(system.Pledges, "/pledges", "finance", new
        {
            donorId = "donor-eu", fundId = fund, amount = 1000m, currency = "EUR", earmark = new { kind = "project", windowId = "mercury", projectId = "proj-ghana" },
            pledgedOn = "2026-01-10", exchangeRate = 1.08m,
            instalments = new object[] { new { dueDate = "2026-03-31", amount = 400m }, new { dueDate = "2026-09-30", amount = 600m } },
        })).Expect(HttpStatusCode.Created).Body.GetProperty("pledgeId").GetGuid();

    private Task<Infrastructure.Api.Answer> PayAsync(string fund, Guid pledge, decimal amount, string valueDate, decimal? rate = null, bool? excess = null) =>
        system.PostAsync(system.Pledges, "/contributions", "finance", new Dictionary<string, object?>
        {
            ["donorId"] = "donor-eu", ["fundId"] = fund, ["pledgeId"] = pledge, ["amount"] = amount, ["currency"] = "EUR", ["valueDate"] = valueDate,
            ["bankReference"] = $"EU-{valueDate}", ["exchangeRate"] = rate, ["recordExcessAsUnpledged"] = excess,
        });

    private async Task RecordRateAsync(string from, string to, string date, decimal rate, string? correction = null) =>
        (await system.PostAsync(system.Pledges, "/exchange-rates", "finance", new Dictionary<string, object?>
        {
            ["fromCurrency"] = from, ["toCurrency"] = to, ["rateDate"] = date, ["rate"] = rate, ["correctionReason"] = correction,
        })).Expect(HttpStatusCode.Created);

    [Fact]
    public async Task Two_partial_payments_in_another_currency_reach_Earmarking_and_Reporting_as_exact_base_amounts()
    {
        var fund = await system.KnownFundAsync(feeRate: 0.01m);
        var pledge = await PledgeInEurosAsync(fund);
        await RecordRateAsync("EUR", "USD", "2026-03-02", 1.08345m);

        var first = (await PayAsync(fund, pledge, 450.55m, "2026-03-02")).Expect(HttpStatusCode.Created).Body;
        Assert.Equal(488.15m, first.GetProperty("baseAmount").GetDecimal()); // 450.55 × 1.08345 = 488.1483975, rounded once
        var second = (await PayAsync(fund, pledge, 300m, "2026-04-15", rate: 1.1m)).Expect(HttpStatusCode.Created).Body;
        Assert.Equal(330.00m, second.GetProperty("baseAmount").GetDecimal());
        Assert.Equal([(1, 400m), (2, 50.55m)], first.GetProperty("matchedInstalments").EnumerateArray()
            .Select(m => (m.GetProperty("no").GetInt32(), m.GetProperty("amount").GetDecimal())));

        var state = (await system.GetAsync(system.Pledges, $"/pledges/{pledge}", "auditor")).Body;
        Assert.Equal((750.55m, 249.45m), (state.GetProperty("paid").GetDecimal(), state.GetProperty("outstanding").GetDecimal()));

        // Earmarking: the project pool holds the base amounts less the 1% fee, to the cent.
        var ids = new[] { first.GetProperty("contributionId").GetGuid(), second.GetProperty("contributionId").GetGuid() };
        await system.WaitForCountAsync("Earmarking", "SELECT count(*) FROM receipts WHERE contribution_id = ANY(@ids)", new { ids }, 2, "both receipts");
        var sums = await system.SumsAsync(fund);
        var baseTotal = first.GetProperty("baseAmount").GetDecimal() + 330m;
        Assert.Equal(baseTotal, sums.Credited);
        Assert.Equal((4.88m + 3.30m, baseTotal - 8.18m, 0m), (sums.Fees, sums.Available, sums.Suspense));

        // Reporting: cash in USD, the base amounts exactly.
        await system.WaitForCountAsync("Reporting", "SELECT count(*) FROM journal_entries WHERE fund_id = @fund", new { fund }, 5, "the pledge, both contributions and their fees");
        await using var ledger = system.OpenDatabase("Reporting");
        var cash = await ledger.QuerySingleAsync<(string Currency, decimal Debit)>(
            "SELECT l.currency, sum(l.debit) FROM journal_lines l JOIN journal_entries e USING (entry_id) WHERE e.fund_id = @fund AND l.account = '1000-cash' GROUP BY l.currency",
            new { fund });
        Assert.Equal(("USD", baseTotal), (cash.Currency.Trim(), cash.Debit));
        Assert.Equal(8.18m, await ledger.ExecuteScalarAsync<decimal>(
            "SELECT sum(l.debit) FROM journal_lines l JOIN journal_entries e USING (entry_id) WHERE e.fund_id = @fund AND l.account = '5100-administrative-agent-fee'",
            new { fund }));

        // The receivable: 1,000 EUR booked at 1.08 (1,080.00 USD); 249.45 EUR left, carried at round(249.45 x 1.08) = 269.41 USD.
        // Each payment settles its share at the booked value: 488.15 - (1,080.00 - 593.41) = 1.56 and 330.00 - (593.41 - 269.41) = 6.00 gained.
        var receivable = await ledger.QuerySingleAsync<(string Currency, decimal Amount, decimal Base)>(
            "SELECT l.currency, sum(l.debit - l.credit), sum(l.base_debit - l.base_credit) FROM journal_lines l JOIN journal_entries e USING (entry_id) "
            + "WHERE e.fund_id = @fund AND l.account = '1100-contributions-receivable' GROUP BY l.currency", new { fund });
        Assert.Equal(("EUR", 249.45m, 269.41m), (receivable.Currency.Trim(), receivable.Amount, receivable.Base));
        Assert.Equal(-7.56m, await ledger.ExecuteScalarAsync<decimal>(
            "SELECT sum(l.debit - l.credit) FROM journal_lines l JOIN journal_entries e USING (entry_id) WHERE e.fund_id = @fund AND l.account = '4310-exchange-differences-with-donor-restrictions'",
            new { fund }));
        Assert.Equal(0m, await ledger.ExecuteScalarAsync<decimal>(
            "SELECT sum(l.base_debit - l.base_credit) FROM journal_lines l JOIN journal_entries e USING (entry_id) WHERE e.fund_id = @fund", new { fund }));
    }

    [Fact]
    public async Task A_pledge_in_another_currency_needs_a_rate_on_or_before_its_date_and_without_one_nothing_is_written()
    {
        var fund = await system.KnownFundAsync();
        var pledge = new Dictionary<string, object?>
        {
            ["donorId"] = "donor-eu", ["fundId"] = fund, ["amount"] = 500m, ["currency"] = "GBP", ["earmark"] = new { kind = "unearmarked" }, ["pledgedOn"] = "2026-02-10",
            ["instalments"] = new object[] { new { dueDate = "2026-12-31", amount = 500m } },
        };
        var refused = (await system.PostAsync(system.Pledges, "/pledges", "finance", pledge)).Expect(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(("exchangeRate", "rate-available"), (refused.Field, refused.Rule));
        Assert.Equal(0, await system.CountAsync("Pledges", "SELECT count(*) FROM pledges WHERE fund_id = @fund", new { fund }));

        // A rate recorded a week before counts; the ledger books 500 GBP at 1.25 = 625.00 USD.
        await RecordRateAsync("GBP", "USD", "2026-02-03", 1.25m);
        var id = (await system.PostAsync(system.Pledges, "/pledges", "finance", pledge)).Expect(HttpStatusCode.Created).Body.GetProperty("pledgeId").GetGuid();
        await system.WaitForCountAsync("Reporting", "SELECT count(*) FROM journal_entries WHERE source_type = 'pledge' AND source_id = @id", new { id = id.ToString() }, 1, "the pledge");
        await using var ledger = system.OpenDatabase("Reporting");
        Assert.Equal((500m, 625m), await ledger.QuerySingleAsync<(decimal, decimal)>(
            "SELECT l.debit, l.base_debit FROM journal_lines l JOIN journal_entries e USING (entry_id) WHERE e.source_id = @id AND l.account = '1100-contributions-receivable'",
            new { id = id.ToString() }));
    }

    [Fact]
    public async Task Paying_more_than_is_outstanding_is_refused_unless_the_excess_is_recorded_as_unpledged()
    {
        var fund = await system.KnownFundAsync(currency: "EUR");
        var pledge = await PledgeInEurosAsync(fund);

        var refused = (await PayAsync(fund, pledge, 1000.01m, "2026-03-02")).Expect(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(("amount", "not-above-outstanding"), (refused.Field, refused.Rule));
        Assert.Equal(0, await system.CountAsync("Pledges", "SELECT count(*) FROM contributions WHERE pledge_id = @pledge", new { pledge }));

        var accepted = (await PayAsync(fund, pledge, 1200m, "2026-03-02", excess: true)).Expect(HttpStatusCode.Created).Body;
        Assert.Equal((1200m, 200m), (accepted.GetProperty("baseAmount").GetDecimal(), accepted.GetProperty("unpledgedAmount").GetDecimal()));
        Assert.Equal(0m, (await system.GetAsync(system.Pledges, $"/pledges/{pledge}", "auditor")).Body.GetProperty("outstanding").GetDecimal());
        Assert.Equal("outstanding", (await PayAsync(fund, pledge, 1m, "2026-03-03")).Expect(HttpStatusCode.UnprocessableEntity).Rule);
    }

    [Fact]
    public async Task Without_a_rate_a_foreign_payment_is_refused_and_nothing_is_written()
    {
        var fund = await system.KnownFundAsync();
        var pledge = await PledgeInEurosAsync(fund);

        var refused = (await PayAsync(fund, pledge, 100m, "2026-05-05")).Expect(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(("exchangeRate", "rate-available"), (refused.Field, refused.Rule));
        Assert.Equal(1000m, (await system.GetAsync(system.Pledges, $"/pledges/{pledge}", "auditor")).Body.GetProperty("outstanding").GetDecimal());
        Assert.Contains("positive", (await PayAsync(fund, pledge, 100m, "2026-05-05", rate: 0m)).Expect(HttpStatusCode.BadRequest).RulesOf("exchangeRate"));
        Assert.Contains("positive", (await PayAsync(fund, pledge, 100m, "2026-05-05", rate: -1.2m)).Expect(HttpStatusCode.BadRequest).RulesOf("exchangeRate"));
    }

    [Fact]
    public async Task Rates_keep_their_history_and_only_finance_records_them()
    {
        await system.KnownFundAsync(currency: "CHF");
        await RecordRateAsync("GBP", "CHF", "2026-06-01", 1.12m);
        var again = (await system.PostAsync(system.Pledges, "/exchange-rates", "finance",
            new { fromCurrency = "GBP", toCurrency = "CHF", rateDate = "2026-06-01", rate = 1.13m })).Expect(HttpStatusCode.Conflict);
        Assert.Equal("correctionReason", again.Field);
        await RecordRateAsync("GBP", "CHF", "2026-06-01", 1.1235m, "typo in the first entry");

        var history = await system.GetAllAsync(system.Pledges, "/exchange-rates/GBP/CHF", "auditor");
        Assert.Equal([1.1235m, 1.12m], history.Where(h => h.GetProperty("rateDate").GetString() == "2026-06-01").Select(h => h.GetProperty("rate").GetDecimal()));

        (await system.PostAsync(system.Pledges, "/exchange-rates", "fund-manager", new { fromCurrency = "GBP", toCurrency = "CHF", rateDate = "2026-06-02", rate = 1m }))
            .Expect(HttpStatusCode.Forbidden);
        Assert.Equal("pair-used", (await system.PostAsync(system.Pledges, "/exchange-rates", "finance",
            new { fromCurrency = "GBP", toCurrency = "KRW", rateDate = "2026-06-02", rate = 1500m })).Expect(HttpStatusCode.UnprocessableEntity).Rule);
        Assert.Contains("positive", (await system.PostAsync(system.Pledges, "/exchange-rates", "finance",
            new { fromCurrency = "GBP", toCurrency = "CHF", rateDate = "2026-06-02", rate = 0m })).Expect(HttpStatusCode.BadRequest).RulesOf("rate"));
        (await system.PostAsync(system.Pledges, "/contributions", "fund-manager", new { })).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_contribution_from_an_unregistered_donor_or_to_an_unknown_fund_is_refused()
    {
        var fund = await system.KnownFundAsync();
        var body = Samples.Contribution(fund, donorId: "donor-nobody");
        Assert.Equal(("donorId", "exists"), ((await system.PostAsync(system.Pledges, "/contributions", "finance", body)).Expect(HttpStatusCode.UnprocessableEntity)
            is var a ? (a.Field, a.Rule) : default));
        Assert.Equal(("fundId", "exists"), ((await system.PostAsync(system.Pledges, "/contributions", "finance", Samples.Contribution("fund-nobody")))
            .Expect(HttpStatusCode.UnprocessableEntity) is var b ? (b.Field, b.Rule) : default));
        Assert.Equal(0, await system.CountAsync("Pledges", "SELECT count(*) FROM contributions WHERE fund_id = @fund", new { fund }));
    }
}
