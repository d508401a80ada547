using TrustFund.Contracts.Amounts;
using TrustFund.Contracts.Messages;

namespace TrustFund.Reporting.Ledger;

/// <summary>
/// A pledge as the ledger carries it: its receivable is in the pledge's currency and valued in the fund's base currency
/// at the rate the pledge was booked at. The ledger's own figures (pledged, paid, cancelled, written off, outstanding)
/// move only with the entries it posts.
/// </summary>
public sealed record BookedPledge(Guid PledgeId, string FundId, string DonorId, string EarmarkKind, string? WindowId, string? ProjectId,
    string Currency, string BaseCurrency, decimal Rate, string Kind, Guid? AssessmentId, DateOnly PledgedOn,
    decimal Pledged, decimal Paid, decimal Cancelled, decimal WrittenOff, decimal Outstanding)
{
    public bool Restricted => EarmarkKind != EarmarkKinds.Unearmarked;

    public bool Foreign => Currency.Trim() != BaseCurrency.Trim();

    /// <summary>
    /// The base value of an outstanding amount, rounded once. Every change is valued as the difference of this before
    /// and after, so the base value of a settled pledge is exactly zero, whatever the rounding of each step.
    /// </summary>
    public decimal Carrying(decimal outstanding) =>
        Foreign ? Rounding.Round(outstanding * Rate, TrustFund.Contracts.Amounts.Currency.FromCode(BaseCurrency.Trim())) : outstanding;
}

/// <summary>How the events of a pledge move its receivable (the table in the service's README).</summary>
public static class PledgePostings
{
    /// <summary>The pledge as booked when recorded: at the rate its event carries, or its own currency when it carries none.</summary>
    public static BookedPledge Book(PledgeRecorded p) => new(p.PledgeId, p.FundId, p.DonorId, p.Earmark.Kind, p.Earmark.WindowId, p.Earmark.ProjectId,
        p.Currency, p.BaseCurrency ?? p.Currency, p.BaseCurrency is null || p.BaseCurrency == p.Currency ? 1m : p.ExchangeRate ?? 1m, p.Kind, p.AssessmentId,
        p.PledgedOn, 0m, 0m, 0m, 0m, 0m);

    /// <summary>A binding pledge is revenue at once, with donor restrictions when earmarked (IPSAS 23 / ASC 958).</summary>
    public static (JournalEntry Entry, BookedPledge After) Recorded(PledgeRecorded p)
    {
        var booked = Book(p);
        var (lines, after) = Change(booked, p.Amount, Accounts.Revenue(booked.Restricted));
        var rate = booked.Foreign ? $" at {booked.Rate}" : "";
        return (Entry(booked, SourceTypes.Pledge, p.PledgeId.ToString(), p.PledgedOn,
            $"{(p.Kind == "assessed" ? "Assessed contribution" : "Pledge")} of {p.Amount} {p.Currency} by {p.DonorId}{Purpose(booked)}{rate}", lines),
            after with { Pledged = p.Amount });
    }

    /// <summary>An amendment moves revenue by the change of the pledged amount.</summary>
    public static (JournalEntry? Entry, BookedPledge After) Amended(BookedPledge pledge, PledgeAmended a)
    {
        var delta = a.AmountAfter - a.AmountBefore;
        if (delta == 0)
        {
            return (null, pledge);
        }
        var (lines, after) = Change(pledge, delta, Accounts.Revenue(pledge.Restricted));
        return (Entry(pledge, SourceTypes.PledgeAmendment, $"{a.PledgeId}@{a.AmendedAt.UtcDateTime:O}", DateOnly.FromDateTime(a.AmendedAt.UtcDateTime),
            $"Pledge of {a.DonorId} amended from {a.AmountBefore} to {a.AmountAfter} {a.Currency}: {a.Reason}", lines), after with { Pledged = pledge.Pledged + delta });
    }

