using System.Net;
using System.Text.Json;
using TrustFund.IntegrationTests.Disbursements;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.EndToEnd;

/// <summary>
/// Pledges, contributions, a disbursement, a refund and a write-off through the real services; every statement total
/// below is computed by hand in the comments.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class StatementsEndToEndTests(SystemFixture system)
{
    private static decimal D(JsonElement e, string name) => e.GetProperty(name).GetDecimal();

    [Fact]
    public async Task Pledges_payments_a_transfer_a_refund_and_a_write_off_give_the_statements_computed_by_hand()
    {
        // The whole timeline ends today, because the write-off below is dated by Pledges' own clock: the statements cover the
        // year up to today, and the receivables are aged today.
        var from = Dates.DaysAgo(364);
        var to = Dates.Iso(Dates.Today);
        var period = $"from={from}&to={to}";
        var fund = await system.KnownFundAsync(feeRate: 0.01m); // USD; window mercury, project proj-ghana (lead-1, partner-1)
        await system.WaitForCountAsync("Disbursements", "SELECT count(*) FROM project_copies WHERE fund_id = @fund", new { fund }, 1, "Disbursements to learn the project");

        // 10,000 EUR to proj-ghana at 1.10: a receivable of 11,000.00 USD. 5,000 USD to core from Norway.
        var eu = await PledgeAsync(fund, "donor-eu", 10_000m, "EUR", new { kind = "project", windowId = "mercury", projectId = "proj-ghana" }, 1.10m,
            (Dates.DaysAgo(210), 4_000m), (Dates.DaysAgo(30), 6_000m));
        var norway = await PledgeAsync(fund, "donor-norway", 5_000m, "USD", new { kind = "unearmarked" }, null, (Dates.DaysAgo(150), 5_000m));

        // 4,000 EUR at 1.12 = 4,480.00 USD, settling 11,000.00 - round(6,000 x 1.10) = 4,400.00 of receivable: 80.00 gained. Fee 44.80.
        await PayAsync(fund, "donor-eu", eu, 4_000m, "EUR", Dates.DaysAgo(220), 1.12m);
        await PayAsync(fund, "donor-norway", norway, 5_000m, "USD", Dates.DaysAgo(185), null); // fee 50.00

        // 3,000 USD to partner-1, all of it donor-eu's project money; 500 of it comes back.
        await system.WaitForCountAsync("Earmarking", "SELECT count(*) FROM receipts WHERE fund_id = @fund", new { fund }, 2, "both receipts pooled");
        var request = await system.RequestAsync(fund, 3_000m, project: "proj-ghana");
        await system.WaitForStatusAsync(request, "reserved");
        (await system.PostAsync(system.Disbursements, $"/requests/{request}/approve", "fund-manager", new { }, subject: "manager-1")).Expect(HttpStatusCode.OK);
        (await system.PostAsync(system.Disbursements, $"/requests/{request}/pay", "finance",
            new { valueDate = Dates.DaysAgo(170), bankReference = "PAY-GH-1", amount = 3_000m }, subject: "finance-1")).Expect(HttpStatusCode.OK);
        await system.WaitForStatusAsync(request, "paid");
        await system.WaitForCountAsync("Earmarking", "SELECT count(*) FROM reservations WHERE request_id = @request AND status = 'consumed'", new { request }, 1, "the payment in Earmarking");
        (await system.PostAsync(system.Earmarking, $"/reservations/{request}/refunds", "finance",
            new { refundId = Guid.NewGuid(), amount = 500m, currency = "USD", valueDate = Dates.DaysAgo(160), reference = "unspent" })).Expect(HttpStatusCode.Created);

        // 1,000 EUR written off: round(6,000 x 1.10) - round(5,000 x 1.10) = 1,100.00 USD.
        (await system.PostAsync(system.Pledges, $"/pledges/{eu}/write-off", "finance", new { amount = 1_000m, reason = "agreed reduction, ministry budget cut" }))
            .Expect(HttpStatusCode.OK);
        await system.WaitForCountAsync("Reporting", "SELECT count(*) FROM journal_entries WHERE fund_id = @fund", new { fund },
            2 + 2 + 2 + 1 + 1 + 1, "pledges, payments, fees, transfer, refund and write-off posted");

        // Sources and uses of the year: deposits 4,480.00 + 5,000.00; uses 3,000.00 - 500.00 + 94.80 = 2,594.80; balance 6,885.20 (72.63 %).
        var flows = (await system.GetAsync(system.Reporting, $"/funds/{fund}/statements/sources-and-uses?{period}", "fund-manager"))
            .Expect(HttpStatusCode.OK).Body.EnumerateArray().Single();
        Assert.Equal(["donor-eu:4480.00", "donor-norway:5000.00"], flows.GetProperty("contributionsByDonor").EnumerateArray()
            .Select(d => $"{d.GetProperty("label").GetString()}:{d.GetProperty("value").GetRawText()}"));
        Assert.Equal((9_480m, 9_480m, 3_000m, 500m, 94.80m, 2_594.80m), (D(flows, "contributions"), D(flows, "totalSources"), D(flows, "transfers"),
            D(flows, "refunds"), D(flows, "administrativeAgentFee"), D(flows, "totalUses")));
        Assert.Equal((6_885.20m, 72.63m, 6_885.20m), (D(flows, "balanceForPeriod"), D(flows, "balanceAsPercentOfDeposits"), D(flows, "closingBalance")));

        // The donor statement of donor-eu: 10,000 EUR pledged, 4,000 paid, 1,000 written off, 5,000 (5,500.00 USD) outstanding; of its
        // 4,480.00 USD, 44.80 went in fees and 3,000.00 to partner-1, of which 500.00 came back: 1,935.20 still held.
        var statement = (await system.GetAsync(system.Reporting, $"/funds/{fund}/statements/donors/donor-eu?{period}", "donor",
            claims: new Dictionary<string, string> { ["donor_id"] = "donor-eu" })).Expect(HttpStatusCode.OK).Body;
        var pledged = statement.GetProperty("pledges").EnumerateArray().Single();
        Assert.Equal(("EUR", 10_000m, 4_000m, 1_000m, 5_000m, 5_500m), (pledged.GetProperty("currency").GetString(), D(pledged, "pledged"), D(pledged, "paid"),
            D(pledged, "writtenOff"), D(pledged, "outstandingAtEnd"), D(pledged, "outstandingAtEndInBaseCurrency")));
        Assert.Equal((4_480m, 44.80m, 80m, 1_935.20m), (D(statement, "contributionsReceived"), D(statement, "administrativeAgentFee"),
            D(statement, "exchangeDifferences"), D(statement, "heldAtEnd")));
        var use = statement.GetProperty("uses").EnumerateArray().Single();
        Assert.Equal(("proj-ghana", "partner-1", "project", 3_000m, 500m, 2_500m), (use.GetProperty("projectId").GetString(), use.GetProperty("partnerId").GetString(),
            use.GetProperty("earmarkKind").GetString(), D(use, "transferred"), D(use, "refunded"), D(use, "net")));

        // A donor reads only its own statement; a fund manager reads fund-level statements only.
        (await system.GetAsync(system.Reporting, $"/funds/{fund}/statements/donors/donor-eu?{period}", "donor",
            claims: new Dictionary<string, string> { ["donor_id"] = "donor-norway" })).Expect(HttpStatusCode.NotFound);
        (await system.GetAsync(system.Reporting, $"/funds/{fund}/statements/donors/donor-eu?{period}", "fund-manager")).Expect(HttpStatusCode.Forbidden);
        (await system.GetAsync(system.Reporting, $"/funds/{fund}/statements/sources-and-uses?{period}", "donor",
            claims: new Dictionary<string, string> { ["donor_id"] = "donor-eu" })).Expect(HttpStatusCode.Forbidden);

        // Financial position today: cash 6,885.20 + receivable 5,500.00 = 12,385.20 of assets. Net assets without donor
        // restrictions: Norway's 5,000.00 less its fee of 50.00 = 4,950.00; with: 11,000.00 + 80.00 - 44.80 - 3,000.00 + 500.00 - 1,100.00 = 7,435.20.
        var position = (await system.GetAsync(system.Reporting, $"/funds/{fund}/statements/financial-position?asOf={to}", "auditor"))
            .Expect(HttpStatusCode.OK).Body.EnumerateArray().Single();
        Assert.Equal((6_885.20m, 5_500m, 12_385.20m), (D(position, "cash"), D(position, "contributionsReceivable"), D(position, "totalAssets")));
        Assert.Equal((4_950m, 7_435.20m, true), (D(position, "netAssetsWithoutDonorRestrictions"), D(position, "netAssetsWithDonorRestrictions"),
            position.GetProperty("balanced").GetBoolean()));

        // Receivables today: the 5,000 EUR left sit on the instalment due 30 days ago.
        var ageing = (await system.GetAsync(system.Reporting, $"/funds/{fund}/statements/receivables-ageing?asOf={to}", "finance"))
            .Expect(HttpStatusCode.OK).Body;
        var line = ageing.GetProperty("byDonor").EnumerateArray().Single();
        Assert.Equal(("donor-eu", "EUR", 5_000m, 5_000m, 5_500m), (line.GetProperty("donorId").GetString(), line.GetProperty("currency").GetString(),
            D(line.GetProperty("ageing"), "days1To30"), D(line, "outstanding"), D(line, "outstandingInBaseCurrency")));

        // Reconciliation: the ledger agrees with Earmarking, Pledges (5,000 EUR outstanding, 9,480.00 USD received) and Disbursements.
        var reconciled = await Eventually.GetAsync(async () =>
        {
            var answer = await system.GetAsync(system.Reporting, $"/funds/{fund}/reconciliation", "auditor");
            return answer.Status == HttpStatusCode.OK && answer.Body.GetProperty("reconciled").GetBoolean() ? answer.Body.ToString() : null;
        }, "the ledger to agree with every service", TimeSpan.FromSeconds(30));
        var figures = JsonDocument.Parse(reconciled).RootElement.GetProperty("ledger").EnumerateArray().ToDictionary(f => f.GetProperty("currency").GetString()!);
        Assert.Equal((5_000m, 9_480m, 3_000m, 6_885.20m), (D(figures["EUR"], "pledgesReceivable"), D(figures["USD"], "contributions"),
            D(figures["USD"], "disbursementsPaid"), D(figures["USD"], "cash")));

        // Exports carry the same figures: the financial position as a workbook, the donor statement as a PDF (finance and auditors only).
        var workbook = (await system.PostAsync(system.Reporting, $"/funds/{fund}/exports", "fund-manager",
            new { statement = "financial-position", format = "xlsx", from, to })).Expect(HttpStatusCode.Created).Body;
        var xlsx = await Reporting.ExportedFile.DownloadAsync(system, workbook.GetProperty("exportId").GetString()!);
        Assert.Equal([12_385.20m], xlsx.XlsxRows("Total assets").Single());
        Assert.Equal([7_435.20m], xlsx.XlsxRows("Net assets with donor restrictions").Single());
        var signed = (await system.PostAsync(system.Reporting, $"/funds/{fund}/exports", "finance",
            new { statement = "donor-statement", donorId = "donor-eu", format = "pdf", from, to })).Expect(HttpStatusCode.Created).Body;
        Assert.Equal("donor-eu", signed.GetProperty("donorId").GetString());
        var pdf = await Reporting.ExportedFile.DownloadAsync(system, signed.GetProperty("exportId").GetString()!);
        var text = await pdf.PdfTextAsync();
        foreach (var expected in new[] { "Donor statement of donor-eu", $"Fund: {fund}", "1,935.20", "5,500.00", "proj-ghana", "Page 1 of", "Certified by" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
        (await system.PostAsync(system.Reporting, $"/funds/{fund}/exports", "fund-manager",
            new { statement = "donor-statement", donorId = "donor-eu", format = "pdf", from, to })).Expect(HttpStatusCode.Forbidden);
        (await system.GetAsync(system.Reporting, $"/exports/{signed.GetProperty("exportId").GetString()}/file", "fund-manager")).Expect(HttpStatusCode.Forbidden);
        Assert.Equal(["required"], (await system.PostAsync(system.Reporting, $"/funds/{fund}/exports", "finance",
            new { statement = "donor-statement", format = "pdf", from, to })).Expect(HttpStatusCode.BadRequest).RulesOf("donorId"));

        // The trial balance balances in each currency, and bad input is named.
        var trial = (await system.GetAsync(system.Reporting, $"/funds/{fund}/statements/trial-balance?{period}", "auditor")).Expect(HttpStatusCode.OK).Body;
        Assert.All(trial.GetProperty("totals").EnumerateArray(), t => Assert.Equal(D(t, "debit"), D(t, "credit")));
        // Valued in dollars, the receivable took 11,000.00 + 5,000.00 and gave back 4,400.00 + 5,000.00 + 1,100.00; the whole balances.
        var receivableInBase = trial.GetProperty("inBaseCurrency").EnumerateArray().Single(l => l.GetProperty("account").GetString() == "1100-contributions-receivable");
        Assert.Equal((16_000m, 10_500m), (D(receivableInBase, "debit"), D(receivableInBase, "credit")));
        var baseTotal = trial.GetProperty("baseTotals").EnumerateArray().Single();
        Assert.Equal(("USD", D(baseTotal, "debit")), (baseTotal.GetProperty("currency").GetString(), D(baseTotal, "credit")));
        Assert.Equal(["required"], (await system.GetAsync(system.Reporting, $"/funds/{fund}/statements/financial-position", "auditor"))
            .Expect(HttpStatusCode.BadRequest).RulesOf("asOf"));
        Assert.Equal(["not-before-from"], (await system.GetAsync(system.Reporting, $"/funds/{fund}/statements/donors/donor-eu?from=2026-02-01&to=2026-01-01", "auditor"))
            .Expect(HttpStatusCode.BadRequest).RulesOf("to"));
        Assert.Equal(["range"], (await system.GetAsync(system.Reporting, $"/funds/{fund}/statements/assessed-contributions?year=1999&asOf=2026-11-30", "auditor"))
            .Expect(HttpStatusCode.BadRequest).RulesOf("year"));
        Assert.Equal(["id-format"], (await system.GetAsync(system.Reporting, "/funds/Not%20A%20Fund/statements/receivables-ageing?asOf=2026-11-30", "auditor"))
            .Expect(HttpStatusCode.BadRequest).RulesOf("fundId"));
        Assert.Equal(["id-format"], (await system.GetAsync(system.Reporting, $"/funds/{fund}/statements/donors/Donor%20EU?{period}", "auditor"))
            .Expect(HttpStatusCode.BadRequest).RulesOf("donorId"));
    }

    private async Task<Guid> PledgeAsync(string fund, string donor, decimal amount, string currency, object earmark, decimal? rate,
        params (string Due, decimal Amount)[] instalments) =>
        (await system.PostAsync(system.Pledges, "/pledges", "finance", new Dictionary<string, object?>
        {
            ["donorId"] = donor, ["fundId"] = fund, ["amount"] = amount, ["currency"] = currency, ["earmark"] = earmark, ["pledgedOn"] = Dates.DaysAgo(300),
            ["exchangeRate"] = rate, ["instalments"] = instalments.Select(i => new { dueDate = i.Due, amount = i.Amount }).ToArray(),
        })).Expect(HttpStatusCode.Created).Body.GetProperty("pledgeId").GetGuid();

    private async Task PayAsync(string fund, string donor, Guid pledge, decimal amount, string currency, string valueDate, decimal? rate) =>
        (await system.PostAsync(system.Pledges, "/contributions", "finance", new Dictionary<string, object?>
        {
            ["donorId"] = donor, ["fundId"] = fund, ["pledgeId"] = pledge, ["amount"] = amount, ["currency"] = currency, ["valueDate"] = valueDate,
            ["bankReference"] = $"{donor}-{valueDate}", ["exchangeRate"] = rate,
        })).Expect(HttpStatusCode.Created);
}
