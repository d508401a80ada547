using System.Net;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Reliability;

/// <summary>A contribution committed but not yet published when its service dies is published after the restart.</summary>
[Collection(SystemCollection.Name)]
public sealed class OutboxCrashTests(SystemFixture system)
{
    [Fact]
    public async Task A_crash_between_commit_and_publish_loses_nothing()
    {
        var fund = await system.KnownFundAsync();
        var contributionId = Guid.NewGuid();

        // A Pledges whose relay is off stands for one that dies right after the commit, before publishing.
        var pledges = await system.RestartAsync("Pledges", new Dictionary<string, string> { ["Outbox__RelayEnabled"] = "false" });
        using (var request = system.Request(HttpMethod.Post, "/contributions", "finance",
                   Samples.Contribution(fund, 640m, contributionId: contributionId), Guid.NewGuid().ToString()))
        using (var created = await pledges.Client.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        Assert.Equal(1, await system.CountAsync("Pledges", "SELECT count(*) FROM outbox_messages WHERE message_id = @contributionId AND sent_at IS NULL", new { contributionId }));
        await pledges.KillAsync();
        await Task.Delay(1000);
        Assert.Equal(0, await system.CountAsync("Reporting", "SELECT count(*) FROM journal_entries WHERE fund_id = @fund", new { fund }));

        await system.RestartAsync("Pledges");

        await system.WaitForCountAsync("Reporting", "SELECT count(*) FROM journal_entries WHERE fund_id = @fund", new { fund }, 1, "the entry after the restart");
        await system.WaitForCountAsync("Earmarking", "SELECT count(*) FROM receipts WHERE contribution_id = @contributionId", new { contributionId }, 1, "the credit after the restart");
        // The relay marks the message sent once the broker confirmed it, which may be just after consumers saw it.
        await system.WaitForCountAsync("Pledges", "SELECT count(*) FROM outbox_messages WHERE message_id = @contributionId AND sent_at IS NOT NULL", new { contributionId }, 1, "the outbox row marked sent");
    }

    [Fact]
    public async Task Events_queued_while_a_consumer_is_down_are_handled_when_it_returns()
    {
        var fund = await system.KnownFundAsync();
        await system.Reporting.KillAsync();
        try
        {
            for (var i = 0; i < 5; i++)
            {
                using var request = system.Request(HttpMethod.Post, "/contributions", "finance", Samples.Contribution(fund, 10m + i), Guid.NewGuid().ToString());
                using var created = await system.Pledges.Client.SendAsync(request);
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            }
        }
        finally
        {
            await system.RestartAsync("Reporting");
        }

        await system.WaitForCountAsync("Reporting", "SELECT count(*) FROM journal_entries WHERE fund_id = @fund", new { fund }, 5, "all five entries");
        await using var connection = system.OpenDatabase("Reporting");
        var cash = await Dapper.SqlMapper.ExecuteScalarAsync<decimal>(connection,
            "SELECT sum(l.debit) - sum(l.credit) FROM journal_lines l JOIN journal_entries e USING (entry_id) WHERE e.fund_id = @fund AND l.account = '1000-cash'", new { fund });
        Assert.Equal(60m, cash);
    }
}
