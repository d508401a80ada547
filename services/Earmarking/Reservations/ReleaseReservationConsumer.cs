using System.Data.Common;
using MassTransit;
using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Messaging;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Earmarking.Reservations;

/// <summary>Answers <see cref="ReleaseReservation"/> with <see cref="ReservationReleased"/> or <see cref="ReservationCommandRejected"/>.</summary>
public sealed class ReleaseReservationConsumer(Database database, OutboxSignal signal, ReservationBook book, ILogger<ReleaseReservationConsumer> logger)
    : TransactionalConsumer<ReleaseReservation>(database, signal, logger)
{
    protected override Task HandleAsync(ConsumeContext<ReleaseReservation> context, DbTransaction transaction) =>
        book.ReleaseAsync(transaction, context.Message.RequestId, ReservationStatuses.Released, context.Message.Reason, context.Message.ReleasedBy);
}
