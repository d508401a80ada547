namespace TrustFund.Contracts.Messages;

/// <summary>One instalment of a pledge as published: its number, due date and amount (in the pledge's currency).</summary>
public sealed record InstalmentTerms
{
    public required int No { get; init; }

    public required DateOnly DueDate { get; init; }

    public required decimal Amount { get; init; }
}

/// <summary>A donor promised money to a fund, with an earmark and an instalment schedule adding up to the amount.</summary>
public sealed record PledgeRecorded : IEvent
{
    public required Guid PledgeId { get; init; }

    public required string DonorId { get; init; }

    public required string FundId { get; init; }

    public required Earmark Earmark { get; init; }

    public required decimal Amount { get; init; }

    public required string Currency { get; init; }

    public required DateOnly PledgedOn { get; init; }

    /// <summary>"voluntary" or "assessed".</summary>
    public required string Kind { get; init; }

    public Guid? AssessmentId { get; init; }

    public required IReadOnlyList<InstalmentTerms> Instalments { get; init; }

    /// <summary>The fund's base currency; with <see cref="ExchangeRate"/> and <see cref="BaseAmount"/>, how the ledger values the receivable.</summary>
    public string? BaseCurrency { get; init; }

    /// <summary>Base currency per unit of the pledge's currency on the pledge date (1 when they are the same).</summary>
    public decimal? ExchangeRate { get; init; }

    /// <summary>The amount in the base currency, rounded once.</summary>
    public decimal? BaseAmount { get; init; }

    public required string RecordedBy { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }
}

/// <summary>A pledge's total changed (up or down, never below what was paid); carries the whole new schedule.</summary>
public sealed record PledgeAmended : IEvent
{
    public required Guid PledgeId { get; init; }

    public required string DonorId { get; init; }

    public required string FundId { get; init; }

    public required decimal AmountBefore { get; init; }

    public required decimal AmountAfter { get; init; }

    public required string Currency { get; init; }

    public required string Reason { get; init; }

    public required IReadOnlyList<InstalmentTerms> Instalments { get; init; }

    public required string AmendedBy { get; init; }

    public required DateTimeOffset AmendedAt { get; init; }
}

/// <summary>The unpaid part of a pledge was cancelled; what was paid stays.</summary>
public sealed record PledgeCancelled : IEvent
{
    public required Guid PledgeId { get; init; }

    public required string DonorId { get; init; }

    public required string FundId { get; init; }

    public required decimal CancelledAmount { get; init; }

    public required string Currency { get; init; }

    public required string Reason { get; init; }

    public required string CancelledBy { get; init; }

    public required DateTimeOffset CancelledAt { get; init; }
}

/// <summary>Finance wrote off part of a pledge as uncollectible.</summary>
public sealed record PledgeWrittenOff : IEvent
{
    public required Guid PledgeId { get; init; }

    public required string DonorId { get; init; }

    public required string FundId { get; init; }

    public required decimal Amount { get; init; }

    public required string Currency { get; init; }

    public required string Reason { get; init; }

    public required string WrittenOffBy { get; init; }

    public required DateTimeOffset WrittenOffAt { get; init; }
}

/// <summary>A year's assessment (sequence 1) or a supplementary one was issued: one assessed pledge per member with a share.</summary>
public sealed record AssessmentIssued : IEvent
{
    public required Guid AssessmentId { get; init; }

    public required string FundId { get; init; }

    public required int Year { get; init; }

    public required int Sequence { get; init; }

    public required decimal Budget { get; init; }

    public required decimal VoluntaryDeducted { get; init; }

    public required decimal Assessed { get; init; }

    public required string Currency { get; init; }

    public required DateOnly DueDate { get; init; }

    public required IReadOnlyList<AssessedShare> Members { get; init; }

    public required string IssuedBy { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }
}

public sealed record AssessedShare
{
    public required string MemberId { get; init; }

    public required decimal EffectiveRate { get; init; }

    public required decimal Amount { get; init; }

    public Guid? PledgeId { get; init; }
}
