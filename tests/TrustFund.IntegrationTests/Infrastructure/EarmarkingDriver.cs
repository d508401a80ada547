using Dapper;
using MassTransit;
using TrustFund.Contracts.Messages;

namespace TrustFund.IntegrationTests.Infrastructure;

public sealed record ReservationState(Guid RequestId, string Status, string? RejectReason, decimal? Available, decimal Amount);

/// <summary>
/// Drives Earmarking over the broker the way Pledges and Disbursements do, and waits for each message to be
/// handled (its inbox row committed, so its effect is visible).
/// </summary>
public static class EarmarkingDriver
{
    public static async Task PublishAndWaitAsync<T>(this SystemFixture system, T message, string consumer, TimeSpan? timeout = null)
        where T : class
    {
        var messageId = Guid.NewGuid();
        await system.Bus.Publish(message, Pipe.Execute<PublishContext<T>>(ctx => ctx.MessageId = messageId));
        await system.WaitForCountAsync("Earmarking", "SELECT count(*) FROM inbox_messages WHERE message_id = @messageId AND consumer = @consumer",
            new { messageId, consumer }, 1, $"{consumer} to handle {typeof(T).Name}", timeout ?? TimeSpan.FromSeconds(30));
    }

    public static async Task<Guid> ContributeAsync(this SystemFixture system, string fund, decimal amount, Earmark? earmark = null,
        string donor = "donor-a", DateOnly? valueDate = null, string currency = "USD")
    {
        var message = Samples.Event(fund, amount, currency: currency, earmark: earmark ?? Earmark.Unearmarked, donorId: donor) with
        {
            ValueDate = valueDate ?? new DateOnly(2026, 11, 2),
        };
        await system.PublishAndWaitAsync(message, "ContributionReceivedConsumer");
        return message.ContributionId;
    }

    public static async Task<ReservationState> ReserveAsync(this SystemFixture system, string fund, string project, decimal amount,
        Guid? requestId = null, DateTimeOffset? expiresAt = null, string currency = "USD")
    {
        var id = requestId ?? Guid.NewGuid();
        await system.PublishAndWaitAsync(new ReserveFunds
        {
            RequestId = id, FundId = fund, ProjectId = project, Amount = amount, Currency = currency, RequestedBy = "lead-1", ExpiresAt = expiresAt,
        }, "ReserveFundsConsumer");
        return await system.ReservationAsync(id);
    }

    public static Task ReleaseAsync(this SystemFixture system, Guid requestId, string reason = "cancelled by the requester") =>
        system.PublishAndWaitAsync(new ReleaseReservation { RequestId = requestId, Reason = reason, ReleasedBy = "lead-1" }, "ReleaseReservationConsumer");

    public static Task ConsumeAsync(this SystemFixture system, Guid requestId, DateOnly? valueDate = null) =>
        system.PublishAndWaitAsync(new ConsumeReservation
        {
            RequestId = requestId, ValueDate = valueDate ?? new DateOnly(2026, 11, 10), PaymentReference = "BANK-REF-1", ConsumedBy = "finance-1",
        }, "ConsumeReservationConsumer");

    public static async Task<ReservationState> ReservationAsync(this SystemFixture system, Guid requestId)
    {
        await using var connection = system.OpenDatabase("Earmarking");
        return await connection.QuerySingleAsync<ReservationState>(
            "SELECT request_id AS RequestId, status AS Status, reject_reason AS RejectReason, available AS Available, amount AS Amount FROM reservations WHERE request_id = @requestId",
            new { requestId });
    }

    /// <summary>The service's own sums for a fund, checked for conservation and signs by the caller.</summary>
    public static async Task<(decimal Credited, decimal Fees, decimal Available, decimal Reserved, decimal Disbursed, decimal Suspense)> SumsAsync(
        this SystemFixture system, string fund)
    {
        await using var connection = system.OpenDatabase("Earmarking");
        return await connection.QuerySingleAsync<(decimal, decimal, decimal, decimal, decimal, decimal)>("""
            SELECT (SELECT coalesce(sum(base_amount), 0) FROM receipts WHERE fund_id = @fund)
                 + (SELECT coalesce(sum(amount), 0) FROM interest_postings WHERE fund_id = @fund),
                   coalesce(sum(l.available) FILTER (WHERE p.pool_kind = 'fee'), 0),
                   coalesce(sum(l.available) FILTER (WHERE p.pool_kind = 'purpose'), 0),
                   coalesce(sum(l.reserved), 0), coalesce(sum(l.disbursed), 0),
                   coalesce(sum(l.available) FILTER (WHERE p.pool_kind = 'suspense'), 0)
            FROM pools p JOIN lots l ON l.pool_id = p.pool_id WHERE p.fund_id = @fund
            """, new { fund });
    }
}
