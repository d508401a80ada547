namespace TrustFund.Contracts.Messages;

/// <summary>
/// Command to Earmarking: hold <see cref="Amount"/> for a project from the pools that may pay for it.
/// Idempotent per <see cref="RequestId"/>: a repeat gets the first answer again.
/// </summary>
public sealed record ReserveFunds
{
    public required Guid RequestId { get; init; }

    public required string FundId { get; init; }

    public required string ProjectId { get; init; }

    /// <summary>In the fund's base currency.</summary>
    public required decimal Amount { get; init; }

    public required string Currency { get; init; }

    /// <summary>Who asked (subject), for the audit trail.</summary>
    public required string RequestedBy { get; init; }

    /// <summary>Optional earlier expiry than the service's configured hold time; never a later one.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}

/// <summary>Command to Earmarking: give a reservation's money back to the pools it came from.</summary>
public sealed record ReleaseReservation
{
    public required Guid RequestId { get; init; }

    public required string Reason { get; init; }

    public required string ReleasedBy { get; init; }
}

/// <summary>Command to Earmarking: the reserved money was paid out; answer with the donor attribution.</summary>
public sealed record ConsumeReservation
{
    public required Guid RequestId { get; init; }

    /// <summary>Value date of the payment.</summary>
    public required DateOnly ValueDate { get; init; }

    public string? PaymentReference { get; init; }

    public required string ConsumedBy { get; init; }

    /// <summary>
    /// Set when finance retries a payment the bank made after the hold was released or expired: book it from the lots the
    /// hold was on if their money is still free. Without it such a consume is refused.
    /// </summary>
    public bool BookIfReleased { get; init; }
}

/// <summary>One pool's (and so one donor's) part of a reservation, a disbursement or a refund.</summary>
public sealed record PoolLine
{
    /// <summary>The donor id of money that is the fund's own income (interest credited to core), never a real donor's id.</summary>
    public const string FundIncome = "(fund)";

    public required long PoolId { get; init; }

    /// <summary>Whose money it is: a donor's id, or <see cref="FundIncome"/>.</summary>
    public required string DonorId { get; init; }

    /// <summary>The level the money was earmarked at: unearmarked, window or project (see <see cref="EarmarkKinds"/>).</summary>
    public required string EarmarkKind { get; init; }

    public required string WindowId { get; init; }

    public string? ProjectId { get; init; }

    public required decimal Amount { get; init; }
}

/// <summary>How much of a movement each donor's money made up.</summary>
public sealed record DonorShare
{
    public required string DonorId { get; init; }

    public required decimal Amount { get; init; }
}

public sealed record FundsReserved : IEvent
{
    public required Guid RequestId { get; init; }

    public required string FundId { get; init; }

    public required string WindowId { get; init; }

    public required string ProjectId { get; init; }

    public required decimal Amount { get; init; }

    public required string Currency { get; init; }

    public required IReadOnlyList<PoolLine> Lines { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public required DateTimeOffset ReservedAt { get; init; }
}

public sealed record FundsReservationRejected : IEvent
{
    public required Guid RequestId { get; init; }

    public required string FundId { get; init; }

    public required string ProjectId { get; init; }

    public required decimal Amount { get; init; }

    public required string Currency { get; init; }

    /// <summary>One of <see cref="ReservationRejections"/>.</summary>
    public required string Reason { get; init; }

    /// <summary>What could have been reserved for the project at the time (the smaller of pools and remaining allocation).</summary>
    public required decimal Available { get; init; }

    public required string Detail { get; init; }

    public required DateTimeOffset RejectedAt { get; init; }
}

/// <summary>A reservation's money went back to its pools, on request or because it expired.</summary>
public sealed record ReservationReleased : IEvent
{
    public required Guid RequestId { get; init; }

    public required string FundId { get; init; }

    public required string ProjectId { get; init; }

    public required decimal Amount { get; init; }

    public required string Currency { get; init; }

    /// <summary>"released" or "expired".</summary>
    public required string Outcome { get; init; }

    public required string Reason { get; init; }

    public required DateTimeOffset ReleasedAt { get; init; }
}

/// <summary>Reserved money was paid out; carries the donor attribution of the payment.</summary>
public sealed record FundsDisbursed : IEvent
{
    public required Guid RequestId { get; init; }

    public required string FundId { get; init; }

    public required string WindowId { get; init; }

    public required string ProjectId { get; init; }

    public required string PartnerId { get; init; }

    public required decimal Amount { get; init; }

    public required string Currency { get; init; }

    public required DateOnly ValueDate { get; init; }

    public string? PaymentReference { get; init; }

    public required IReadOnlyList<PoolLine> Lines { get; init; }

    public required IReadOnlyList<DonorShare> Attribution { get; init; }

    public required DateTimeOffset DisbursedAt { get; init; }
}

/// <summary>A <see cref="ConsumeReservation"/> or <see cref="ReleaseReservation"/> found nothing it could act on.</summary>
public sealed record ReservationCommandRejected : IEvent
{
    public required Guid RequestId { get; init; }

    /// <summary>"consume" or "release".</summary>
    public required string Command { get; init; }

    /// <summary>The reservation's status: unknown, rejected, released, expired or consumed.</summary>
    public required string Status { get; init; }

    public required string Detail { get; init; }

    public required DateTimeOffset RejectedAt { get; init; }
}

public static class ReservationRejections
{
    public const string InsufficientFunds = "insufficient-funds";
    public const string AllocationExceeded = "allocation-exceeded";
    public const string UnknownProject = "unknown-project";
    public const string ProjectClosed = "project-closed";
    public const string CurrencyMismatch = "currency-mismatch";
    public const string InvalidAmount = "invalid-amount";
}
