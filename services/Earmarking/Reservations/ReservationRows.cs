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

/// <summary>What a <see cref="ReserveFunds"/> came to: reserved, or rejected with the reason and what was available.</summary>
public sealed record ReservationOutcome(Guid RequestId, string Status, string? RejectReason, decimal? Available);

public static class ReservationStatuses
{
    public const string Reserved = "reserved";
    public const string Rejected = "rejected";
    public const string Released = "released";
    public const string Expired = "expired";
    public const string Consumed = "consumed";
}

public static class Amounts
{
    /// <summary>An amount as its currency shows it (10.0000 USD is 10.00), or as stored when it is not valid money (a rejected request's).</summary>
    public static decimal Shown(decimal amount, string currency) =>
        Currency.TryFromCode(currency, out var c) && Money.TryOf(decimal.Round(amount, 4), c, out var money, out _) ? money.Amount : amount;
}

/// <summary>Sums pool lines per donor: the donor attribution of a movement, largest share first.</summary>
public static class Attribution
{
    public static IReadOnlyList<DonorShare> ByDonor(IEnumerable<PoolLine> lines) =>
        [.. lines.GroupBy(l => l.DonorId, StringComparer.Ordinal)
            .Select(g => new DonorShare { DonorId = g.Key, Amount = g.Sum(l => l.Amount) })
            .OrderByDescending(s => s.Amount).ThenBy(s => s.DonorId, StringComparer.Ordinal)];
}