    /// <summary>Cancelling the unpaid part takes back the revenue it was.</summary>
    public static (JournalEntry? Entry, BookedPledge After) Cancelled(BookedPledge pledge, PledgeCancelled c)
    {
        if (c.CancelledAmount <= 0)
        {
            return (null, pledge);
        }
        var (lines, after) = Change(pledge, -c.CancelledAmount, Accounts.Revenue(pledge.Restricted));
        return (Entry(pledge, SourceTypes.PledgeCancellation, $"{c.PledgeId}@{c.CancelledAt.UtcDateTime:O}", DateOnly.FromDateTime(c.CancelledAt.UtcDateTime),
            $"Unpaid {c.CancelledAmount} {c.Currency} of the pledge of {c.DonorId} cancelled: {c.Reason}", lines), after with { Cancelled = pledge.Cancelled + c.CancelledAmount });
    }

    /// <summary>An uncollectible part written off is an expense of the pledge's class; the receivable goes down with a reason.</summary>
    public static (JournalEntry Entry, BookedPledge After) WrittenOff(BookedPledge pledge, PledgeWrittenOff w)
    {
        var (lines, after) = Change(pledge, -w.Amount, Accounts.PledgesWrittenOff(pledge.Restricted));
        return (Entry(pledge, SourceTypes.PledgeWriteOff, $"{w.PledgeId}@{w.WrittenOffAt.UtcDateTime:O}", DateOnly.FromDateTime(w.WrittenOffAt.UtcDateTime),
            $"{w.Amount} {w.Currency} of the pledge of {w.DonorId} written off: {w.Reason}", lines), after with { WrittenOff = pledge.WrittenOff + w.Amount });
    }

    /// <summary>
    /// Cash that pays a pledge: the matched part settles the receivable (at its carrying value; the difference to what
    /// the cash is worth in the base currency is a realised exchange difference), any unpledged excess is revenue.
    /// </summary>
    public static (JournalEntry Entry, BookedPledge After) Paid(BookedPledge pledge, ContributionReceived c)
    {
        var matched = c.MatchedInstalments?.Sum(m => m.Amount) ?? 0m;
        var baseCurrency = c.BaseCurrency ?? c.Currency;
        var cash = c.BaseAmount is { } b && c.BaseCurrency is not null ? b : c.Amount;
        var matchedBase = matched == c.Amount ? cash : Rounding.Round(cash * matched / c.Amount, Currency.FromCode(baseCurrency.Trim()));
        var excessBase = cash - matchedBase;
        var restricted = c.Earmark.Kind != EarmarkKinds.Unearmarked;

        if (c.Currency != pledge.Currency.Trim())
        {
            throw new UnbalancedEntryException($"Contribution {c.ContributionId} is in {c.Currency} but pledge {pledge.PledgeId} in {pledge.Currency}: it cannot settle it.");
        }
        if (baseCurrency != pledge.BaseCurrency.Trim())
        {
            throw new UnbalancedEntryException(
                $"Contribution {c.ContributionId} is booked in {baseCurrency} but pledge {pledge.PledgeId} in {pledge.BaseCurrency}: they cannot settle each other.");
        }

        var lines = new List<JournalLine> { new(Accounts.Cash, c.DonorId, baseCurrency, cash, 0m, EarmarkKind: c.Earmark.Kind) };
        var (settled, after) = Change(pledge, -matched, counterAccount: null);
        lines.AddRange(settled);
        var carrying = pledge.Carrying(pledge.Outstanding) - pledge.Carrying(after.Outstanding);
        if (pledge.Foreign && carrying > 0)
        {
            // The position taken when the receivable was booked is closed at its carrying value.
            lines.Add(Line(Accounts.CurrencyExchangePosition, pledge, debit: false, carrying, null));
        }
        var difference = matchedBase - carrying;
        if (difference != 0)
        {
            lines.Add(difference > 0
                ? new JournalLine(Accounts.ExchangeDifferences(pledge.Restricted), c.DonorId, baseCurrency, 0m, difference)
                : new JournalLine(Accounts.ExchangeDifferences(pledge.Restricted), c.DonorId, baseCurrency, -difference, 0m));
        }
        if (excessBase > 0)
        {
            lines.Add(new JournalLine(Accounts.Revenue(restricted), c.DonorId, baseCurrency, 0m, excessBase, EarmarkKind: c.Earmark.Kind));
        }
        var converted = baseCurrency != c.Currency ? $" ({c.Amount} {c.Currency} at {c.ExchangeRate})" : "";
        var excess = excessBase > 0 ? $", {c.UnpledgedAmount ?? c.Amount - matched} {c.Currency} unpledged" : "";
        var entry = new JournalEntry(SourceTypes.Contribution, c.ContributionId.ToString(), c.FundId, c.ValueDate,
            $"Contribution from {c.DonorId} paying {matched} {c.Currency} of pledge {c.PledgeId}{excess}{converted}", lines, c.Earmark.ProjectId)
        {
            BaseCurrency = baseCurrency, WindowId = c.Earmark.WindowId, PledgeId = pledge.PledgeId,
        };
        return (entry, after with { Paid = pledge.Paid + matched });
    }

