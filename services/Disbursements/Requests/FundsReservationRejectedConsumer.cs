using System.Data.Common;
using MassTransit;
using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Disbursements.Requests;

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
