using System.Data.Common;
using MassTransit;
using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Messaging;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Earmarking.Reservations;

/// <summary>Answers <see cref="ConsumeReservation"/> with <see cref="FundsDisbursed"/> or <see cref="ReservationCommandRejected"/>.</summary>
public sealed class ConsumeReservationConsumer(Database database, OutboxSignal signal, ReservationBook book, ILogger<ConsumeReservationConsumer> logger)
    : TransactionalConsumer<ConsumeReservation>(database, signal, logger)
{
    protected override Task HandleAsync(ConsumeContext<ConsumeReservation> context, DbTransaction transaction) =>
        book.ConsumeAsync(transaction, context.Message);
}
