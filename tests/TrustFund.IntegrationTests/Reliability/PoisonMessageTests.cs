using TrustFund.Contracts.Messages;
using TrustFund.IntegrationTests.Infrastructure;

namespace TrustFund.IntegrationTests.Reliability;

/// <summary>A message a consumer cannot apply is retried, then parked in the error queue, and writes nothing.</summary>
[Collection(SystemCollection.Name)]
public sealed class PoisonMessageTests(SystemFixture system)
{
    [Fact]
    public async Task A_message_that_keeps_failing_ends_in_the_error_queue_without_a_partial_write()
    {
        var fund = Samples.NewFund();
        var before = await ErrorQueueDepthAsync("earmarking-contribution-received_error");
        // A currency longer than any currency column: every attempt fails in the database.
        var poison = Samples.Event(fund, 10m, currency: "NOT-A-CURRENCY");

        var messageId = Guid.NewGuid();
        await system.Bus.Publish(poison, MassTransit.Pipe.Execute<MassTransit.PublishContext<ContributionReceived>>(ctx => ctx.MessageId = messageId));

        await Eventually.GetAsync(async () => await ErrorQueueDepthAsync("earmarking-contribution-received_error") > before ? "parked" : null,
            "the message in Earmarking's error queue", TimeSpan.FromSeconds(60));
        Assert.Equal(0, await system.CountAsync("Earmarking", "SELECT count(*) FROM receipts WHERE contribution_id = @id", new { id = poison.ContributionId }));
        Assert.Equal(0, await system.CountAsync("Earmarking", "SELECT count(*) FROM pools WHERE fund_id = @fund", new { fund }));
        // The inbox row was part of the failed transaction: once the message is mended and moved back, it will be applied.
        Assert.Equal(0, await system.CountAsync("Earmarking", "SELECT count(*) FROM inbox_messages WHERE message_id = @messageId", new { messageId }));
    }

    private async Task<uint> ErrorQueueDepthAsync(string queue)
    {
        await using var connection = await system.RabbitConnectionFactory().CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0; // not created yet: nothing has failed there so far
        }
    }
}
