using TrustFund.Contracts.Amounts;
using TrustFund.Contracts.Messages;

namespace TrustFund.Earmarking.Reservations;

public sealed record ReservationRow(Guid RequestId, string FundId, string ProjectId, string? WindowId, string? PartnerId, decimal Amount,
    string Currency, string Status, string? RejectReason, decimal? Available, string? Detail, string RequestedBy, DateTimeOffset RequestedAt,
    DateTimeOffset? ExpiresAt, DateTimeOffset? ResolvedAt, string? ResolvedBy, string? ResolutionReason, DateOnly? PaymentValueDate,
    string? PaymentReference, decimal Refunded);

public sealed record ReservationLineRow(int LineNo, long LotId, long PoolId, string DonorId, string EarmarkKind, string WindowId, string? ProjectId,
    decimal Amount, decimal Refunded)
{
    public PoolLine ToPoolLine(string currency) => new()
    {
        PoolId = PoolId, DonorId = DonorId, EarmarkKind = EarmarkKind, WindowId = WindowId, ProjectId = ProjectId,
        Amount = Money.Normalise(Amount, currency),
    };
}
