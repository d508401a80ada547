using System.Data.Common;
using MassTransit;
using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Disbursements.Requests;

public sealed class FundsDisbursedConsumer(Database database, OutboxSignal signal, RequestBook book, ILogger<FundsDisbursedConsumer> logger)
    : AnswerConsumer<FundsDisbursed>(database, signal, book, logger)
{
    protected override Task HandleAsync(ConsumeContext<FundsDisbursed> context, DbTransaction transaction) =>
        DriveAsync(transaction, context.Message.RequestId, r => RequestWorkflow.OnDisbursed(r.State), "paid; attributed by Earmarking",
            new TransitionFacts(Disbursed: context.Message));
}