    /// <summary>
    /// The lines that move a pledge's receivable by <paramref name="delta"/> (its currency) against
    /// <paramref name="counterAccount"/> (in the base currency; none for a payment, whose counterpart the caller adds).
    /// A receivable in another currency is balanced through the currency position account, so the entry balances in both.
    /// </summary>
    private static (List<JournalLine> Lines, BookedPledge After) Change(BookedPledge pledge, decimal delta, string? counterAccount)
    {
        var after = pledge with { Outstanding = pledge.Outstanding + delta };
        var value = after.Carrying(after.Outstanding) - pledge.Carrying(pledge.Outstanding);
        var up = delta > 0;
        var (amount, baseValue) = (Math.Abs(delta), Math.Abs(value));
        var lines = new List<JournalLine>();
        if (amount == 0)
        {
            return (lines, after);
        }
        if (pledge.Foreign)
        {
            lines.Add(JournalLine.Foreign(Accounts.ContributionsReceivable, pledge.DonorId, pledge.Currency, up, amount, baseValue, pledge.EarmarkKind));
            lines.Add(JournalLine.Foreign(Accounts.CurrencyExchangePosition, pledge.DonorId, pledge.Currency, !up, amount, baseValue));
            if (baseValue > 0 && counterAccount is not null)
            {
                lines.Add(Line(Accounts.CurrencyExchangePosition, pledge, up, baseValue, null));
            }
        }
        else
        {
            lines.Add(Line(Accounts.ContributionsReceivable, pledge, up, amount, pledge.EarmarkKind));
        }
        if (counterAccount is not null && baseValue > 0)
        {
            lines.Add(Line(counterAccount, pledge, !up, baseValue, pledge.EarmarkKind));
        }
        return (lines, after);
    }

    private static JournalLine Line(string account, BookedPledge pledge, bool debit, decimal amount, string? earmarkKind) =>
        debit ? new(account, pledge.DonorId, pledge.BaseCurrency, amount, 0m, EarmarkKind: earmarkKind)
            : new(account, pledge.DonorId, pledge.BaseCurrency, 0m, amount, EarmarkKind: earmarkKind);

    private static JournalEntry Entry(BookedPledge pledge, string sourceType, string sourceId, DateOnly valueDate, string description, List<JournalLine> lines) =>
        new(sourceType, sourceId, pledge.FundId, valueDate, description, lines, pledge.ProjectId)
        {
            BaseCurrency = pledge.BaseCurrency, WindowId = pledge.WindowId, PledgeId = pledge.PledgeId,
        };

    private static string Purpose(BookedPledge pledge) => pledge.EarmarkKind switch
    {
        EarmarkKinds.Window => $" earmarked to window {pledge.WindowId}",
        EarmarkKinds.Project => $" earmarked to project {pledge.ProjectId}",
        _ => "",
    };
}
