using TrustFund.Reporting.Ledger;
using TrustFund.Reporting.Statements;

namespace TrustFund.UnitTests.Ledger;

public sealed class SourcesAndUsesTests
{
    private static readonly PeriodLine[] Lines =
    [
        new("contribution", Accounts.Cash, "donor-a", null, null, "USD", 1000m, 0m),
        new("contribution", Accounts.ContributionRevenueUnrestricted, "donor-a", null, null, "USD", 0m, 1000m),
        new("contribution", Accounts.ContributionRevenueRestricted, "donor-b", null, null, "USD", 0m, 500m),
        new("contribution", Accounts.Cash, "donor-b", null, null, "USD", 500m, 0m),
        new("fee", Accounts.AdministrativeAgentFee, "donor-a", null, null, "USD", 15m, 0m),
        new("fee", Accounts.Cash, "donor-a", null, null, "USD", 0m, 15m),
        new("disbursement", Accounts.TransfersToPartners, "donor-b", "p2", "partner-x", "USD", 300m, 0m),
        new("disbursement", Accounts.TransfersToPartners, "donor-a", "p1", "partner-y", "USD", 200m, 0m),
        new("disbursement", Accounts.Cash, null, "p1", "partner-y", "USD", 0m, 500m),
        new("refund", Accounts.RefundsFromPartners, "donor-b", "p2", "partner-x", "USD", 0m, 20m),
        new("refund", Accounts.Cash, "donor-b", "p2", "partner-x", "USD", 20m, 0m),
        new("interest", Accounts.InterestIncomeRestricted, null, null, null, "USD", 0m, 4.5m),
        new("interest", Accounts.Cash, null, null, null, "USD", 4.5m, 0m),
        new("contribution", Accounts.ContributionRevenueUnrestricted, "donor-c", null, null, "EUR", 0m, 70m),
        new("contribution", Accounts.Cash, "donor-c", null, null, "EUR", 70m, 0m),
        // A pledge is revenue and a receivable, but no deposit: it is not a source of funds until paid.
        new("pledge", Accounts.ContributionsReceivable, "donor-d", null, null, "USD", 900m, 0m),
        new("pledge", Accounts.ContributionRevenueRestricted, "donor-d", null, null, "USD", 0m, 900m),
    ];

    [Fact]
    public void The_statement_follows_the_funding_status_lines_and_adds_up()
    {
        var s = SourcesAndUses.Build("f", "USD", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 100m, Lines);

        Assert.Equal([("donor-a", 1000m), ("donor-b", 500m)], s.ContributionsByDonor.Select(a => (a.Label, a.Value)));
        Assert.Equal((1500m, 4.5m, 1504.5m), (s.Contributions, s.Interest, s.TotalSources)); // the pledge of donor-d is not a deposit
        Assert.Equal([("p1", "partner-y", 200m), ("p2", "partner-x", 300m)], s.TransfersByProjectAndPartner.Select(t => (t.ProjectId, t.PartnerId, t.Value)));
        Assert.Equal((500m, 20m, 15m, 495m), (s.Transfers, s.Refunds, s.AdministrativeAgentFee, s.TotalUses));
        Assert.Equal((1009.5m, 67.30m, 1109.5m), (s.BalanceForPeriod, s.BalanceAsPercentOfDeposits, s.ClosingBalance));
    }

    [Fact]
    public void Paying_a_pledge_is_a_deposit_of_the_donor_though_its_revenue_was_booked_with_the_pledge()
    {
        PeriodLine[] paid =
        [
            new("contribution", Accounts.Cash, "donor-d", null, null, "USD", 400m, 0m),
            new("contribution", Accounts.ContributionsReceivable, "donor-d", null, null, "USD", 0m, 400m),
        ];
        var s = SourcesAndUses.Build("f", "USD", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 0m, [.. Lines, .. paid]);

        Assert.Equal([("donor-a", 1000m), ("donor-b", 500m), ("donor-d", 400m)], s.ContributionsByDonor.Select(a => (a.Label, a.Value)));
        Assert.Equal(1900m, s.Contributions);
    }

    [Fact]
    public void Each_currency_has_its_own_statement_and_a_period_without_deposits_has_no_percentage()
    {
        var eur = SourcesAndUses.Build("f", "EUR", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 0m, Lines);
        Assert.Equal((70m, 0m, 70m), (eur.Contributions, eur.TotalUses, eur.ClosingBalance));

        var empty = SourcesAndUses.Build("f", "USD", new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 31), 1109.5m, []);
        Assert.Equal((null, 1109.5m, 1109.5m), (empty.BalanceAsPercentOfDeposits, empty.OpeningBalance, empty.ClosingBalance));
    }
}
