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
