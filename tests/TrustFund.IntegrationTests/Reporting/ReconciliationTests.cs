using System.Net;
using System.Text.Json;
using TrustFund.Contracts.Messages;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Reporting;

[Collection(SystemCollection.Name)]
public sealed class ReconciliationTests(SystemFixture system)
{
    /// <summary>The differences a reconciliation lists, as (service, figure, ledger's excess).</summary>
    private static List<(string?, string?, decimal)> Listed(JsonElement differences) =>
        [.. differences.EnumerateArray().Select(d => (d.GetProperty("service").GetString(), d.GetProperty("figure").GetString(), d.GetProperty("amount").GetDecimal()))];

    // Money here enters and leaves over the broker, past Pledges and Disbursements: the ledger and Earmarking agree, and
    // the two services that never saw it are named for what they lack.
    [Fact]
    public async Task The_ledger_and_Earmarking_agree_on_every_figure_and_a_posting_Earmarking_never_made_is_listed_as_a_difference()
    {
        var fund = await system.NewFundAsync(feeRate: 0.02m);
        await system.OpenProjectAsync(fund, "core", "p1", 10_000m);
        await system.ContributeAsync(fund, 1000m, donor: "donor-a");
        await system.ContributeAsync(fund, 250m, new Earmark { Kind = EarmarkKinds.Window, WindowId = "nowhere" }, donor: "donor-b"); // suspense
        var paid = (await system.ReserveAsync(fund, "p1", 400m)).RequestId;
        await system.ConsumeAsync(paid);
        await system.ReserveAsync(fund, "p1", 100m); // held, not paid
        (await system.PostAsync(system.Earmarking, $"/reservations/{paid}/refunds", "finance",
            new { refundId = Guid.NewGuid(), amount = 50m, currency = "USD", valueDate = "2026-11-20", reference = "unspent" })).Expect(HttpStatusCode.Created);
        (await system.PostAsync(system.Earmarking, $"/funds/{fund}/interest", "finance",
            new { interestId = Guid.NewGuid(), periodStart = "2026-10-01", periodEnd = "2026-10-31", amount = 3.21m, currency = "USD" })).Expect(HttpStatusCode.Created);

        var reconciled = await Eventually.GetAsync(async () =>
        {
            var answer = await system.GetAsync(system.Reporting, $"/funds/{fund}/reconciliation", "auditor");
            return answer.Status == HttpStatusCode.OK && Listed(answer.Body.GetProperty("differences")).All(d => d.Item1 != "Earmarking")
                ? answer.Body.ToString() : null;
        }, "the ledger to agree with Earmarking");
        var result = JsonDocument.Parse(reconciled).RootElement;
        Assert.False(result.GetProperty("reconciled").GetBoolean());
        Assert.Equal([("Pledges", "contributions received", 1250m), ("Disbursements", "paid", 400m)], Listed(result.GetProperty("differences")));
        var ledger = result.GetProperty("ledger").EnumerateArray().Single();
        Assert.Equal((1250m, 25m, 400m, 50m), (ledger.GetProperty("contributions").GetDecimal(), ledger.GetProperty("fees").GetDecimal(),
            ledger.GetProperty("transfers").GetDecimal(), ledger.GetProperty("refunds").GetDecimal()));
        (await system.GetAsync(system.Reporting, $"/funds/{fund}/reconciliation", "fund-manager")).Expect(HttpStatusCode.Forbidden);

        // The sources and uses of November: the October interest is in the opening balance.
        var statement = (await system.GetAsync(system.Reporting, $"/funds/{fund}/statements/sources-and-uses?from=2026-11-01&to=2026-11-30", "fund-manager"))
            .Expect(HttpStatusCode.OK).Body.EnumerateArray().Single();
        Assert.Equal((3.21m, 1250m, 1250m), (statement.GetProperty("openingBalance").GetDecimal(), statement.GetProperty("contributions").GetDecimal(),
            statement.GetProperty("totalSources").GetDecimal()));
        Assert.Equal(["donor-a:1000.00", "donor-b:250.00"], statement.GetProperty("contributionsByDonor").EnumerateArray()
            .Select(d => $"{d.GetProperty("label").GetString()}:{d.GetProperty("value").GetRawText()}"));
        var transfer = statement.GetProperty("transfersByProjectAndPartner").EnumerateArray().Single();
        Assert.Equal(("p1", "partner-1", 400m), (transfer.GetProperty("projectId").GetString(), transfer.GetProperty("partnerId").GetString(),
            transfer.GetProperty("value").GetDecimal()));
        Assert.Equal((50m, 25m, 375m, 875m, 878.21m), (statement.GetProperty("refunds").GetDecimal(), statement.GetProperty("administrativeAgentFee").GetDecimal(),
            statement.GetProperty("totalUses").GetDecimal(), statement.GetProperty("balanceForPeriod").GetDecimal(), statement.GetProperty("closingBalance").GetDecimal()));
        Assert.Equal(70m, statement.GetProperty("balanceAsPercentOfDeposits").GetDecimal());
        Assert.Equal(statement.GetProperty("closingBalance").GetDecimal(), ledger.GetProperty("cash").GetDecimal());

        // A transfer that only the ledger knows of: both the disbursed total and the cash held differ by its amount.
        await system.Bus.Publish(new FundsDisbursed
        {
            RequestId = Guid.NewGuid(), FundId = fund, WindowId = "core", ProjectId = "p1", PartnerId = "nobody", Amount = 7m, Currency = "USD",
            ValueDate = new DateOnly(2026, 11, 21), Lines = [new PoolLine { PoolId = 0, DonorId = "donor-a", EarmarkKind = "unearmarked", WindowId = "core", Amount = 7m }],
            Attribution = [], DisbursedAt = DateTimeOffset.UtcNow,
        });
        var differences = await Eventually.GetAsync(async () =>
        {
            var answer = await system.GetAsync(system.Reporting, $"/funds/{fund}/reconciliation", "finance");
            return Listed(answer.Body.GetProperty("differences")).Any(d => d.Item1 == "Earmarking") ? answer.Body.GetProperty("differences").ToString() : null;
        }, "the difference to show");
        Assert.Equal([("Earmarking", "disbursed", 7m), ("Earmarking", "cash held", -7m), ("Pledges", "contributions received", 1250m), ("Disbursements", "paid", 407m)],
            Listed(JsonDocument.Parse(differences).RootElement));
    }

