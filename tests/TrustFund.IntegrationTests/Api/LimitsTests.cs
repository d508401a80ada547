using System.Net;
using System.Net.Http.Headers;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Api;

/// <summary>
/// A caller over its rate limit gets 429 with Retry-After and problem details while other callers go on; probes are never
/// limited; a body over the size limit gets 413 and writes nothing.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class LimitsTests(SystemFixture system)
{
    private const int Burst = 3;
    private const int AnonymousBurst = 2;

    /// <summary>A Pledges of the test's own (same database and broker), with limits low enough to reach, refilled once a minute.</summary>
    private static Task<ServiceProcess> LimitedPledgesAsync() =>
        ServiceProcess.StartAsync("Pledges", SystemFixture.BasePort + 7, new Dictionary<string, string>
        {
            ["RateLimits__AuthenticatedTokenLimit"] = $"{Burst}",
            ["RateLimits__AuthenticatedTokensPerPeriod"] = "1",
            ["RateLimits__AnonymousTokenLimit"] = $"{AnonymousBurst}",
            ["RateLimits__AnonymousTokensPerPeriod"] = "1",
            ["RateLimits__ReplenishmentPeriod"] = "00:01:00",
            ["Outbox__RelayEnabled"] = "false",
        });

    [Fact]
    public async Task A_subject_over_its_limit_gets_429_with_retry_after_while_another_subject_is_served()
    {
        await using var pledges = await LimitedPledgesAsync();

        for (var i = 0; i < Burst; i++)
        {
            (await system.GetAsync(pledges, "/donors?limit=1", "finance", subject: "busy-caller")).Expect(HttpStatusCode.OK);
        }
        using var request = system.Request(HttpMethod.Get, "/donors?limit=1", "finance", subject: "busy-caller");
        using var refused = await pledges.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        var problem = System.Text.Json.JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(("rate-limit", 429), (problem.GetProperty("rule").GetString(), problem.GetProperty("status").GetInt32()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("type").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.Contains("retry after", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("/donors", problem.GetProperty("instance").GetString());

        (await system.GetAsync(pledges, "/donors?limit=1", "finance", subject: "calm-caller")).Expect(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await system.GetAsync(pledges, "/donors?limit=1", "auditor", subject: "busy-caller")).Status);
    }

    [Fact]
    public async Task Callers_without_a_valid_token_share_a_smaller_limit_per_address_and_probes_are_never_limited()
    {
        await using var pledges = await LimitedPledgesAsync();

        for (var i = 0; i < AnonymousBurst; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await pledges.Client.GetAsync(new Uri("/donors", UriKind.Relative))).StatusCode);
        }
        using var forged = new HttpRequestMessage(HttpMethod.Get, new Uri("/donors", UriKind.Relative));
        forged.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        var refused = await SendAsync(pledges, forged);
        Assert.Equal((HttpStatusCode.TooManyRequests, "rate-limit"), (refused.Status, refused.Rule));

        foreach (var probe in new[] { "/health/live", "/health/ready", "/openapi/v1.json", "/health/live" })
        {
            Assert.Equal(HttpStatusCode.OK, (await pledges.Client.GetAsync(new Uri(probe, UriKind.Relative))).StatusCode);
        }
        (await system.GetAsync(pledges, "/donors?limit=1", "finance", subject: "valid-caller")).Expect(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_over_the_size_limit_gets_413_and_writes_nothing(bool chunked)
    {
        var donor = $"donor-{Guid.NewGuid():N}"[..20];
        var body = $$"""{"donorId":"{{donor}}","name":"{{new string('x', 1024 * 1024)}}","type":"foundation"}""";
        using var request = system.Request(HttpMethod.Post, "/donors", "finance", Infrastructure.Api.RawJson(body), Guid.NewGuid().ToString());
        request.Headers.TransferEncodingChunked = chunked; // chunked: no Content-Length says the size beforehand
        // With a Content-Length over the limit the service answers 413 without reading the body and closes the
        // connection; a client still writing the megabyte would see a broken pipe instead of the answer. Asking for
        // 100-continue first, as a careful client does, lets the refusal arrive before any of the body is sent.
        request.Headers.ExpectContinue = !chunked;

        var refused = await SendAsync(system.Pledges, request);

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "max-body-size", "body"), (refused.Status, refused.Rule, refused.Field));
        Assert.Equal(0, await system.CountAsync("Pledges", "SELECT count(*) FROM donors WHERE donor_id = @donor", new { donor }));
        Assert.Equal(0, await system.CountAsync("Pledges", "SELECT count(*) FROM idempotency_keys WHERE idempotency_key = @key",
            new { key = request.Headers.GetValues("Idempotency-Key").Single() }));
        (await system.PostAsync(system.Pledges, "/donors", "finance", new { donorId = donor, name = new string('x', 200), type = "foundation" }))
            .Expect(HttpStatusCode.Created);
    }

    private static async Task<Infrastructure.Api.Answer> SendAsync(ServiceProcess service, HttpRequestMessage request)
    {
        using var response = await service.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Infrastructure.Api.Answer(response.StatusCode, text.Length == 0 ? default : System.Text.Json.JsonDocument.Parse(text).RootElement.Clone());
    }
}
