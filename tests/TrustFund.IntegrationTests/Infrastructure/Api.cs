using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TrustFund.IntegrationTests.Infrastructure;

/// <summary>Calls a service's HTTP API as a given role and hands back the status and the JSON body.</summary>
public static class Api
{
    public sealed record Answer(HttpStatusCode Status, JsonElement Body)
    {
        public string? Field => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("field", out var f) ? f.GetString() : null;

        public string? Rule => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("rule", out var r) ? r.GetString() : null;

        /// <summary>The rules a 400 names for a field.</summary>
        public IReadOnlyList<string> RulesOf(string field) =>
            Body.TryGetProperty("rules", out var rules) && rules.TryGetProperty(field, out var list)
                ? [.. list.EnumerateArray().Select(r => r.GetString()!)]
                : [];
    }

    public static async Task<Answer> SendAsync(this SystemFixture system, ServiceProcess service, HttpMethod method, string path, string role,
        object? body = null, IReadOnlyDictionary<string, string>? claims = null, string subject = "test-user", string? idempotencyKey = null)
    {
        using var request = system.Request(method, path, role, body,
            idempotencyKey ?? (method == HttpMethod.Post ? Guid.NewGuid().ToString() : null), claims, subject);
        using var response = await service.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Answer(response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static Task<Answer> PostAsync(this SystemFixture system, ServiceProcess service, string path, string role, object body,
        string subject = "test-user", IReadOnlyDictionary<string, string>? claims = null) =>
        system.SendAsync(service, HttpMethod.Post, path, role, body, claims, subject);

    public static Task<Answer> GetAsync(this SystemFixture system, ServiceProcess service, string path, string role,
        string subject = "test-user", IReadOnlyDictionary<string, string>? claims = null) =>
        system.SendAsync(service, HttpMethod.Get, path, role, null, claims, subject);

    /// <summary>
    /// Every item of a paged list (<c>{items, next}</c>), in the list's order, read a page of <paramref name="limit"/> at a
    /// time by following <c>next</c> with <c>after</c>; the path may carry other query parameters.
    /// </summary>
    public static async Task<List<JsonElement>> GetAllAsync(this SystemFixture system, ServiceProcess service, string path, string role,
        string subject = "test-user", IReadOnlyDictionary<string, string>? claims = null, int limit = 200)
    {
        var items = new List<JsonElement>();
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        for (string? next = null, first = "yes"; first is not null || next is not null; first = null)
        {
            var page = (await system.GetAsync(service, $"{path}{separator}limit={limit}{(next is null ? "" : $"&after={Uri.EscapeDataString(next)}")}", role,
                subject, claims)).Expect(HttpStatusCode.OK).Body;
            items.AddRange(page.GetProperty("items").EnumerateArray());
            next = page.GetProperty("next").GetString();
        }
        return items;
    }

    /// <summary>A body as raw JSON text, for what a serializer would not write (a field twice, a control character).</summary>
    public static StringContent RawJson(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    public static Answer Expect(this Answer answer, HttpStatusCode status)
    {
        Assert.True(answer.Status == status, $"Expected {(int)status}, got {(int)answer.Status}: {answer.Body}");
        return answer;
    }
}
