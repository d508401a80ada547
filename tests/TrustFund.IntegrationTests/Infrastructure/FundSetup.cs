using System.Net;

namespace TrustFund.IntegrationTests.Infrastructure;

/// <summary>Builds fund structure through Earmarking's API, as a fund manager would.</summary>
public static class FundSetup
{
    public const string Manager = "manager-1";

    public static async Task<string> NewFundAsync(this SystemFixture system, decimal feeRate = 0m, string currency = "USD",
        decimal threshold = 10_000m, bool interestToCore = false, string? fundId = null)
    {
        var fund = fundId ?? Samples.NewFund();
        (await system.PostAsync(system.Earmarking, "/funds", "fund-manager", new
        {
            fundId = fund, name = $"Fund {fund}", baseCurrency = currency, feeRate, financingModel = "voluntary",
            twoApproverThreshold = threshold, interestToCore,
        }, subject: Manager)).Expect(HttpStatusCode.Created);
        return fund;
    }

    public static async Task OpenWindowAsync(this SystemFixture system, string fund, string window) =>
        (await system.PostAsync(system.Earmarking, $"/funds/{fund}/windows", "fund-manager", new { windowId = window, name = window }, Manager))
            .Expect(HttpStatusCode.Created);

    public static async Task OpenProjectAsync(this SystemFixture system, string fund, string window, string project, decimal allocation,
        string lead = "lead-1", string partner = "partner-1") =>
        (await system.PostAsync(system.Earmarking, $"/funds/{fund}/projects", "fund-manager", new
        {
            projectId = project, windowId = window, name = project, projectLead = lead, partnerId = partner, allocation,
        }, Manager)).Expect(HttpStatusCode.Created);
}
