using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.EndToEnd;

[Collection(SystemCollection.Name)]
public sealed class ContributionFlowTests(SystemFixture system)
{
    [Fact]
    public async Task Contribution_recorded_in_Pledges_credits_the_pool_in_Earmarking_and_posts_a_balanced_entry_in_Reporting()
    {
        var fund = await system.KnownFundAsync(feeRate: 0.01m, currency: "EUR");
        var contributionId = Guid.NewGuid();
        var traceId = ActivityTraceId.CreateRandom();
        using var post = system.Request(HttpMethod.Post, "/contributions", "finance",
            Samples.Contribution(fund, 2500.50m, "EUR", new { kind = "project", windowId = "mercury", projectId = "proj-ghana" }, contributionId),
            idempotencyKey: Guid.NewGuid().ToString());
        post.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        using var created = await system.Pledges.Client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/contributions/{contributionId}", created.Headers.Location?.ToString());

        // Earmarking: the project pool of that donor holds exactly the amount.
        var pools = await Eventually.GetAsync(async () =>
        {
            var body = await GetJsonAsync(system.Earmarking, $"/funds/{fund}/pools", "fund-manager");
            return body?.GetProperty("items").GetArrayLength() > 0 ? body : null;
        }, "the pool credit in Earmarking");
        var pool = Assert.Single(pools.GetProperty("items").EnumerateArray(), p => p.GetProperty("poolKind").GetString() == "purpose");
        Assert.Equal("project", pool.GetProperty("earmarkKind").GetString());
        Assert.Equal("mercury", pool.GetProperty("windowId").GetString());
        Assert.Equal("proj-ghana", pool.GetProperty("projectId").GetString());
        Assert.Equal("donor-norway", pool.GetProperty("donorId").GetString());
        Assert.Equal(2475.49m, pool.GetProperty("available").GetDecimal()); // net of the 1% fee, 25.01
        var fee = Assert.Single(pools.GetProperty("items").EnumerateArray(), p => p.GetProperty("poolKind").GetString() == "fee");
        Assert.Equal(25.01m, fee.GetProperty("available").GetDecimal());
        Assert.Equal("EUR", pool.GetProperty("currency").GetString());

        // Reporting: cash debited, restricted revenue credited, for the same amount.
        var entry = await Eventually.GetAsync(() => GetJsonAsync(system.Reporting, $"/ledger/entries/by-source/contribution/{contributionId}", "auditor"),
            "the ledger entry in Reporting");
        var lines = entry.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal(lines.Sum(l => l.GetProperty("debit").GetDecimal()), lines.Sum(l => l.GetProperty("credit").GetDecimal()));
        Assert.Contains(lines, l => l.GetProperty("account").GetString() == "1000-cash" && l.GetProperty("debit").GetDecimal() == 2500.50m);
        Assert.Contains(lines, l => l.GetProperty("account").GetString()!.Contains("with-donor-restrictions", StringComparison.Ordinal)
                                    && l.GetProperty("credit").GetDecimal() == 2500.50m);

        // The administrative agent's 1% fee, posted from Earmarking's ContributionPooled, leaves the fund's cash.
        await Eventually.GetAsync(() => GetJsonAsync(system.Reporting, $"/ledger/entries/by-source/fee/{contributionId}", "auditor"), "the fee entry");
        var balance = await GetJsonAsync(system.Reporting, $"/funds/{fund}/balance", "finance");
        Assert.Equal(2475.49m, balance!.Value.GetProperty("cash").GetProperty("EUR").GetDecimal());

        // One trace from the HTTP request, through the outbox and RabbitMQ, into the consumers of the other services.
        Assert.Equal(traceId.ToString(), entry.GetProperty("traceId").GetString());
        var credit = await GetJsonAsync(system.Earmarking, $"/contributions/{contributionId}/credit", "finance");
        Assert.Equal(traceId.ToString(), credit!.Value.GetProperty("traceId").GetString());

        // Disbursements knows the fund from Earmarking's FundChanged, with its currency and threshold.
        var funds = await Eventually.GetAsync(async () =>
        {
            var all = await system.GetAllAsync(system.Disbursements, "/funds", "fund-manager");
            return all.Any(f => f.GetProperty("fundId").GetString() == fund) ? all : null;
        }, "the fund in Disbursements");
        var known = funds.Single(f => f.GetProperty("fundId").GetString() == fund);
        Assert.Equal("EUR", known.GetProperty("baseCurrency").GetString());
    }

    [Fact]
    public async Task Unearmarked_contribution_lands_in_the_core_window_and_unrestricted_revenue()
    {
        var fund = await system.KnownFundAsync();
        var contributionId = Guid.NewGuid();
        using var post = system.Request(HttpMethod.Post, "/contributions", "finance",
            Samples.Contribution(fund, 300m, "USD", new { kind = "unearmarked" }, contributionId), idempotencyKey: Guid.NewGuid().ToString());
        using var created = await system.Pledges.Client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var entry = await Eventually.GetAsync(() => GetJsonAsync(system.Reporting, $"/ledger/entries/by-source/contribution/{contributionId}", "auditor"), "ledger entry");
        Assert.Contains(entry.GetProperty("lines").EnumerateArray(),
            l => l.GetProperty("account").GetString()!.Contains("without-donor-restrictions", StringComparison.Ordinal));
        var pools = await Eventually.GetAsync(async () =>
        {
            var body = await GetJsonAsync(system.Earmarking, $"/funds/{fund}/pools", "finance");
            return body?.GetProperty("items").GetArrayLength() > 0 ? body : null;
        }, "pool");
        var pool = Assert.Single(pools.GetProperty("items").EnumerateArray());
        Assert.Equal("core", pool.GetProperty("windowId").GetString());
        Assert.Equal(JsonValueKind.Null, pool.GetProperty("projectId").ValueKind);
    }

    [Fact]
    public async Task A_donor_sees_only_its_own_pools()
    {
        var fund = await system.KnownFundAsync();
        foreach (var donor in new[] { "donor-a", "donor-b" })
        {
            using var post = system.Request(HttpMethod.Post, "/contributions", "finance",
                Samples.Contribution(fund, 100m, donorId: donor), idempotencyKey: Guid.NewGuid().ToString());
            using var created = await system.Pledges.Client.SendAsync(post);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        await Eventually.GetAsync(async () =>
        {
            var body = await GetJsonAsync(system.Earmarking, $"/funds/{fund}/pools", "finance");
            return body?.GetProperty("items").GetArrayLength() == 2 ? body : null;
        }, "both pools");

        using var asDonor = system.Request(HttpMethod.Get, $"/funds/{fund}/pools", "donor", claims: new Dictionary<string, string> { ["donor_id"] = "donor-a" });
        using var response = await system.Earmarking.Client.SendAsync(asDonor);
        var pools = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("donor-a", Assert.Single(pools).GetProperty("donorId").GetString());
    }

    private async Task<JsonElement?> GetJsonAsync(ServiceProcess service, string path, string role)
    {
        using var request = system.Request(HttpMethod.Get, path, role);
        using var response = await service.Client.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
