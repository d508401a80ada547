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
    public async Task Services_log_json_lines_carrying_trace_ids()
    {
        var lines = await File.ReadAllLinesAsync(system.Pledges.LogPath);
        var json = lines.Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.NotEmpty(json);
        Assert.All(json, l => Assert.True(l.TryGetProperty("Timestamp", out _) && l.TryGetProperty("LogLevel", out _)));
        Assert.Contains(json, l => l.TryGetProperty("Scopes", out var scopes)
            && scopes.EnumerateArray().Any(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("TraceId", out var id) && id.GetString()!.Length == 32));
    }
}
