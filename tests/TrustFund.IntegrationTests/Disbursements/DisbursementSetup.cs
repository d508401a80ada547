using System.Net;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Disbursements;

/// <summary>Funds, projects and money for disbursement tests, and waiting on a request's state.</summary>
public static class DisbursementSetup
{
    /// <summary>A USD fund with the project "p1" led by lead-1, <paramref name="money"/> in core, known to Disbursements.</summary>
    public static async Task<string> FundWithMoneyAsync(this SystemFixture system, decimal money, decimal threshold = 10_000m)
    {
        var fund = await system.NewFundAsync(threshold: threshold);
        await system.OpenProjectAsync(fund, "core", "p1", 1_000_000m, lead: "lead-1", partner: "partner-1");
        await system.OpenProjectAsync(fund, "core", "p2", 1_000_000m, lead: "lead-2", partner: "partner-2");
        if (money > 0)
        {
            await system.ContributeAsync(fund, money, donor: "donor-a");
        }
        await system.WaitForCountAsync("Disbursements", "SELECT count(*) FROM project_copies WHERE fund_id = @fund", new { fund }, 2, "Disbursements to learn the projects");
        return fund;
    }

    public static async Task<Guid> RequestAsync(this SystemFixture system, string fund, decimal amount, string project = "p1", string lead = "lead-1",
        string currency = "USD")
    {
        var answer = (await system.PostAsync(system.Disbursements, "/requests", "project-lead", new
        {
            fundId = fund, projectId = project, amount, currency, purpose = "retort purchase", tranche = "T1", neededBy = "2026-12-15",
        }, subject: lead)).Expect(HttpStatusCode.Created);
        return answer.Body.GetProperty("requestId").GetGuid();
    }

    public static Task WaitForStatusAsync(this SystemFixture system, Guid requestId, string status, TimeSpan? timeout = null) =>
        system.WaitForCountAsync("Disbursements", "SELECT count(*) FROM requests WHERE request_id = @requestId AND status = @status",
            new { requestId, status }, 1, $"request {requestId} to be {status}", timeout ?? TimeSpan.FromSeconds(30));

    public static Task<long> EarmarkingStatusIsAsync(this SystemFixture system, Guid requestId, string status) =>
        system.CountAsync("Earmarking", "SELECT count(*) FROM reservations WHERE request_id = @requestId AND status = @status", new { requestId, status });
}
