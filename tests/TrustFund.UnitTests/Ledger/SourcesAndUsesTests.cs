using TrustFund.Reporting.Ledger;
using TrustFund.Reporting.Statements;

namespace TrustFund.UnitTests.Ledger;

public sealed class SourcesAndUsesTests
{
    private static readonly PeriodLine[] Lines =
    [
        new(Accounts.Cash, "donor-a", null, null, "USD", 1000m, 0m),
        new(Accounts.ContributionRevenueUnrestricted, "donor-a", null, null, "USD", 0m, 1000m),
        new(Accounts.ContributionRevenueRestricted, "donor-b", null, null, "USD", 0m, 500m),
        new(Accounts.Cash, "donor-b", null, null, "USD", 500m, 0m),
        new(Accounts.AdministrativeAgentFee, "donor-a", null, null, "USD", 15m, 0m),
        new(Accounts.Cash, "donor-a", null, null, "USD", 0m, 15m),
        new(Accounts.TransfersToPartners, "donor-b", "p2", "partner-x", "USD", 300m, 0m),
        new(Accounts.TransfersToPartners, "donor-a", "p1", "partner-y", "USD", 200m, 0m),
        new(Accounts.Cash, null, "p1", "partner-y", "USD", 0m, 500m),
        new(Accounts.RefundsFromPartners, "donor-b", "p2", "partner-x", "USD", 0m, 20m),
        new(Accounts.InterestIncomeRestricted, null, null, null, "USD", 0m, 4.5m),
        new(Accounts.ContributionRevenueUnrestricted, "donor-c", null, null, "EUR", 0m, 70m),
    ];

    [Fact]
    public void The_statement_follows_the_funding_status_lines_and_adds_up()
    {
        var s = SourcesAndUses.Build("f", "USD", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 100m, Lines);

        Assert.Equal([("donor-a", 1000m), ("donor-b", 500m)], s.ContributionsByDonor.Select(a => (a.Label, a.Value)));
        Assert.Equal((1500m, 4.5m, 1504.5m), (s.Contributions, s.Interest, s.TotalSources));
        Assert.Equal([("p1", "partner-y", 200m), ("p2", "partner-x", 300m)], s.TransfersByProjectAndPartner.Select(t => (t.ProjectId, t.PartnerId, t.Value)));
        Assert.Equal((500m, 20m, 15m, 495m), (s.Transfers, s.Refunds, s.AdministrativeAgentFee, s.TotalUses));
        Assert.Equal((1009.5m, 67.30m, 1109.5m), (s.BalanceForPeriod, s.BalanceAsPercentOfDeposits, s.ClosingBalance));
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
