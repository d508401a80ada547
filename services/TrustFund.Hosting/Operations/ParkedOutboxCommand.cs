using Dapper;
using Microsoft.Extensions.Logging;
using TrustFund.Hosting.Audit;
using TrustFund.Hosting.Storage;

namespace TrustFund.Hosting.Operations;

/// <summary>
/// <c>outbox parked list|show|replay|discard</c>: what an operator does with outbox messages the relay parked. Replay
/// hands a message back to the relay (after a fix that makes it publishable); discard gives it up for good, and the
/// later messages of its partition then go out. Both are written to the audit log under the operator's name.
/// </summary>
internal sealed class ParkedOutboxCommand(Database database, AuditTrail audit, TimeProvider clock, ILogger logger)
{
    public const string Usage = "outbox parked list | show <message-id> | replay <message-id>|--all --operator NAME [--reason TEXT] | " +
        "discard <message-id> --operator NAME --reason TEXT";

    public sealed record ParkedRow(long Sequence, Guid MessageId, string MessageType, string PartitionKey, string Body,
        DateTimeOffset CreatedAt, DateTimeOffset ParkedAt, string ParkedReason, long HeldBehind);

    public async Task<int> RunAsync(IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        if (words.Count < 2 || words[0] != "parked")
        {
            throw new UsageException($"Usage: {Usage}.");
        }
        var args = CommandArguments.Parse(words.Skip(2).ToList(), ["--operator", "--reason"], ["--all"]);
        switch (words[1])
        {
            case "list":
                args.NoMoreThan(0);
                return await ListAsync(null, cancellationToken);
            case "show":
                args.NoMoreThan(1);
                return await ListAsync(args.Target(0, allowAll: false), cancellationToken);
            case "replay":
                args.NoMoreThan(1);
                return await SettleAsync(args.Target(0, allowAll: true), "outbox.unpark", "outbox.replayed",
                    args.Required("--operator", "replays are audited"), args.Option("--reason"), cancellationToken);
            case "discard":
                args.NoMoreThan(1);
                return await SettleAsync(args.Target(0, allowAll: false), "outbox.discard", "outbox.discarded",
                    args.Required("--operator", "discards are audited"), args.Required("--reason", "say why the message is given up"), cancellationToken);
            default:
                throw new UsageException($"Unknown outbox parked command '{words[1]}'. Usage: {Usage}.");
        }
    }

    private async Task<IReadOnlyList<ParkedRow>> ParkedAsync(Guid? messageId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<ParkedRow>(new CommandDefinition(database.Sql["outbox.parked_list"], new { MessageId = messageId },
            cancellationToken: cancellationToken))];
    }

    private async Task<int> ListAsync(Guid? messageId, CancellationToken cancellationToken)
    {
        var rows = await ParkedAsync(messageId, cancellationToken);
        if (messageId is not null && rows.Count == 0)
        {
            throw new CommandFailedException($"No parked outbox message {messageId}.");
        }
        foreach (var row in rows)
        {
            Console.WriteLine(messageId is null
                ? $"{row.MessageId}\t{row.ParkedAt:O}\t{row.MessageType}\tpartition {row.PartitionKey}\t{row.HeldBehind} held behind\t{row.ParkedReason}"
                : $"""
                  message id:   {row.MessageId}
                  sequence:     {row.Sequence}
                  type:         {row.MessageType}
                  partition:    {row.PartitionKey} ({row.HeldBehind} later message(s) held behind it)
                  written at:   {row.CreatedAt:O}
                  parked at:    {row.ParkedAt:O}
                  reason:       {row.ParkedReason}
                  body:
                  {row.Body}
                  """);
        }
        if (messageId is null)
        {
            Console.WriteLine($"{rows.Count} parked outbox message(s).");
        }
        return 0;
    }

    private async Task<int> SettleAsync(Guid? messageId, string query, string action, string actor, string? reason, CancellationToken cancellationToken)
    {
        var rows = await ParkedAsync(messageId, cancellationToken);
        if (messageId is not null && rows.Count == 0)
        {
            throw new CommandFailedException($"No parked outbox message {messageId}: nothing {(action == "outbox.replayed" ? "replayed" : "discarded")}.");
        }
        var settled = 0;
        foreach (var row in rows)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            var changed = await connection.ExecuteAsync(database.Sql[query], new { row.MessageId, DiscardedAt = clock.GetUtcNow() }, tx);
            if (changed == 0)
            {
                continue; // replayed or discarded meanwhile by someone else: their audit row tells
            }
            await audit.RecordAsync(tx, actor, action, "outbox-message", row.MessageId.ToString(), new
            {
                reason, row.Sequence, row.MessageType, row.PartitionKey, row.ParkedAt, row.ParkedReason, row.HeldBehind,
                body = action == "outbox.discarded" ? row.Body : null,
            });
            await tx.CommitAsync(cancellationToken);
            settled++;
            logger.LogWarning("{Action}: outbox message {MessageId} ({MessageType}, partition {PartitionKey}) by {Operator}; reason: {Reason}",
                action, row.MessageId, row.MessageType, row.PartitionKey, actor, reason);
            Console.WriteLine($"{(action == "outbox.replayed" ? "replayed" : "discarded")}\t{row.MessageId}\t{row.MessageType}");
        }
        Console.WriteLine($"{settled} parked outbox message(s) {(action == "outbox.replayed" ? "handed back to the relay" : "discarded")}.");
        return 0;
    }
}
