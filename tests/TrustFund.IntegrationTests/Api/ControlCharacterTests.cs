using System.Net;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Api;

/// <summary>
/// Text that would reach the database, the logs or an export carrying invisible control characters (NUL, BEL, ESC, C1,
/// bidirectional overrides) is refused, naming the field; an id with a trailing newline is not an id.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class ControlCharacterTests(SystemFixture system)
{
    [Theory]
    [InlineData("\u0000")]
    [InlineData("\u0007")]
    [InlineData("\u001b[31m")]
    [InlineData("\u007f")]
    [InlineData("\u0085")]
    [InlineData("\u009b")]
    [InlineData("\u202e")]
    [InlineData("\u2066")]
    [InlineData("\u200f")]
    [InlineData("\u061c")]
    public async Task A_donor_name_with_a_control_character_is_refused_and_nothing_is_registered(string control)
    {
        var donor = $"donor-{Guid.NewGuid():N}"[..20];

        var answer = await system.PostAsync(system.Pledges, "/donors", "finance",
            new { donorId = donor, name = $"Donor{control}Name", type = "foundation" });

        answer.Expect(HttpStatusCode.BadRequest);
        Assert.Contains("control-characters", answer.RulesOf("name"));
        Assert.Equal(0, await system.CountAsync("Pledges", "SELECT count(*) FROM donors WHERE donor_id = @donor", new { donor }));
    }

    [Theory]
    [InlineData("Earmarking", "/funds", "fund-manager", "name")]
    [InlineData("Disbursements", "/requests", "project-lead", "purpose")]
    [InlineData("Reporting", "/periods/close", "finance", "period")]
    public async Task Every_service_refuses_a_control_character_in_body_text(string service, string path, string role, string field)
    {
        var answer = await system.PostAsync(system[service], path, role, new Dictionary<string, string> { [field] = "2020-01\u0000" });

        answer.Expect(HttpStatusCode.BadRequest);
        Assert.Contains("control-characters", answer.RulesOf(field));
    }

    [Fact]
    public async Task A_reason_may_span_lines_and_keep_tabs()
    {
        var answer = await system.PostAsync(system.Disbursements, $"/requests/{Guid.NewGuid()}/reject", "fund-manager",
            new { reason = "Budget line 4 is missing.\r\n\tPlease resubmit." });

        answer.Expect(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("Pledges")]
    [InlineData("Earmarking")]
    [InlineData("Disbursements")]
    [InlineData("Reporting")]
    public async Task A_query_id_with_a_trailing_newline_or_a_control_character_is_refused(string service)
    {
        foreach (var value in new[] { "fund-x%0A", "fund%00x", "fund%E2%80%AEx" })
        {
            var answer = await system.GetAsync(system[service], $"/totals?fundId={value}", "finance");

            answer.Expect(HttpStatusCode.BadRequest);
            Assert.NotEmpty(answer.RulesOf("fundId"));
        }
    }

    [Fact]
    public async Task A_route_id_with_a_control_character_is_refused_naming_it()
    {
        var answer = await system.GetAsync(system.Earmarking, "/funds/fund-x%0A", "auditor");

        answer.Expect(HttpStatusCode.BadRequest);
        Assert.Contains("control-characters", answer.RulesOf("fundId"));
    }
}
