using Microsoft.Extensions.Logging;
using TrustFund.Hosting.Audit;
using TrustFund.Hosting.Messaging;
using TrustFund.Hosting.Storage;

namespace TrustFund.Hosting.Operations;

/// <summary>
/// <c>error-queue list|show|replay|discard</c> over this service's MassTransit error queues. Replay moves a message
/// back to the queue it failed in, with its message id, so the consumer's inbox still applies it at most once;
/// discard removes it. Both are written to the audit log under the operator's name, in the service's database.
/// </summary>
internal sealed class ErrorQueueCommand(ErrorQueues queues, Database database, AuditTrail audit, ILogger logger)
{
    public const string Usage = "error-queue list | show <message-id> | replay <message-id>|--all --operator NAME [--reason TEXT] | " +
        "discard <message-id> --operator NAME --reason TEXT";

    public async Task<int> RunAsync(IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        if (words.Count == 0)
        {
            throw new UsageException($"Usage: {Usage}.");
        }
        var args = CommandArguments.Parse(words.Skip(1).ToList(), ["--operator", "--reason"], ["--all"]);
        switch (words[0])
        {
            case "list":
                args.NoMoreThan(0);
                return await ListAsync(cancellationToken);
            case "show":
                args.NoMoreThan(1);
                return await ShowAsync(args.Target(0, allowAll: false)!.Value, cancellationToken);
            case "replay":
            {
                args.NoMoreThan(1);
                var target = args.Target(0, allowAll: true);
                var actor = args.Required("--operator", "replays are audited");
                var reason = args.Option("--reason");
                var replayed = await queues.ReplayAsync(m => Chosen(m, target), m => RecordAsync(m, actor, "error-queue.replayed", reason, cancellationToken), cancellationToken);
                return Report(replayed, target, "replayed to the queue it failed in");
            }
            case "discard":
            {
                args.NoMoreThan(1);
                var target = args.Target(0, allowAll: false);
                var actor = args.Required("--operator", "discards are audited");
                var reason = args.Required("--reason", "say why the message is given up");
                var discarded = await queues.DiscardAsync(m => Chosen(m, target), m => RecordAsync(m, actor, "error-queue.discarded", reason, cancellationToken), cancellationToken);
                return Report(discarded, target, "discarded");
            }
            default:
                throw new UsageException($"Unknown error-queue command '{words[0]}'. Usage: {Usage}.");
        }
    }

    private static bool Chosen(ErrorQueueMessage message, Guid? target) =>
        target is null || (Guid.TryParse(message.MessageId, out var id) && id == target);

    private async Task<int> ListAsync(CancellationToken cancellationToken)
    {
        var messages = await queues.ListAsync(cancellationToken);
        foreach (var m in messages)
        {
            Console.WriteLine($"{m.Queue}\t{m.MessageId}\t{m.FaultedAt}\t{m.MessageType}\t{m.ExceptionType}: {m.FaultMessage}");
        }
        Console.WriteLine($"{messages.Count} message(s) in the error queues ({string.Join(", ", queues.Names)}).");
        return 0;
    }

    private async Task<int> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        var m = (await queues.ListAsync(cancellationToken)).FirstOrDefault(m => Chosen(m, id))
            ?? throw new CommandFailedException($"No message {id} in the error queues ({string.Join(", ", queues.Names)}).");
        Console.WriteLine($"""
            message id:   {m.MessageId}
            error queue:  {m.Queue}
            failed in:    {m.ReturnQueue}
            type:         {m.MessageType}
            faulted at:   {m.FaultedAt}
            exception:    {m.ExceptionType}: {m.FaultMessage}
            headers:
            """);
        foreach (var (key, value) in m.Headers.Where(h => h.Key != "MT-Fault-StackTrace"))
        {
            Console.WriteLine($"  {key}: {value}");
        }
        Console.WriteLine("body:");
        Console.WriteLine(m.Body);
        return 0;
    }

    private async Task RecordAsync(ErrorQueueMessage m, string actor, string action, string? reason, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await audit.RecordAsync(tx, actor, action, "message", m.MessageId, new
        {
            reason, m.Queue, m.ReturnQueue, m.MessageType, m.ExceptionType, m.FaultMessage, m.FaultedAt,
            body = action == "error-queue.discarded" ? m.Body : null,
        });
        await tx.CommitAsync(cancellationToken);
        logger.LogWarning("{Action}: message {MessageId} ({MessageType}) from {Queue} by {Operator}; reason: {Reason}",
            action, m.MessageId, m.MessageType, m.Queue, actor, reason);
        Console.WriteLine($"{action["error-queue.".Length..]}\t{m.MessageId}\t{m.Queue}\t{m.MessageType}");
    }

    private static int Report(int count, Guid? target, string what)
    {
        if (target is not null && count == 0)
        {
            throw new CommandFailedException($"No message {target} in the error queues: nothing {what}.");
        }
        Console.WriteLine($"{count} message(s) {what}.");
        return 0;
    }
}
