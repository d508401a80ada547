using System.Net;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Api;

/// <summary>
/// An operation that takes no body refuses one (a client that believes it is sending options must learn they are
/// ignored), except an empty body or <c>{}</c>; lists in bodies have an upper bound.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class UnexpectedBodyTests(SystemFixture system)
{
    [Theory]
    [InlineData("Disbursements", "/requests/{0}/approve", "fund-manager")]
    [InlineData("Disbursements", "/requests/{0}/cancel", "project-lead")]
    [InlineData("Earmarking", "/structure/republish", "fund-manager")]
    [InlineData("Reporting", "/ledger/checkpoints", "finance")]
    public async Task A_body_sent_to_an_operation_without_one_is_refused(string service, string path, string role)
    {
        var answer = await system.SendAsync(system[service], HttpMethod.Post, string.Format(path, Guid.NewGuid()), role, Infrastructure.Api.RawJson("""{"approvals": 2}"""));

        answer.Expect(HttpStatusCode.BadRequest);
        Assert.Contains("no-body-expected", answer.RulesOf("body"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n")]
    [InlineData("{}")]
    [InlineData("{ }")]
    public async Task An_empty_body_or_an_empty_object_is_still_fine(string body)
    {
        var answer = await system.SendAsync(system.Disbursements, HttpMethod.Post, $"/requests/{Guid.NewGuid()}/approve", "fund-manager", Infrastructure.Api.RawJson(body));

        answer.Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_pledge_with_more_instalments_than_the_cap_is_refused()
    {
        var instalments = Enumerable.Range(0, 601).Select(_ => new { dueDate = "2030-01-01", amount = 1m }).ToList();

        var answer = await system.PostAsync(system.Pledges, "/pledges", "finance", new
        {
            donorId = "donor-norway", fundId = "fund-x", amount = 601m, currency = "USD",
            earmark = new { kind = "unearmarked" }, pledgedOn = "2026-11-01", instalments,
        });

        answer.Expect(HttpStatusCode.BadRequest);
        Assert.Contains("max-count", answer.RulesOf("instalments"));
        Assert.DoesNotContain(answer.Body.GetProperty("rules").EnumerateObject(), p => p.Name.StartsWith("instalments[", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_assessment_with_more_members_than_the_cap_is_refused()
    {
        var members = Enumerable.Range(0, 1001).Select(k => new { memberId = $"m{k}", rate = 0.001m, leastDeveloped = false }).ToList();
        var fund = await system.KnownFundAsync(financingModel: "assessed"); // one the caller manages
        await system.WaitForCountAsync("Pledges", "SELECT count(*) FROM fund_managers WHERE fund_id = @fund AND manager = 'test-user'", new { fund }, 1,
            "Pledges to learn the fund's managers");

        var answer = await system.PostAsync(system.Pledges, $"/funds/{fund}/assessments/preview", "fund-manager", new
        {
            year = 2030, budget = 1000m, currency = "USD", dueDate = "2030-01-01", members, floor = 0.00001m, ceiling = 0.22m, ldcCeiling = 0.0001m,
        });

        answer.Expect(HttpStatusCode.BadRequest);
        Assert.Contains("max-count", answer.RulesOf("members"));
    }
}
