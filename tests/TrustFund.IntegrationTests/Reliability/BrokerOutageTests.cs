using System.Diagnostics;
using System.Net;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Reliability;

/// <summary>Money accepted while RabbitMQ is down waits in the outbox and reaches every service once it is back.</summary>
[Collection(SystemCollection.Name)]
public sealed class BrokerOutageTests(SystemFixture system)
{
    [Fact]
    public async Task Contributions_accepted_while_the_broker_is_down_arrive_after_it_returns()
    {
        var fund = await system.KnownFundAsync();
        await RabbitCtlAsync("stop_app");
        try
        {
            for (var i = 1; i <= 3; i++)
            {
                using var request = system.Request(HttpMethod.Post, "/contributions", "finance", Samples.Contribution(fund, 100m * i), Guid.NewGuid().ToString());
                using var created = await system.Pledges.Client.SendAsync(request);
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            }
            Assert.Equal(3, await system.CountAsync("Pledges", "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL AND body LIKE '%' || @fund || '%'", new { fund }));
        }
        finally
        {
            await RabbitCtlAsync("start_app");
        }

        await system.WaitForCountAsync("Reporting", "SELECT count(*) FROM journal_entries WHERE fund_id = @fund", new { fund }, 3, "all three entries after the outage", TimeSpan.FromSeconds(90));
        await system.WaitForCountAsync("Earmarking", "SELECT count(*) FROM receipts WHERE fund_id = @fund", new { fund }, 3, "all three credits", TimeSpan.FromSeconds(90));
        await using var connection = system.OpenDatabase("Earmarking");
        Assert.Equal(600m, await Dapper.SqlMapper.ExecuteScalarAsync<decimal>(connection, "SELECT sum(l.available) FROM lots l JOIN pools p ON p.pool_id = l.pool_id WHERE p.fund_id = @fund", new { fund }));

        // Every service is ready again for the tests that follow.
        foreach (var service in TestEnvironment.Services)
        {
            await Eventually.GetAsync(async () =>
            {
                using var response = await system[service].Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                return response.IsSuccessStatusCode ? "ready" : null;
            }, $"{service} ready after the outage", TimeSpan.FromSeconds(60));
        }
    }

    private static async Task RabbitCtlAsync(string command)
    {
        using var process = Process.Start(new ProcessStartInfo("rabbitmqctl", ["-n", "rabbit@localhost", command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"rabbitmqctl {command} failed: {output}");
    }
}
