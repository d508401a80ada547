using System.Net;

namespace TrustFund.IntegrationTests.Infrastructure;

/// <summary>Builds fund structure through Earmarking's API, as a fund manager would.</summary>
public static class FundSetup
{
    public const string Manager = "manager-1";

    public static async Task<string> NewFundAsync(this SystemFixture system, decimal feeRate = 0m, string currency = "USD",
        decimal threshold = 10_000m, bool interestToCore = false, string? fundId = null, string financingModel = "voluntary", string? definer = null)
    {
        var fund = fundId ?? Samples.NewFund();
        (await system.PostAsync(system.Earmarking, "/funds", "fund-manager", new
        {
            fundId = fund, name = $"Fund {fund}", baseCurrency = currency, feeRate, financingModel,
            twoApproverThreshold = threshold, interestToCore,
        }, subject: definer ?? Manager)).Expect(HttpStatusCode.Created);
        if (definer is null)
        {
            foreach (var colleague in CoManagers)
            {
                await system.AssignManagerAsync(fund, colleague);
            }
        }
        return fund;
    }

    /// <summary>
    /// Fund managers the fixture assigns to every fund it defines, besides <see cref="Manager"/> who defines it; a fund
    /// given another <c>definer</c> has that manager alone.
    /// </summary>
    public static readonly string[] CoManagers = ["manager-2", "test-user"];

    public static async Task AssignManagerAsync(this SystemFixture system, string fund, string manager, string by = Manager) =>
        (await system.PostAsync(system.Earmarking, $"/funds/{fund}/managers", "fund-manager", new { manager, reason = "fund team" }, subject: by))
            .Expect(HttpStatusCode.Created);

    public static async Task OpenWindowAsync(this SystemFixture system, string fund, string window) =>
        (await system.PostAsync(system.Earmarking, $"/funds/{fund}/windows", "fund-manager", new { windowId = window, name = window }, Manager))
            .Expect(HttpStatusCode.Created);

    public static async Task OpenProjectAsync(this SystemFixture system, string fund, string window, string project, decimal allocation,
        string lead = "lead-1", string partner = "partner-1") =>
        (await system.PostAsync(system.Earmarking, $"/funds/{fund}/projects", "fund-manager", new
        {
            projectId = project, windowId = window, name = project, projectLead = lead, partnerId = partner, allocation,
        }, Manager)).Expect(HttpStatusCode.Created);

    /// <summary>Donors the tests pay from, registered in Pledges once per run.</summary>
    public static readonly string[] StandardDonors = ["donor-norway", "donor-sweden", "donor-switzerland", "donor-eu", "donor-a", "donor-b", "donor-c"];

    public static async Task RegisterDonorsAsync(this SystemFixture system, IEnumerable<string> donors)
    {
        foreach (var donor in donors)
        {
            var answer = await system.PostAsync(system.Pledges, "/donors", "finance", new { donorId = donor, name = donor, type = "foundation" });
            Assert.True(answer.Status is HttpStatusCode.Created or HttpStatusCode.Conflict, $"registering {donor}: {answer.Status} {answer.Body}");
        }
    }

    /// <summary>
    /// A fund ready to take contributions through Pledges: defined in Earmarking with the window "mercury" and the project
    /// "proj-ghana" in it, and known to Pledges from Earmarking's events.
    /// </summary>
    public static async Task<string> KnownFundAsync(this SystemFixture system, decimal feeRate = 0m, string currency = "USD",
        string financingModel = "voluntary")
    {
        var fund = await system.NewFundAsync(feeRate: feeRate, currency: currency, financingModel: financingModel);
        await system.OpenWindowAsync(fund, "mercury");
        await system.OpenProjectAsync(fund, "mercury", "proj-ghana", 1_000_000m);
        await system.WaitUntilPledgesKnowsAsync(fund, windows: 2, projects: 1);
        return fund;
    }

    public static Task WaitUntilPledgesKnowsAsync(this SystemFixture system, string fund, int windows, int projects) =>
        Eventually.GetAsync(async () =>
        {
            var answer = await system.GetAsync(system.Pledges, $"/funds/{fund}", "auditor");
            return answer.Status == HttpStatusCode.OK
                   && answer.Body.GetProperty("windows").GetArrayLength() == windows
                   && answer.Body.GetProperty("projects").GetArrayLength() == projects
                ? "known"
                : null;
        }, $"Pledges to learn fund {fund} from Earmarking");
}
