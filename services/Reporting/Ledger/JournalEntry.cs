using TrustFund.Hosting.Messaging;

namespace TrustFund.Reporting.Ledger;

/// <summary>
/// One line of a posting: an amount in its own currency and, in the fund's base currency, its base value (null means
/// the same amount: a line in the base currency). <paramref name="EarmarkKind"/> is the earmark of the donor money the
/// line concerns, where there is one.
/// </summary>
public sealed record JournalLine(string Account, string? DonorId, string Currency, decimal Debit, decimal Credit,
    decimal? BaseDebit = null, decimal? BaseCredit = null, string? EarmarkKind = null)
{
    public decimal BaseDebitValue => BaseDebit ?? Debit;

    public decimal BaseCreditValue => BaseCredit ?? Credit;

    /// <summary>A line in a currency other than the base, valued at <paramref name="baseAmount"/> in the base currency.</summary>
    public static JournalLine Foreign(string account, string? donorId, string currency, bool debit, decimal amount, decimal baseAmount, string? earmarkKind = null) =>
        debit
            ? new(account, donorId, currency, amount, 0m, baseAmount, 0m, earmarkKind)
            : new(account, donorId, currency, 0m, amount, 0m, baseAmount, earmarkKind);
}

/// <summary>
/// A posting: debits equal credits in every currency and, valued in the fund's base currency, in total; otherwise it is
/// never written. <see cref="BaseCurrency"/> defaults to the currency of the lines when they all share one.
/// </summary>
public sealed record JournalEntry(string SourceType, string SourceId, string FundId, DateOnly ValueDate, string Description, IReadOnlyList<JournalLine> Lines,
    string? ProjectId = null, string? PartnerId = null)
{
    private readonly string? baseCurrency;

    public string BaseCurrency
    {
        get => baseCurrency ?? (Lines.Select(l => l.Currency).Distinct().Count() == 1 ? Lines[0].Currency
            : throw new UnbalancedEntryException($"Entry for {SourceType} {SourceId} has lines in several currencies but no base currency."));
        init => baseCurrency = value;
    }

    public string? WindowId { get; init; }

    public Guid? PledgeId { get; init; }

    public void EnsureBalanced()
    {
        if (Lines.Count < 2)
        {
            throw new UnbalancedEntryException($"Entry for {SourceType} {SourceId} has {Lines.Count} line(s); a posting needs at least two.");
        }
        foreach (var line in Lines)
        {
            var debit = line.Debit > 0 || line.BaseDebitValue > 0;
            var credit = line.Credit > 0 || line.BaseCreditValue > 0;
            if (line.Debit < 0 || line.Credit < 0 || line.BaseDebitValue < 0 || line.BaseCreditValue < 0 || debit == credit)
            {
                throw new UnbalancedEntryException($"Entry for {SourceType} {SourceId}: each line is either a debit or a credit, never negative ({line}).");
            }
            if (line.Currency == BaseCurrency && (line.Debit != line.BaseDebitValue || line.Credit != line.BaseCreditValue))
            {
                throw new UnbalancedEntryException($"Entry for {SourceType} {SourceId}: a line in the base currency has a different base value ({line}).");
            }
        }
        foreach (var currency in Lines.GroupBy(l => l.Currency))
        {
            var debits = currency.Sum(l => l.Debit);
            var credits = currency.Sum(l => l.Credit);
            if (debits != credits)
            {
                throw new UnbalancedEntryException($"Entry for {SourceType} {SourceId} does not balance in {currency.Key}: debits {debits}, credits {credits}.");
            }
        }
        var baseDebits = Lines.Sum(l => l.BaseDebitValue);
        var baseCredits = Lines.Sum(l => l.BaseCreditValue);
        if (baseDebits != baseCredits)
        {
            throw new UnbalancedEntryException(
                $"Entry for {SourceType} {SourceId} does not balance in the base currency {BaseCurrency}: debits {baseDebits}, credits {baseCredits}.");
        }
    }
}

/// <summary>A bug in a posting rule: the consumer stops (the message goes to the error queue) rather than write it.</summary>
public sealed class UnbalancedEntryException(string message) : PermanentFailureException(message);
