using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TrustFund.Hosting.Auth;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Api;

/// <summary>
/// Every endpoint the four services publish in their OpenAPI documents, called by every role and by callers who must
/// be refused (no token, an expired one, one signed with another key, one with <c>alg: none</c>), against the table in
/// <c>authorization-table.txt</c>. An endpoint missing from the table, or listed there but not published, fails the
/// test: a new endpoint is added to the table, with the roles it admits, when it is written.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class AuthorizationTableTests(SystemFixture system)
{
    private static readonly string[] AllRoles = [Roles.Donor, Roles.FundManager, Roles.ProjectLead, Roles.Finance, Roles.Auditor];

    private sealed record Endpoint(string Service, string Method, string Path, IReadOnlyList<(string Name, string Sample)> Parameters)
    {
        public string Key => $"{Service} {Method} {Path}";
    }

    [Fact]
    public async Task Every_published_endpoint_admits_exactly_the_roles_of_the_table_and_refuses_anyone_without_a_valid_token()
    {
        var published = new List<Endpoint>();
        foreach (var service in TestEnvironment.Services)
        {
            published.AddRange(await PublishedAsync(service));
        }
        var table = ReadTable();
        var missing = published.Where(e => !table.ContainsKey(e.Key)).Select(e => e.Key).ToList();
        var stale = table.Keys.Except(published.Select(e => e.Key)).ToList();
        Assert.True(missing.Count == 0 && stale.Count == 0,
            $"authorization-table.txt differs from the OpenAPI documents. Missing: [{string.Join("; ", missing)}]. Not published: [{string.Join("; ", stale)}]");

        var wrong = new List<string>();
        foreach (var endpoint in published)
        {
            var admitted = table[endpoint.Key];
            foreach (var (caller, token) in Intruders())
            {
                var status = (await CallAsync(endpoint, token)).Status;
                if (status != HttpStatusCode.Unauthorized)
                {
                    wrong.Add($"{endpoint.Key} as {caller}: {(int)status}, expected 401");
                }
            }
            foreach (var role in AllRoles)
            {
                var answer = await CallAsync(endpoint, system.Env.Token("authz-probe", role,
                    new Dictionary<string, string> { [TrustFundClaims.DonorId] = "donor-authz", [TrustFundClaims.PartnerId] = "partner-authz" }));
                var refusedForRole = answer.Status == HttpStatusCode.Forbidden && answer.Rule == "role";
                if (answer.Status == HttpStatusCode.Unauthorized || refusedForRole == admitted.Contains(role))
                {
                    wrong.Add($"{endpoint.Key} as {role}: {(int)answer.Status} {answer.Rule}, expected {(admitted.Contains(role) ? "admitted" : "403 role")}");
                }
            }
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} calls disagree with the table:\n{string.Join("\n", wrong)}");
    }

    private async Task<IEnumerable<Endpoint>> PublishedAsync(string service)
    {
        using var response = await system[service].Client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var endpoints = new List<Endpoint>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var list)
                    ? list.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "path")
                        .Select(p => (p.GetProperty("name").GetString()!, SampleOf(p.TryGetProperty("schema", out var schema) ? schema : default)))
                        .ToList()
                    : [];
                endpoints.Add(new Endpoint(service, operation.Name.ToUpperInvariant(), path.Name, parameters));
            }
        }
        return endpoints;
    }

    /// <summary>A value of the parameter's type that names nothing that exists, so the route matches and nothing is found.</summary>
    private static string SampleOf(JsonElement schema)
    {
        string? Read(string name) => schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var type = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type", out var t) ? t.ToString() : "";
        return Read("format") == "uuid" ? Guid.NewGuid().ToString() : type.Contains("integer", StringComparison.Ordinal) ? "2001" : "authz-none";
    }

    /// <summary>The table: one line per endpoint, "service method path roles" (roles comma-separated); # starts a comment.</summary>
    private static Dictionary<string, HashSet<string>> ReadTable()
    {
        var file = Path.Combine(TestEnvironment.Current.RepositoryRoot, "tests", "TrustFund.IntegrationTests", "Api", "authorization-table.txt");
        var table = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(file).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(parts.Length == 4, $"authorization-table.txt: '{line}' is not 'service method path roles'");
            Assert.True(table.TryAdd($"{parts[0]} {parts[1]} {parts[2]}", [.. parts[3].Split(',')]), $"authorization-table.txt lists '{line}' twice");
            Assert.All(parts[3].Split(','), role => Assert.Contains(role, AllRoles));
        }
        return table;
    }

    private async Task<Infrastructure.Api.Answer> CallAsync(Endpoint endpoint, string? token)
    {
        var path = endpoint.Parameters.Aggregate(endpoint.Path, (p, parameter) =>
            p.Replace($"{{{parameter.Name}}}", parameter.Sample, StringComparison.Ordinal));
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (endpoint.Method != "GET")
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        using var response = await system[endpoint.Service].Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonDocument.Parse(text).RootElement.Clone() : default;
        return new Infrastructure.Api.Answer(response.StatusCode, body);
    }

    /// <summary>Callers every endpoint refuses with 401: none of them proves who it is.</summary>
    private IEnumerable<(string Caller, string? Token)> Intruders()
    {
        var auth = system.Env.Auth;
        var now = DateTime.UtcNow;
        SecurityTokenDescriptor Descriptor(byte[] key, DateTime expires) => new()
        {
            Claims = new Dictionary<string, object> { [TrustFundClaims.Subject] = "intruder", [TrustFundClaims.Role] = Roles.Finance },
            Issuer = auth.Issuer, Audience = auth.Audience, NotBefore = expires.AddHours(-1), IssuedAt = expires.AddHours(-1), Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        };
        static string Base64Url(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var claims = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            [TrustFundClaims.Subject] = "intruder", [TrustFundClaims.Role] = Roles.Finance, ["iss"] = auth.Issuer, ["aud"] = auth.Audience,
            ["exp"] = new DateTimeOffset(now.AddHours(1)).ToUnixTimeSeconds(),
        });
        yield return ("anonymous", null);
        yield return ("an expired token", new JsonWebTokenHandler().CreateToken(Descriptor(auth.SigningKeyBytes(), now.AddMinutes(-10))));
        yield return ("a token signed with another key", new JsonWebTokenHandler().CreateToken(Descriptor(new byte[32], now.AddHours(1))));
        yield return ("an unsigned token (alg: none)", $"{Base64Url("""{"alg":"none","typ":"JWT"}""")}.{Base64Url(claims)}.");
    }
}
