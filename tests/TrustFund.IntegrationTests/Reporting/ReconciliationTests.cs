using System.Net;
using TrustFund.Contracts.Messages;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Reporting;

[Collection(SystemCollection.Name)]
public sealed class ReconciliationTests(SystemFixture system)
{
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
            return answer.Status == HttpStatusCode.OK && answer.Body.GetProperty("reconciled").GetBoolean() ? answer.Body.ToString() : null;
        }, "the ledger to agree with Earmarking");
        var ledger = System.Text.Json.JsonDocument.Parse(reconciled).RootElement.GetProperty("ledger").EnumerateArray().Single();
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
            return answer.Body.GetProperty("reconciled").GetBoolean() ? null : answer.Body.GetProperty("differences").ToString();
        }, "the difference to show");
        var listed = System.Text.Json.JsonDocument.Parse(differences).RootElement.EnumerateArray()
            .Select(d => (d.GetProperty("figure").GetString(), d.GetProperty("amount").GetDecimal())).ToList();
        Assert.Equal([("disbursed", 7m), ("cash held", -7m)], listed);
    }
}
