using System.Data.Common;
using MassTransit;
using TrustFund.Contracts.Messages;
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

public sealed class FundsReservedConsumer(Database database, OutboxSignal signal, RequestBook book, ILogger<FundsReservedConsumer> logger)
    : AnswerConsumer<FundsReserved>(database, signal, book, logger)
{
    protected override Task HandleAsync(ConsumeContext<FundsReserved> context, DbTransaction transaction) =>
        DriveAsync(transaction, context.Message.RequestId, r => RequestWorkflow.OnReserved(r.State), "funds reserved",
            new TransitionFacts(ExpiresAt: context.Message.ExpiresAt));
}

public sealed class FundsReservationRejectedConsumer(Database database, OutboxSignal signal, RequestBook book, ILogger<FundsReservationRejectedConsumer> logger)
    : AnswerConsumer<FundsReservationRejected>(database, signal, book, logger)
{
    protected override Task HandleAsync(ConsumeContext<FundsReservationRejected> context, DbTransaction transaction)
    {
        var m = context.Message;
        var lackOfFunds = m.Reason is ReservationRejections.InsufficientFunds or ReservationRejections.AllocationExceeded;
        return DriveAsync(transaction, m.RequestId, r => RequestWorkflow.OnReservationRejected(r.State, lackOfFunds), m.Detail,
            new TransitionFacts(Available: m.Available, RefusalReason: m.Reason));
    }
}

public sealed class ReservationReleasedConsumer(Database database, OutboxSignal signal, RequestBook book, ILogger<ReservationReleasedConsumer> logger)
    : AnswerConsumer<ReservationReleased>(database, signal, book, logger)
{
    protected override Task HandleAsync(ConsumeContext<ReservationReleased> context, DbTransaction transaction) =>
        context.Message.Outcome == "expired"
            ? DriveAsync(transaction, context.Message.RequestId, r => RequestWorkflow.OnExpired(r.State), "reservation expired in Earmarking",
                new TransitionFacts(RefusalReason: "expired"))
            : Task.CompletedTask;
}

public sealed class ReservationCommandRejectedConsumer(Database database, OutboxSignal signal, RequestBook book, ILogger<ReservationCommandRejectedConsumer> logger)
    : AnswerConsumer<ReservationCommandRejected>(database, signal, book, logger)
{
    /// <summary>Any refused consume makes a paying request payment-failed, with Earmarking's status as the reason; a refused release changes nothing.</summary>
    protected override Task HandleAsync(ConsumeContext<ReservationCommandRejected> context, DbTransaction transaction) =>
        context.Message.Command == "consume"
            ? DriveAsync(transaction, context.Message.RequestId, r => RequestWorkflow.OnConsumeRefused(r.State), context.Message.Detail,
                new TransitionFacts(RefusalReason: context.Message.Status))
            : Task.CompletedTask;
}

public sealed class FundsDisbursedConsumer(Database database, OutboxSignal signal, RequestBook book, ILogger<FundsDisbursedConsumer> logger)
    : AnswerConsumer<FundsDisbursed>(database, signal, book, logger)
{
    protected override Task HandleAsync(ConsumeContext<FundsDisbursed> context, DbTransaction transaction) =>
        DriveAsync(transaction, context.Message.RequestId, r => RequestWorkflow.OnDisbursed(r.State), "paid; attributed by Earmarking",
            new TransitionFacts(Disbursed: context.Message));
}
