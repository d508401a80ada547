using TrustFund.Contracts.Messages;

namespace TrustFund.Reporting.Ledger;

/// <summary>How each event becomes a journal entry (the table in the service's README).</summary>
public static class PostingRules
{
    public static JournalEntry For(ContributionReceived c)
    {
        var revenue = c.Earmark.Kind == EarmarkKinds.Unearmarked
            ? Accounts.ContributionRevenueUnrestricted
            : Accounts.ContributionRevenueRestricted;
        var purpose = c.Earmark.Kind switch
        {
            EarmarkKinds.Window => $" earmarked to window {c.Earmark.WindowId}",
            EarmarkKinds.Project => $" earmarked to project {c.Earmark.ProjectId}",
            _ => "",
        };
        // Booked in the fund's base currency when the sender converted it; the original amount stays in the description.
        var (amount, currency, converted) = c.BaseAmount is { } baseAmount && c.BaseCurrency is { } baseCurrency && baseCurrency != c.Currency
            ? (baseAmount, baseCurrency, $" ({c.Amount} {c.Currency} at {c.ExchangeRate})")
            : (c.Amount, c.Currency, "");
        return new JournalEntry("contribution", c.ContributionId.ToString(), c.FundId, c.ValueDate,
            $"Contribution from {c.DonorId}{purpose}{converted}",
            [
                new JournalLine(Accounts.Cash, c.DonorId, currency, amount, 0m),
                new JournalLine(revenue, c.DonorId, currency, 0m, amount),
            ]);
    }
}
