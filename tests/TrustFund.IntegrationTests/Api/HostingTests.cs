using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Api;

[Collection(SystemCollection.Name)]
public sealed class HostingTests(SystemFixture system)
{
    public static TheoryData<string> Services => new(TestEnvironment.Services);

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Ready_reports_database_and_broker_healthy(string service)
    {
        using var response = await system[service].Client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checks = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Contains(checks.EnumerateObject(), c => c.Name.Contains("masstransit", StringComparison.OrdinalIgnoreCase) && c.Value.GetProperty("status").GetString() == "Healthy");
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Each_service_publishes_its_openapi_document(string service)
    {
        using var response = await system[service].Client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(document.GetProperty("paths").EnumerateObject().Any());
    }

    [Fact]
    public async Task The_openapi_document_marks_the_idempotency_key_as_required_on_money_moving_operations()
    {
        using var response = await system.Pledges.Client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var document = await response.Content.ReadFromJsonAsync<JsonElement>();

        var parameters = document.GetProperty("paths").GetProperty("/contributions").GetProperty("post").GetProperty("parameters").EnumerateArray();
        var key = Assert.Single(parameters, p => p.GetProperty("name").GetString() == "Idempotency-Key");
        Assert.Equal("header", key.GetProperty("in").GetString());
        Assert.True(key.GetProperty("required").GetBoolean());
    }

    [Fact]
    public async Task Services_log_json_lines_carrying_the_trace_id_of_the_request()
    {
        var fund = await system.KnownFundAsync();
        var contributionId = Guid.NewGuid();
        var traceId = System.Diagnostics.ActivityTraceId.CreateRandom().ToString();
        using (var post = system.Request(HttpMethod.Post, "/contributions", "finance",
                   Samples.Contribution(fund, contributionId: contributionId), Guid.NewGuid().ToString()))
        {
            post.Headers.Add("traceparent", $"00-{traceId}-{System.Diagnostics.ActivitySpanId.CreateRandom()}-01");
            using var created = await system.Pledges.Client.SendAsync(post);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        // Earmarking logs the credit from inside its consumer, in the trace that began with the request to Pledges.
        var line = await Eventually.GetAsync(async () =>
        {
            var lines = await ReadSharedAsync(system.Earmarking.LogPath);
            return lines.FirstOrDefault(l => l.Contains(contributionId.ToString(), StringComparison.Ordinal) && l.Contains("Credited", StringComparison.Ordinal));
        }, "Earmarking's log line for the credit");

        var json = JsonDocument.Parse(line).RootElement;
        Assert.Equal("Information", json.GetProperty("LogLevel").GetString());
        Assert.True(json.TryGetProperty("Timestamp", out _));
        Assert.Contains(json.GetProperty("Scopes").EnumerateArray(),
            scope => scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty("TraceId", out var id) && id.GetString() == traceId);
    }

    private static async Task<string[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return (await reader.ReadToEndAsync()).Split('\n');
    }
}
