using System.Net;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Api;

/// <summary>A body that names a field twice (in any letter case, at any depth), or a query that names a parameter twice, is refused instead of letting one value win.</summary>
[Collection(SystemCollection.Name)]
public sealed class AmbiguousInputTests(SystemFixture system)
{
    private const string Window = "\"earmark\": {\"kind\": \"window\", \"windowId\": \"mercury\"}";

    [Theory]
    [InlineData("\"amount\": 10, \"amount\": 999999, " + Window, "amount")]
    [InlineData("\"amount\": 10, \"Amount\": 99999, " + Window, "amount")]
    [InlineData("\"amount\": 10, \"earmark\": {\"kind\": \"window\", \"windowId\": \"mercury\", \"WINDOWID\": \"venus\"}", "earmark.windowId")]
    public async Task A_contribution_naming_a_field_twice_is_refused_naming_it_and_writes_nothing(string fields, string field)
    {
        var fund = await system.KnownFundAsync();
        var body = $$"""{"contributionId": "{{Guid.NewGuid()}}", "donorId": "donor-norway", "fundId": "{{fund}}", "currency": "USD", "valueDate": "2026-11-01", {{fields}}}""";

        var answer = await system.SendAsync(system.Pledges, HttpMethod.Post, "/contributions", "finance", Infrastructure.Api.RawJson(body));

        answer.Expect(HttpStatusCode.BadRequest);
        Assert.Contains("duplicate-field", answer.RulesOf(field));
        Assert.Equal(0, await system.CountAsync("Pledges", "SELECT count(*) FROM contributions WHERE fund_id = @fund", new { fund }));
    }

    [Theory]
    [InlineData("Pledges", "/donors", "finance", """{"donorId": "d-dup", "name": "A", "NAME": "B", "type": "foundation"}""", "name")]
    [InlineData("Earmarking", "/funds", "fund-manager", """{"fundId": "f-dup", "fundId": "f-dup-2", "name": "A"}""", "fundId")]
    [InlineData("Disbursements", "/requests", "project-lead", """{"purpose": "a", "purpose": "b"}""", "purpose")]
    [InlineData("Reporting", "/periods/close", "finance", """{"kind": "month", "period": "2020-01", "Period": "2020-02"}""", "period")]
    public async Task Every_service_refuses_a_field_named_twice(string service, string path, string role, string body, string field)
    {
        var answer = await system.SendAsync(system[service], HttpMethod.Post, path, role, Infrastructure.Api.RawJson(body));

        answer.Expect(HttpStatusCode.BadRequest);
        Assert.Contains("duplicate-field", answer.RulesOf(field));
    }

    [Fact]
    public async Task A_query_parameter_given_twice_is_refused_naming_it()
    {
        var answer = await system.GetAsync(system.Pledges, "/totals?fundId=fund-a&fundId=fund-b", "finance");

        answer.Expect(HttpStatusCode.BadRequest);
        Assert.Contains("duplicate-field", answer.RulesOf("fundId"));
    }
}
