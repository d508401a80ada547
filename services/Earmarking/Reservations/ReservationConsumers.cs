using System.Data.Common;
using MassTransit;
using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Messaging;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Earmarking.Reservations;

/// <summary>Answers <see cref="ReserveFunds"/> with <see cref="FundsReserved"/> or <see cref="FundsReservationRejected"/>.</summary>
public sealed class ReserveFundsConsumer(Database database, OutboxSignal signal, ReservationBook book, ILogger<ReserveFundsConsumer> logger)
    : TransactionalConsumer<ReserveFunds>(database, signal, logger)
{
    protected override Task HandleAsync(ConsumeContext<ReserveFunds> context, DbTransaction transaction) =>
        book.ReserveAsync(transaction, context.Message);
}

/// <summary>Answers <see cref="ReleaseReservation"/> with <see cref="ReservationReleased"/> or <see cref="ReservationCommandRejected"/>.</summary>
public sealed class ReleaseReservationConsumer(Database database, OutboxSignal signal, ReservationBook book, ILogger<ReleaseReservationConsumer> logger)
    : TransactionalConsumer<ReleaseReservation>(database, signal, logger)
{
    protected override Task HandleAsync(ConsumeContext<ReleaseReservation> context, DbTransaction transaction) =>
        book.ReleaseAsync(transaction, context.Message.RequestId, ReservationStatuses.Released, context.Message.Reason, context.Message.ReleasedBy);
}

/// <summary>Answers <see cref="ConsumeReservation"/> with <see cref="FundsDisbursed"/> or <see cref="ReservationCommandRejected"/>.</summary>
public sealed class ConsumeReservationConsumer(Database database, OutboxSignal signal, ReservationBook book, ILogger<ConsumeReservationConsumer> logger)
    : TransactionalConsumer<ConsumeReservation>(database, signal, logger)
{
    protected override Task HandleAsync(ConsumeContext<ConsumeReservation> context, DbTransaction transaction) =>
        book.ConsumeAsync(transaction, context.Message);
}
