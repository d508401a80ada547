using Dapper;
using MassTransit;
using TrustFund.Contracts.Messages;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Reliability;

/// <summary>
/// The <c>error-queue</c> command of a service binary on real poison messages in Earmarking's error queue: it lists and
/// shows them, replays one (once its cause is mended it is applied once) and discards another, each under the
/// operator's name in the audit log.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class ErrorQueueCommandTests(SystemFixture system)
{
    private const string Queue = "earmarking-contribution-received";

    [Fact]
    public async Task A_replayed_message_goes_back_to_its_queue_and_is_applied_once_its_cause_is_mended()
    {
        var contribution = Samples.Event(Samples.NewFund(), 12m);
        var messageId = Guid.NewGuid();
        var trigger = $"test_refuse_{messageId:N}";
        // The consumer's insert fails in the database on every attempt, as a real defect would, until the trigger goes.
        await using (var connection = system.OpenDatabase("Earmarking"))
        {
            await connection.ExecuteAsync($"""
                CREATE FUNCTION {trigger}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by {trigger}'; END $$;
                CREATE TRIGGER {trigger} BEFORE INSERT ON receipts FOR EACH ROW
                    WHEN (NEW.contribution_id = '{contribution.ContributionId}') EXECUTE FUNCTION {trigger}();
                """);
        }
        try
        {
            await PublishAsync(contribution, messageId);
            await WaitUntilListedAsync(messageId);

            var (shown, show) = await ErrorQueueAsync("show", messageId.ToString());
            Assert.Equal(0, shown);
            Assert.Contains($"error queue:  {Queue}_error", show, StringComparison.Ordinal);
            Assert.Contains($"failed in:    {Queue}", show, StringComparison.Ordinal);
            Assert.Contains($"refused by {trigger}", show, StringComparison.Ordinal);
            Assert.Contains(contribution.ContributionId.ToString(), show, StringComparison.Ordinal);
        }
        finally
        {
            await using var connection = system.OpenDatabase("Earmarking");
            await connection.ExecuteAsync($"DROP TRIGGER IF EXISTS {trigger} ON receipts; DROP FUNCTION IF EXISTS {trigger}();");
        }

        var (exitCode, output) = await ErrorQueueAsync("replay", messageId.ToString(), "--operator", "ops-alice", "--reason", "receipts mended");

        Assert.True(exitCode == 0, output);
        Assert.Contains("1 message(s) replayed", output, StringComparison.Ordinal);
        await system.WaitForCountAsync("Earmarking", "SELECT count(*) FROM receipts WHERE contribution_id = @id", new { id = contribution.ContributionId }, 1, "the receipt after the replay");
        Assert.Equal(1, await system.CountAsync("Earmarking", "SELECT count(*) FROM inbox_messages WHERE message_id = @messageId", new { messageId }));
        Assert.DoesNotContain(messageId.ToString(), (await ErrorQueueAsync("list")).Output, StringComparison.Ordinal);
        await AssertAuditedAsync(messageId, "error-queue.replayed", "ops-alice", "receipts mended");

        // The same message arriving again (an operator replaying a copy twice, say) changes nothing: the inbox has it.
        await PublishAsync(contribution, messageId);
        await Task.Delay(1500);
        Assert.Equal(1, await system.CountAsync("Earmarking", "SELECT count(*) FROM receipts WHERE contribution_id = @id", new { id = contribution.ContributionId }));
    }

    [Fact]
    public async Task A_discarded_message_leaves_the_error_queue_and_the_discard_is_audited_with_its_reason()
    {
        var messageId = Guid.NewGuid();
        await PublishAsync(Samples.Event(Samples.NewFund(), 10m, currency: "NOT-A-CURRENCY"), messageId);
        await WaitUntilListedAsync(messageId);

        var (refused, why) = await ErrorQueueAsync("discard", messageId.ToString(), "--operator", "ops-bob");
        Assert.Equal(2, refused);
        Assert.Contains("--reason is required", why, StringComparison.Ordinal);
        Assert.Contains(messageId.ToString(), (await ErrorQueueAsync("list")).Output, StringComparison.Ordinal);

        var (exitCode, output) = await ErrorQueueAsync("discard", messageId.ToString(), "--operator", "ops-bob", "--reason", "currency can never be valid");

        Assert.True(exitCode == 0, output);
        Assert.Contains("1 message(s) discarded", output, StringComparison.Ordinal);
        Assert.DoesNotContain(messageId.ToString(), (await ErrorQueueAsync("list")).Output, StringComparison.Ordinal);
        await AssertAuditedAsync(messageId, "error-queue.discarded", "ops-bob", "currency can never be valid");
        Assert.Equal(0, await system.CountAsync("Earmarking", "SELECT count(*) FROM inbox_messages WHERE message_id = @messageId", new { messageId }));

        var (again, missing) = await ErrorQueueAsync("discard", messageId.ToString(), "--operator", "ops-bob", "--reason", "twice");
        Assert.Equal(1, again);
        Assert.Contains($"No message {messageId} in the error queues", missing, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("error-queue")]
    [InlineData("error-queue", "purge")]
    [InlineData("error-queue", "replay")]
    [InlineData("error-queue", "replay", "not-a-uuid", "--operator", "ops")]
    [InlineData("error-queue", "replay", "3f2b8a7e-7d4c-4f0e-9a57-1c0b7f3e9d11")]
    [InlineData("error-queue", "replay", "3f2b8a7e-7d4c-4f0e-9a57-1c0b7f3e9d11", "--all", "--operator", "ops")]
    [InlineData("error-queue", "discard", "--all", "--operator", "ops", "--reason", "r")]
    [InlineData("error-queue", "discard", "3f2b8a7e-7d4c-4f0e-9a57-1c0b7f3e9d11", "--operator", "ops", "--reason")]
    [InlineData("error-queue", "list", "--colour", "red")]
    [InlineData("outbox", "parked")]
    [InlineData("outbox", "parked", "discard", "3f2b8a7e-7d4c-4f0e-9a57-1c0b7f3e9d11", "--operator", "ops")]
    [InlineData("outbox", "parked", "replay", "--operator", "ops")]
    public async Task Operator_commands_refuse_a_wrong_command_line_with_exit_code_2(params string[] args)
    {
        var (exitCode, output) = await ServiceProcess.RunCommandAsync("Earmarking", args);

        Assert.True(exitCode == 2, $"exit {exitCode}: {output}");
        Assert.False(string.IsNullOrWhiteSpace(output));
    }

    private Task PublishAsync(ContributionReceived message, Guid messageId) =>
        system.Bus.Publish(message, Pipe.Execute<PublishContext<ContributionReceived>>(ctx => ctx.MessageId = messageId));

    private static Task<(int ExitCode, string Output)> ErrorQueueAsync(params string[] args) =>
        ServiceProcess.RunCommandAsync("Earmarking", ["error-queue", .. args]);

    private static Task WaitUntilListedAsync(Guid messageId) =>
        Eventually.GetAsync(async () =>
        {
            var (exitCode, output) = await ErrorQueueAsync("list");
            Assert.True(exitCode == 0, output);
            return output.Contains($"{Queue}_error\t{messageId}", StringComparison.Ordinal) ? output : null;
        }, "the message listed in Earmarking's error queue", TimeSpan.FromSeconds(90));

    private async Task AssertAuditedAsync(Guid messageId, string action, string actor, string reason)
    {
        await using var connection = system.OpenDatabase("Earmarking");
        var rows = (await connection.QueryAsync<(string Actor, string Details)>(
            "SELECT actor, details::text FROM audit_log WHERE action = @action AND entity_type = 'message' AND entity_id = @id",
            new { action, id = messageId.ToString() })).ToList();
        var row = Assert.Single(rows);
        Assert.Equal(actor, row.Actor);
        Assert.Contains(reason, row.Details, StringComparison.Ordinal);
        Assert.Contains(Queue + "_error", row.Details, StringComparison.Ordinal);
    }
}
