namespace TrustFund.Contracts.Messages;

/// <summary>Cash from a donor arrived in a fund; carries everything Earmarking and Reporting need to book it.</summary>
public sealed record ContributionReceived : IEvent
{
    public required Guid ContributionId { get; init; }

    public required string FundId { get; init; }

    public required string DonorId { get; init; }

    public required Earmark Earmark { get; init; }

    /// <summary>Amount received, in <see cref="Currency"/>, never more decimals than the currency allows.</summary>
    public required decimal Amount { get; init; }

    /// <summary>ISO 4217 code.</summary>
    public required string Currency { get; init; }

    /// <summary>Rate from <see cref="Currency"/> to the fund's base currency, when finance recorded one.</summary>
    public decimal? ExchangeRate { get; init; }

    /// <summary>The amount in the fund's base currency, when converted by the sender.</summary>
    public decimal? BaseAmount { get; init; }

    /// <summary>ISO 4217 code of <see cref="BaseAmount"/>.</summary>
    public string? BaseCurrency { get; init; }

    public required DateOnly ValueDate { get; init; }

    /// <summary>The pledge this payment settles, when it settles one.</summary>
    public Guid? PledgeId { get; init; }

    /// <summary>The instalments the payment settled, oldest first, in the pledge's currency.</summary>
    public IReadOnlyList<InstalmentPayment>? MatchedInstalments { get; init; }

    /// <summary>Paid beyond what the pledge had outstanding, recorded by finance as an unpledged gift.</summary>
    public decimal? UnpledgedAmount { get; init; }

    public string? BankReference { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>Subject of the finance user who recorded it.</summary>
    public required string RecordedBy { get; init; }
}

/// <summary>How much of a payment went to one instalment of a pledge.</summary>
public sealed record InstalmentPayment
{
    public required int No { get; init; }

    public required decimal Amount { get; init; }
}