    [Fact]
    public async Task A_pledge_paid_in_full_an_unpledged_gift_and_a_paid_disbursement_leave_the_ledger_agreeing_with_all_three_services()
    {
        var fund = await system.KnownFundAsync(feeRate: 0.01m);
        await system.WaitForCountAsync("Disbursements", "SELECT count(*) FROM project_copies WHERE fund_id = @fund", new { fund }, 1,
            "Disbursements to learn the project");
        var pledge = (await system.PostAsync(system.Pledges, "/pledges", "finance", new
        {
            donorId = "donor-sweden", fundId = fund, amount = 300m, currency = "USD", earmark = new { kind = "window", windowId = "mercury" },
            pledgedOn = "2026-01-15", instalments = new[] { new { dueDate = "2026-06-30", amount = 300m } },
        })).Expect(HttpStatusCode.Created).Body.GetProperty("pledgeId").GetGuid();
        (await system.PostAsync(system.Pledges, "/contributions", "finance", new
        {
            donorId = "donor-sweden", fundId = fund, pledgeId = pledge, amount = 300m, currency = "USD", valueDate = "2026-07-01",
        })).Expect(HttpStatusCode.Created);
        (await system.PostAsync(system.Pledges, "/contributions", "finance", Samples.Contribution(fund, 1000m))).Expect(HttpStatusCode.Created);
        await system.WaitForCountAsync("Earmarking", "SELECT count(*) FROM receipts WHERE fund_id = @fund", new { fund }, 2, "both receipts pooled");

        var request = (await system.PostAsync(system.Disbursements, "/requests", "project-lead", new
        {
            fundId = fund, projectId = "proj-ghana", amount = 250.50m, currency = "USD", purpose = "retorts", neededBy = "2026-12-15",
        }, subject: "lead-1")).Expect(HttpStatusCode.Created).Body.GetProperty("requestId").GetGuid();
        await system.WaitForCountAsync("Disbursements", "SELECT count(*) FROM requests WHERE request_id = @request AND status = 'reserved'", new { request }, 1,
            "the request to be reserved");
        (await system.PostAsync(system.Disbursements, $"/requests/{request}/approve", "fund-manager", new { }, subject: "manager-1")).Expect(HttpStatusCode.OK);
        (await system.PostAsync(system.Disbursements, $"/requests/{request}/pay", "finance",
            new { valueDate = "2026-11-20", bankReference = "PAY-9", amount = 250.50m }, subject: "finance-1")).Expect(HttpStatusCode.OK);

        var reconciled = await Eventually.GetAsync(async () =>
        {
            var answer = await system.GetAsync(system.Reporting, $"/funds/{fund}/reconciliation", "finance");
            return answer.Status == HttpStatusCode.OK && answer.Body.GetProperty("reconciled").GetBoolean() ? answer.Body.ToString() : null;
        }, "the ledger to agree with Earmarking, Pledges and Disbursements", TimeSpan.FromSeconds(40));
        var result = JsonDocument.Parse(reconciled).RootElement;
        Assert.Equal(0, result.GetProperty("differences").GetArrayLength());
        var ledger = result.GetProperty("ledger").EnumerateArray().Single();
        Assert.Equal((1300m, 13m, 250.50m, 0m, 1036.50m), (ledger.GetProperty("contributions").GetDecimal(), ledger.GetProperty("fees").GetDecimal(),
            ledger.GetProperty("disbursementsPaid").GetDecimal(), ledger.GetProperty("pledgesReceivable").GetDecimal(), ledger.GetProperty("cash").GetDecimal()));
        // The pledges-outstanding figure is checked here only where nothing is outstanding: the ledger books no receivable yet.
    }

    [Fact]
    public async Task A_malformed_fund_id_is_refused_naming_it_before_any_service_is_asked() =>
        Assert.Contains("id-format", (await system.GetAsync(system.Reporting, "/funds/Not-A-Fund/reconciliation", "auditor"))
            .Expect(HttpStatusCode.BadRequest).RulesOf("fundId"));

    [Fact]
    public async Task A_service_that_cannot_be_reached_gives_502_naming_it()
    {
        var fund = await system.NewFundAsync();
        await system.RestartAsync("Reporting", new Dictionary<string, string> { ["Reconciliation__Disbursements"] = "http://127.0.0.1:9" });
        try
        {
            var answer = (await system.GetAsync(system.Reporting, $"/funds/{fund}/reconciliation", "auditor")).Expect(HttpStatusCode.BadGateway);
            Assert.Equal(("service-available", "Disbursements"), (answer.Rule, answer.Body.GetProperty("service").GetString()));
        }
        finally
        {
            await system.RestartAsync("Reporting");
        }
    }
}
