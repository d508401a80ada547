using System.Diagnostics;
using System.Net;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Reliability;

/// <summary>After PostgreSQL restarts under the services, a client that retries with its Idempotency-Key gets exactly one contribution.</summary>
[Collection(SystemCollection.Name)]
public sealed class DatabaseRestartTests(SystemFixture system)
{
    [Fact]
    public async Task A_client_retrying_across_a_database_restart_records_the_contribution_once()
    {
        var fund = await system.KnownFundAsync();
        var contributionId = Guid.NewGuid();
        var key = Guid.NewGuid().ToString();
        var body = Samples.Contribution(fund, 321.09m, contributionId: contributionId);

        await RestartPostgresAsync();

        // Pooled connections died with the server: early attempts may fail (500, nothing written); the key makes retrying safe.
        var statuses = new List<HttpStatusCode>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            using var request = system.Request(HttpMethod.Post, "/contributions", "finance", body, key);
            using var response = await system.Pledges.Client.SendAsync(request);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                break;
            }
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            await Task.Delay(250);
        }
        Assert.Equal(HttpStatusCode.Created, statuses[^1]);

        using (var retry = system.Request(HttpMethod.Post, "/contributions", "finance", body, key))
        using (var replay = await system.Pledges.Client.SendAsync(retry))
        {
            Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
            Assert.True(replay.Headers.Contains("Idempotent-Replayed"));
        }
        Assert.Equal(1, await system.CountAsync("Pledges", "SELECT count(*) FROM contributions WHERE fund_id = @fund", new { fund }));
        await system.WaitForCountAsync("Reporting", "SELECT count(*) FROM journal_entries WHERE fund_id = @fund", new { fund }, 1, "the entry after the restart", TimeSpan.FromSeconds(60));
        await system.WaitForCountAsync("Earmarking", "SELECT count(*) FROM receipts WHERE contribution_id = @contributionId", new { contributionId }, 1, "the credit after the restart", TimeSpan.FromSeconds(60));
    }

    private static async Task RestartPostgresAsync()
    {
        var root = TestEnvironment.Current.RepositoryRoot;
        using var process = Process.Start(new ProcessStartInfo("runuser",
            ["-u", "postgres", "--", "/usr/lib/postgresql/15/bin/pg_ctl", "-D", Path.Combine(root, ".local", "postgres", "data"),
             "-l", Path.Combine(root, ".local", "logs", "postgres.log"), "-m", "fast", "-w", "-t", "60", "restart"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"pg_ctl restart failed: {output}");
    }
}
