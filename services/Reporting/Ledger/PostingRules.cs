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
        return new JournalEntry("contribution", c.ContributionId.ToString(), c.FundId, c.ValueDate,
            $"Contribution from {c.DonorId}{purpose}",
            [
                new JournalLine(Accounts.Cash, c.DonorId, c.Currency, c.Amount, 0m),
                new JournalLine(revenue, c.DonorId, c.Currency, 0m, c.Amount),
            ]);
    }
}
