using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Api;

[Collection(SystemCollection.Name)]
public sealed class IdempotencyTests(SystemFixture system)
{
    private const string ContributionsOfFund = "SELECT count(*) FROM contributions WHERE fund_id = @fund";
    private const string OutboxOfFund = "SELECT count(*) FROM outbox_messages WHERE body LIKE '%' || @fund || '%'";

    [Fact]
    public async Task Retry_with_the_same_key_and_body_replays_the_first_answer_and_records_once()
    {
        var fund = await system.KnownFundAsync();
        var key = Guid.NewGuid().ToString();
        var body = Samples.Contribution(fund, 75.25m);

        using var first = await SendAsync(body, key);
        using var second = await SendAsync(body, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", Assert.Single(second.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(
            (await first.Content.ReadFromJsonAsync<JsonElement>()).GetRawText(),
            (await second.Content.ReadFromJsonAsync<JsonElement>()).GetRawText());
        Assert.Equal(1, await system.CountAsync("Pledges", ContributionsOfFund, new { fund }));
        Assert.Equal(1, await system.CountAsync("Pledges", OutboxOfFund, new { fund }));
    }

    [Fact]
    public async Task Same_key_with_a_different_body_is_refused_with_422_and_writes_nothing()
    {
        var fund = await system.KnownFundAsync();
        var key = Guid.NewGuid().ToString();
        using var first = await SendAsync(Samples.Contribution(fund, 10m), key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var second = await SendAsync(Samples.Contribution(fund, 11m), key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Idempotency-Key", problem.GetProperty("field").GetString());
        Assert.Equal(1, await system.CountAsync("Pledges", ContributionsOfFund, new { fund }));
    }

    [Fact]
    public async Task Concurrent_requests_with_the_same_key_execute_once()
    {
        var fund = await system.KnownFundAsync();
        var key = Guid.NewGuid().ToString();
        var body = Samples.Contribution(fund, 5m);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => SendAsync(body, key)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(7, responses.Count(r => r.Headers.Contains("Idempotent-Replayed")));
        Assert.Equal(1, await system.CountAsync("Pledges", ContributionsOfFund, new { fund }));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task A_request_refused_as_invalid_is_not_remembered_and_can_be_corrected_under_the_same_key()
    {
        var fund = await system.KnownFundAsync();
        var key = Guid.NewGuid().ToString();
        using var invalid = await SendAsync(Samples.Contribution(fund, -1m), key);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);

        using var corrected = await SendAsync(Samples.Contribution(fund, 1m), key);

        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.False(corrected.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task A_conflict_is_remembered_for_its_key()
    {
        var fund = await system.KnownFundAsync();
        var contributionId = Guid.NewGuid();
        using var original = await SendAsync(Samples.Contribution(fund, 1m, contributionId: contributionId), Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, original.StatusCode);

        var key = Guid.NewGuid().ToString();
        using var clash = await SendAsync(Samples.Contribution(fund, 2m, contributionId: contributionId), key);
        using var retry = await SendAsync(Samples.Contribution(fund, 2m, contributionId: contributionId), key);

        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, retry.StatusCode);
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await system.CountAsync("Pledges", ContributionsOfFund, new { fund }));
    }

    [Fact]
    public async Task A_change_whose_answer_cannot_be_written_is_not_committed_and_its_key_does_not_replay_a_failure()
    {
        // A Location built from an id ending in a newline cannot be sent as a header.
        var donor = $"donor-{Guid.NewGuid():N}"[..20];
        var key = Guid.NewGuid().ToString();
        var body = new { donorId = donor + "\n", name = "Trailing newline", type = "foundation" };

        var first = await system.SendAsync(system.Pledges, HttpMethod.Post, "/donors", "finance", body, idempotencyKey: key);
        var retry = await system.SendAsync(system.Pledges, HttpMethod.Post, "/donors", "finance", body, idempotencyKey: key);

        Assert.True((int)first.Status is >= 400 and < 500, $"Expected a refusal, got {(int)first.Status}: {first.Body}");
        Assert.Equal(first.Status, retry.Status);
        Assert.Contains("id-format", first.RulesOf("donorId"));
        Assert.Equal(0, await system.CountAsync("Pledges", "SELECT count(*) FROM donors WHERE donor_id LIKE @donor || '%'", new { donor }));
    }

    private Task<HttpResponseMessage> SendAsync(object body, string key)
    {
        var request = system.Request(HttpMethod.Post, "/contributions", "finance", body, key);
        return system.Pledges.Client.SendAsync(request);
    }
}
