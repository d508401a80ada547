using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Api;

/// <summary>Bad query and route values on the read side get problem details naming the parameter, like bodies do.</summary>
[Collection(SystemCollection.Name)]
public sealed class QueryValidationTests(SystemFixture system)
{
    [Theory]
    [InlineData("limit=0", "limit", "range")]
    [InlineData("limit=1001", "limit", "range")]
    [InlineData("afterEntryId=-1", "afterEntryId", "non-negative")]
    [InlineData("afterEntryId=abc", "afterEntryId", "type")]
    public async Task Ledger_listing_refuses_bad_paging_with_400_naming_the_parameter(string query, string field, string rule)
    {
        using var request = system.Request(HttpMethod.Get, $"/funds/fund-x/ledger/entries?{query}", "auditor");
        using var response = await system.Reporting.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(rule, problem.GetProperty("rules").GetProperty(field).EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task A_malformed_id_in_the_route_is_404_with_problem_details()
    {
        using var request = system.Request(HttpMethod.Get, "/contributions/not-a-uuid", "auditor");
        using var response = await system.Pledges.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Ledger_listing_pages_through_a_funds_entries_in_order()
    {
        var fund = await system.KnownFundAsync();
        for (var i = 0; i < 3; i++)
        {
            using var post = system.Request(HttpMethod.Post, "/contributions", "finance", Samples.Contribution(fund, 1m + i), Guid.NewGuid().ToString());
            (await system.Pledges.Client.SendAsync(post)).Dispose();
        }
        await system.WaitForCountAsync("Reporting", "SELECT count(*) FROM journal_entries WHERE fund_id = @fund", new { fund }, 3, "three entries");

        var first = await PageAsync(fund, "limit=2");
        var second = await PageAsync(fund, $"limit=2&afterEntryId={first.GetProperty("nextAfterEntryId").GetInt64()}");

        var ids = first.GetProperty("entries").EnumerateArray().Concat(second.GetProperty("entries").EnumerateArray())
            .Select(e => e.GetProperty("entryId").GetInt64()).ToList();
        Assert.Equal(3, ids.Count);
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextAfterEntryId").ValueKind);
    }

    private async Task<JsonElement> PageAsync(string fund, string query)
    {
        using var request = system.Request(HttpMethod.Get, $"/funds/{fund}/ledger/entries?{query}", "finance");
        using var response = await system.Reporting.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
