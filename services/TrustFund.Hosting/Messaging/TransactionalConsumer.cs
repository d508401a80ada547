using System.Data.Common;
using Dapper;
using MassTransit;
using Microsoft.Extensions.Logging;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;
using TrustFund.Hosting.Telemetry;

namespace TrustFund.Hosting.Messaging;

/// <summary>
/// A consumer whose effect and inbox row commit together: a redelivered message finds its inbox row and
/// changes nothing. Messages the effect implies go through the outbox in the same transaction.
/// </summary>
public abstract class TransactionalConsumer<T>(Database database, OutboxSignal outbox, ILogger logger) : IConsumer<T>
    where T : class
{
    protected Database Database { get; } = database;

    public async Task Consume(ConsumeContext<T> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"A {typeof(T).Name} arrived without a message id; it cannot be de-duplicated.");
        var consumer = GetType().Name;

        await using var connection = await Database.OpenAsync(context.CancellationToken);
        await using var tx = await connection.BeginTransactionAsync(context.CancellationToken);
        var fresh = await connection.ExecuteAsync(Database.Sql["inbox.record"],
            new { MessageId = messageId, Consumer = consumer, ReceivedAt = DateTimeOffset.UtcNow }, tx);
        if (fresh == 0)
        {
            TrustFundMetrics.InboxDuplicates.Add(1);
            logger.LogInformation("{Consumer} already handled message {MessageId}; ignoring the duplicate", consumer, messageId);
            return;
        }

        await HandleAsync(context, tx);
        await tx.CommitAsync(context.CancellationToken);
        outbox.Wake();
    }

    protected abstract Task HandleAsync(ConsumeContext<T> context, DbTransaction transaction);
}
