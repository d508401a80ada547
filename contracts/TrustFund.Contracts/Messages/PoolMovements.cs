namespace TrustFund.Contracts.Messages;

/// <summary>
/// Earmarking booked a contribution: the trustee's fee and the net amount to the pool its earmark names,
/// or, when the earmark names a closed or unknown target, the money to the fund's suspense pool.
/// </summary>
public sealed record ContributionPooled : IEvent
{
    public required Guid ContributionId { get; init; }

    public required string FundId { get; init; }

    public required string DonorId { get; init; }

    public required Earmark Earmark { get; init; }

    public required string Currency { get; init; }

    public required decimal Gross { get; init; }

    public required decimal Fee { get; init; }

    public required decimal Net { get; init; }

    /// <summary>Set when the money is held in suspense: why (unknown-fund, unknown-window, window-closed, ...).</summary>
    public string? SuspenseReason { get; init; }

    public required long PoolId { get; init; }

    public required DateOnly ValueDate { get; init; }
}

/// <summary>The fund manager moved suspense money to a purpose, with the donor's agreement.</summary>
public sealed record SuspenseRetargeted : IEvent
{
    public required Guid ContributionId { get; init; }

    public required string FundId { get; init; }

    public required string DonorId { get; init; }

    public required Earmark Earmark { get; init; }

    public required decimal Amount { get; init; }

    public required decimal Fee { get; init; }

    public required string Currency { get; init; }

    public required string DonorAgreementReference { get; init; }

    public required long FromPoolId { get; init; }

    public required long ToPoolId { get; init; }

    public required string RetargetedBy { get; init; }

    public required DateTimeOffset RetargetedAt { get; init; }
}

/// <summary>Unspent money a project returned, credited back to the pools and donors that paid for it.</summary>
public sealed record RefundCredited : IEvent
{
    public required Guid RefundId { get; init; }

    public required Guid RequestId { get; init; }

    public required string FundId { get; init; }

    public required string WindowId { get; init; }

    public required string ProjectId { get; init; }

    public required string PartnerId { get; init; }

    public required decimal Amount { get; init; }

    public required string Currency { get; init; }

    public required DateOnly ValueDate { get; init; }

    public required IReadOnlyList<PoolLine> Lines { get; init; }

    public required IReadOnlyList<DonorShare> Attribution { get; init; }

    public required string RecordedBy { get; init; }
}

/// <summary>Interest a fund earned over a period, credited to its pools.</summary>
public sealed record InterestAllocated : IEvent
{
    public required Guid InterestId { get; init; }

    public required string FundId { get; init; }

    public required DateOnly PeriodStart { get; init; }

    public required DateOnly PeriodEnd { get; init; }

    public required decimal Amount { get; init; }

    public required string Currency { get; init; }

    /// <summary>"pro-rata" or "core".</summary>
    public required string Method { get; init; }

    public required IReadOnlyList<PoolLine> Lines { get; init; }

    public required string RecordedBy { get; init; }
}
