using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Api;

/// <summary>The commands of the service binaries, run as the scripts run them.</summary>
[Collection(SystemCollection.Name)]
public sealed class ServiceCommandTests(SystemFixture system)
{
    [Fact]
    public async Task Migrate_on_an_up_to_date_database_applies_nothing_and_succeeds()
    {
        var (exitCode, output) = await ServiceProcess.RunCommandAsync("Earmarking", "migrate");

        Assert.Equal(0, exitCode);
        Assert.Contains("0 migration(s) applied now", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dev_token_prints_a_token_the_services_accept()
    {
        var (exitCode, output) = await ServiceProcess.RunCommandAsync("Pledges", "dev-token", "--subject", "carol", "--role", "auditor");

        Assert.Equal(0, exitCode);
        var token = output.Trim().Split('\n')[^1].Trim();
        var auth = system.Env.Auth;
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = auth.Issuer, ValidAudience = auth.Audience, IssuerSigningKey = new SymmetricSecurityKey(auth.SigningKeyBytes()),
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("carol", result.Claims["sub"]);
    }

    [Fact]
    public async Task Dev_token_refuses_to_run_outside_development()
    {
        var (exitCode, output) = await ServiceProcess.RunCommandAsync("Pledges",
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" }, "dev-token", "--subject", "eve", "--role", "finance");

        Assert.Equal(2, exitCode);
        Assert.Contains("only runs with ASPNETCORE_ENVIRONMENT=Development", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dev_token_refuses_unknown_roles()
    {
        var (exitCode, output) = await ServiceProcess.RunCommandAsync("Pledges", "dev-token", "--subject", "eve", "--role", "superuser");

        Assert.Equal(2, exitCode);
        Assert.Contains("Unknown: superuser", output, StringComparison.Ordinal);
    }
}
