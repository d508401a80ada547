using System.Data.Common;
using MassTransit;
using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Disbursements.Requests;

public sealed class FundsReservedConsumer(Database database, OutboxSignal signal, RequestBook book, ILogger<FundsReservedConsumer> logger)
    : AnswerConsumer<FundsReserved>(database, signal, book, logger)
{
    protected override Task HandleAsync(ConsumeContext<FundsReserved> context, DbTransaction transaction) =>
        DriveAsync(transaction, context.Message.RequestId, r => RequestWorkflow.OnReserved(r.State), "funds reserved",
            new TransitionFacts(ExpiresAt: context.Message.ExpiresAt));
}
