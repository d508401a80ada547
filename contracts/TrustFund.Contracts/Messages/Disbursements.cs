namespace TrustFund.Contracts.Messages;

/// <summary>A project lead asked for money for one of its projects; Earmarking is asked to reserve it.</summary>
public sealed record DisbursementRequested : IEvent
{
    public required Guid RequestId { get; init; }

    public required string FundId { get; init; }

    public required string WindowId { get; init; }

    public required string ProjectId { get; init; }

    public required string PartnerId { get; init; }

    public required decimal Amount { get; init; }

    public required string Currency { get; init; }

    public required string Purpose { get; init; }

    public string? Tranche { get; init; }

    public required DateOnly NeededBy { get; init; }

    public required string RequestedBy { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }
}

/// <summary>The last approval a request needed was given (one approver, or two different ones above the fund's threshold).</summary>
public sealed record DisbursementApproved : IEvent
{
    public required Guid RequestId { get; init; }

    public required string FundId { get; init; }

    public required string WindowId { get; init; }

    public required string ProjectId { get; init; }

    public required string PartnerId { get; init; }

    public required decimal Amount { get; init; }

    public required string Currency { get; init; }

    public required IReadOnlyList<string> ApprovedBy { get; init; }

    public required DateTimeOffset ApprovedAt { get; init; }
}

public sealed record DisbursementRejected : IEvent
{
    public required Guid RequestId { get; init; }

    public required string FundId { get; init; }

    public required string WindowId { get; init; }

    public required string ProjectId { get; init; }

    public required string PartnerId { get; init; }

    public required decimal Amount { get; init; }

    public required string Currency { get; init; }

    public required string Reason { get; init; }

    public required string RejectedBy { get; init; }

    public required DateTimeOffset RejectedAt { get; init; }
}

public sealed record DisbursementCancelled : IEvent
{
    public required Guid RequestId { get; init; }

    public required string FundId { get; init; }

    public required string WindowId { get; init; }

    public required string ProjectId { get; init; }

    public required string PartnerId { get; init; }

    public required decimal Amount { get; init; }

    public required string Currency { get; init; }

    public required string CancelledBy { get; init; }

    public required DateTimeOffset CancelledAt { get; init; }
}

/// <summary>The money left the fund: carries the donor attribution Earmarking answered with.</summary>
public sealed record DisbursementPaid : IEvent
{
    public required Guid RequestId { get; init; }

    public required string FundId { get; init; }

    public required string WindowId { get; init; }

    public required string ProjectId { get; init; }

    public required string PartnerId { get; init; }

    public required decimal Amount { get; init; }

    public required string Currency { get; init; }

    public required DateOnly ValueDate { get; init; }

    public required string BankReference { get; init; }

    public required IReadOnlyList<PoolLine> Lines { get; init; }

    public required IReadOnlyList<DonorShare> Attribution { get; init; }

    public required string PaidBy { get; init; }

    public required DateTimeOffset PaidAt { get; init; }
}
