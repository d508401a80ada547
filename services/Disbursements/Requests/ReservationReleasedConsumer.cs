using System.Data.Common;
using MassTransit;
using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Disbursements.Requests;

public sealed class ReservationReleasedConsumer(Database database, OutboxSignal signal, RequestBook book, ILogger<ReservationReleasedConsumer> logger)
    : AnswerConsumer<ReservationReleased>(database, signal, book, logger)
{
    protected override Task HandleAsync(ConsumeContext<ReservationReleased> context, DbTransaction transaction) =>
        context.Message.Outcome == "expired"
            ? DriveAsync(transaction, context.Message.RequestId, r => RequestWorkflow.OnExpired(r.State), "reservation expired in Earmarking",
                new TransitionFacts(RefusalReason: "expired"))
            : Task.CompletedTask;
}
