using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Api;

/// <summary>Every refusal is problem details naming the field, and leaves no contribution and no outbox message behind.</summary>
[Collection(SystemCollection.Name)]
public sealed class BadInputTests(SystemFixture system)
{
    public static TheoryData<string, string, string> InvalidBodies => new()
    {
        { """{"amount": -5}""", "amount", "positive" },
        { """{"amount": 0}""", "amount", "positive" },
        { """{"currency": "XYZ"}""", "currency", "iso-4217" },
        { """{"currency": "usd"}""", "currency", "iso-4217" },
        { """{"amount": 10.001}""", "amount", "scale" },
        { """{"amount": 1.5, "currency": "JPY"}""", "amount", "scale" },
        { """{"amount": 1000000000000.01}""", "amount", "range" },
        { """{"amount": 1e30}""", "amount", "type" },
        { """{"amount": "10.00"}""", "amount", "type" },
        { """{"amount": null}""", "amount", "required" },
        { """{"donorId": ""}""", "donorId", "required" },
        { """{"fundId": "Fund With Spaces"}""", "fundId", "id-format" },
        { """{"earmark": {"kind": "everything"}}""", "earmark.kind", "one-of" },
        { """{"earmark": {"kind": "window"}}""", "earmark.windowId", "required" },
        { """{"earmark": {"kind": "unearmarked", "projectId": "p1"}}""", "earmark.projectId", "absent" },
        { """{"earmark": null}""", "earmark", "required" },
        { """{"valueDate": "2999-01-01"}""", "valueDate", "not-future" },
        { """{"valueDate": "01/11/2026"}""", "valueDate", "type" },
        { """{"ammount": 10}""", "ammount", "unknown-field" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Invalid_contribution_is_refused_with_400_naming_the_field_and_the_rule(string change, string field, string rule)
    {
        var fund = await system.KnownFundAsync();
        var body = Merge(Samples.Contribution(fund), change);

        using var response = await PostRawAsync(body, Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name '{field}': {problem}");
        Assert.Contains(rule, problem.GetProperty("rules").GetProperty(field).EnumerateArray().Select(r => r.GetString()));
        await AssertNothingWrittenAsync(fund);
    }

    [Fact]
    public async Task Malformed_json_is_refused_with_400()
    {
        var fund = await system.KnownFundAsync();
        using var response = await PostRawAsync($$"""{"fundId": "{{fund}}", "amount": 10""", Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.True(problem.GetProperty("errors").EnumerateObject().Any(), problem.ToString());
        await AssertNothingWrittenAsync(fund);
    }

    [Theory]
    [InlineData(null, "required")]
    [InlineData("has spaces in it", "format")]
    [InlineData("semi;colon", "format")]
    public async Task Missing_or_malformed_idempotency_key_is_refused_with_400(string? key, string rule)
    {
        var fund = await system.KnownFundAsync();
        using var response = await PostRawAsync(JsonSerializer.Serialize(Samples.Contribution(fund)), key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Contains(rule, problem.GetProperty("rules").GetProperty("Idempotency-Key").EnumerateArray().Select(r => r.GetString()));
        await AssertNothingWrittenAsync(fund);
    }

    [Fact]
    public async Task Over_long_idempotency_key_is_refused_with_400()
    {
        var fund = await system.KnownFundAsync();
        using var response = await PostRawAsync(JsonSerializer.Serialize(Samples.Contribution(fund)), new string('k', 256));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingWrittenAsync(fund);
    }

    [Fact]
    public async Task No_token_is_401_with_problem_details()
    {
        var fund = await system.KnownFundAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/contributions") { Content = JsonContent.Create(Samples.Contribution(fund)) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        using var response = await system.Pledges.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Authorization", (await ProblemAsync(response)).GetProperty("field").GetString());
        await AssertNothingWrittenAsync(fund);
    }

    [Fact]
    public async Task Token_signed_with_another_key_is_401()
    {
        var fund = await system.KnownFundAsync();
        var stranger = system.Env.Auth;
        stranger.SigningKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/contributions") { Content = JsonContent.Create(Samples.Contribution(fund)) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Hosting.Auth.DevTokenIssuer.Issue(stranger, "mallory", ["finance"]));
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        using var response = await system.Pledges.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingWrittenAsync(fund);
    }

    [Theory]
    [InlineData("donor")]
    [InlineData("fund-manager")]
    [InlineData("auditor")]
    [InlineData("project-lead")]
    public async Task A_role_other_than_finance_gets_403_and_writes_nothing(string role)
    {
        var fund = await system.KnownFundAsync();
        using var request = system.Request(HttpMethod.Post, "/contributions", role, Samples.Contribution(fund), Guid.NewGuid().ToString());

        using var response = await system.Pledges.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Authorization", (await ProblemAsync(response)).GetProperty("field").GetString());
        await AssertNothingWrittenAsync(fund);
    }

    [Fact]
    public async Task Unknown_contribution_is_404_with_problem_details()
    {
        using var request = system.Request(HttpMethod.Get, $"/contributions/{Guid.NewGuid()}", "auditor");
        using var response = await system.Pledges.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("contributionId", (await ProblemAsync(response)).GetProperty("field").GetString());
    }

    private async Task<HttpResponseMessage> PostRawAsync(string json, string? key)
    {
        using var request = system.Request(HttpMethod.Post, "/contributions", "finance",
            new StringContent(json, Encoding.UTF8, "application/json"), key);
        return await system.Pledges.Client.SendAsync(request);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task AssertNothingWrittenAsync(string fund)
    {
        Assert.Equal(0, await system.CountAsync("Pledges", "SELECT count(*) FROM contributions WHERE fund_id = @fund", new { fund }));
        Assert.Equal(0, await system.CountAsync("Pledges", "SELECT count(*) FROM outbox_messages WHERE body LIKE '%' || @fund || '%'", new { fund }));
    }

    /// <summary>The sample body with the fields of <paramref name="change"/> replaced, as raw JSON text.</summary>
    private static string Merge(Dictionary<string, object?> sample, string change)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(sample))!.AsObject();
        foreach (var (name, value) in System.Text.Json.Nodes.JsonNode.Parse(change)!.AsObject())
        {
            node[name] = value?.DeepClone();
        }
        return node.ToJsonString();
    }
}
