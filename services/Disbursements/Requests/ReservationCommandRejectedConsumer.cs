using System.Data.Common;
using MassTransit;
using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Disbursements.Requests;

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
