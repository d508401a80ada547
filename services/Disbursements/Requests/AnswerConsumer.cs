using System.Data.Common;
using TrustFund.Hosting.Audit;
using TrustFund.Hosting.Messaging;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Disbursements.Requests;

/// <summary>
/// Earmarking's answers drive the requests they name. An answer for a request this service does not hold (another
/// caller's reservation) is ignored; one that no longer fits the request's state changes nothing. A request changed
/// concurrently makes the message fail and be retried, so no answer is lost.
/// </summary>
public abstract class AnswerConsumer<T>(Database database, OutboxSignal signal, RequestBook book, ILogger logger)
    : TransactionalConsumer<T>(database, signal, logger)
    where T : class
{
    protected RequestBook Book { get; } = book;

    protected async Task DriveAsync(DbTransaction tx, Guid requestId, Func<RequestRow, Decision> decide, string reason, TransitionFacts? facts = null)
    {
        var row = await Book.LockAsync(tx, requestId);
        if (row is null)
        {
            return;
        }
        if (!await Book.ApplyAsync(tx, row, decide(row), AuditTrail.System, reason, facts))
        {
            throw new InvalidOperationException($"Request {requestId} changed while {typeof(T).Name} was applied; retrying.");
        }
    }
}
