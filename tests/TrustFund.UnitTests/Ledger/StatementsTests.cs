using TrustFund.Reporting.Ledger;
using TrustFund.Reporting.Statements;

namespace TrustFund.UnitTests.Ledger;

public sealed class StatementsTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 30);

    [Fact]
    public void Outstanding_pledge_money_sits_in_the_latest_instalments_and_is_aged_by_their_due_dates()
    {
        var pledge = Guid.NewGuid();
        ScheduledInstalment[] schedule =
        [
            new(pledge, 1, new DateOnly(2025, 6, 30), 400m),  // 518 days past due
            new(pledge, 2, new DateOnly(2026, 10, 15), 300m), // 46 days
            new(pledge, 3, new DateOnly(2026, 11, 20), 200m), // 10 days
            new(pledge, 4, new DateOnly(2027, 3, 31), 100m),  // not yet due
        ];

        var parts = ReceivablesAgeing.Allocate(450m, schedule, AsOf);
        Assert.Equal([(new DateOnly(2027, 3, 31), 100m), (new DateOnly(2026, 11, 20), 200m), (new DateOnly(2026, 10, 15), 150m)], parts);
        Assert.Equal(new Ageing(100m, 200m, 150m, 0m, 0m), ReceivablesAgeing.Age(parts, AsOf));
        Assert.Equal(new Ageing(100m, 200m, 300m, 0m, 400m), ReceivablesAgeing.Age(ReceivablesAgeing.Allocate(1000m, schedule, AsOf), AsOf));
    }

    [Fact]
    public void Ageing_totals_equal_the_ledger_receivable_per_currency_and_donor()
    {
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var statement = ReceivablesAgeing.Build("f", AsOf,
            [new(a, "donor-a", "EUR", "USD", 249.45m, 269.41m), new(b, "donor-a", "USD", "USD", 100m, 100m), new(c, "donor-b", "USD", "USD", 50m, 50m)],
            [new(a, 1, new DateOnly(2026, 3, 31), 400m), new(a, 2, new DateOnly(2026, 9, 30), 600m), new(b, 1, new DateOnly(2027, 1, 31), 100m)]);

        Assert.Equal([("donor-a", "EUR", 249.45m), ("donor-a", "USD", 100m), ("donor-b", "USD", 50m)],
            statement.ByDonor.Select(l => (l.DonorId, l.Currency, l.Outstanding)));
        Assert.All(statement.ByDonor, l => Assert.Equal(l.Outstanding, l.Ageing.Total));
        Assert.Equal(249.45m, statement.ByDonor[0].Ageing.Days31To90); // due 2026-09-30: 61 days
        Assert.Equal(50m, statement.ByDonor[2].Ageing.NotYetDue);      // no schedule: counted at the date of the statement
        Assert.Equal([("EUR", 249.45m, 269.41m), ("USD", 150m, 150m)], statement.Totals.Select(t => (t.Currency, t.Outstanding, t.OutstandingInBaseCurrency)));
    }

    [Theory]
    [InlineData(100, 100, 0, null, "paid")]
    [InlineData(100, 40, 0, null, "settled")]
    [InlineData(100, 40, 60, "2026-12-31", "partly-paid")]
    [InlineData(100, 0, 100, "2026-12-31", "unpaid")]
    [InlineData(100, 40, 60, "2026-06-30", "in-arrears")]
    public void An_assessed_member_is_paid_settled_partly_paid_unpaid_or_in_arrears(int assessed, int paid, int outstanding, string? due, string status) =>
        Assert.Equal(status, AssessedContributions.StatusOf(assessed, paid, outstanding, due is null ? null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), AsOf));

    [Fact]
    public void Assessed_contributions_add_up_per_member_across_supplementary_assessments()
    {
        var statement = AssessedContributions.Build("f", 2026, AsOf,
        [
            new("member-a", 1, new DateOnly(2026, 3, 31), "USD", 1000m, 1000m, 0m, 0m),
            new("member-a", 2, new DateOnly(2026, 12, 31), "USD", 200m, 0m, 0m, 200m),
            new("member-b", 1, new DateOnly(2026, 3, 31), "USD", 500m, 100m, 0m, 400m),
        ]);

        Assert.Equal([("member-a", 1200m, 200m, "partly-paid"), ("member-b", 500m, 400m, "in-arrears")],
            statement.Members.Select(m => (m.MemberId, m.Assessed, m.Outstanding, m.Status)));
        Assert.Equal((1700m, 1100m, 600m), (statement.Totals[0].Assessed, statement.Totals[0].Paid, statement.Totals[0].Outstanding));
    }

    [Fact]
    public void Financial_position_balances_assets_against_net_assets_by_class()
    {
        var position = FinancialPosition.Build("f", AsOf, "USD",
        [
            new(Accounts.Cash, "USD", 2088.15m, 515m),
            new(Accounts.ContributionsReceivable, "USD", 1980m, 1080m),
            new(Accounts.CurrencyExchangePosition, "USD", 1080m, 1080m),
            new(Accounts.ContributionRevenueRestricted, "USD", 0m, 1980m),
            new(Accounts.ContributionRevenueUnrestricted, "USD", 0m, 1000m),
            new(Accounts.ExchangeDifferencesRestricted, "USD", 0m, 8.15m),
            new(Accounts.AdministrativeAgentFee, "USD", 15m, 0m),
            new(Accounts.ReleasedFromRestrictionWith, "USD", 500m, 0m),
            new(Accounts.ReleasedFromRestrictionWithout, "USD", 0m, 500m),
            new(Accounts.TransfersToPartners, "USD", 500m, 0m),
        ]);

        Assert.Equal((1573.15m, 900m, 0m, 2473.15m), (position.Cash, position.ContributionsReceivable, position.CurrencyExchangePosition, position.TotalAssets));
        Assert.Equal((985m, 1488.15m), (position.NetAssetsWithoutDonorRestrictions, position.NetAssetsWithDonorRestrictions));
        Assert.True(position.Balanced);
        Assert.False(FinancialPosition.Build("f", AsOf, "USD", [new(Accounts.Cash, "USD", 10m, 0m)]).Balanced);
    }

    [Fact]
    public void A_donor_statement_shows_pledged_paid_outstanding_and_where_the_money_went()
    {
        DonorLine L(string source, string account, decimal debit, decimal credit, bool inPeriod = true, string currency = "USD", decimal? baseDebit = null,
            decimal? baseCredit = null, string? project = null, string? partner = null, string? earmark = "project") =>
            new(source, account, currency, project, partner, earmark, inPeriod, debit, credit, baseDebit ?? debit, baseCredit ?? credit);

        var statement = DonorStatement.Build("f", "donor-eu", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), "USD",
        [
            L("pledge", Accounts.ContributionsReceivable, 1000m, 0m, inPeriod: false, currency: "EUR", baseDebit: 1080m),
            L("contribution", Accounts.ContributionsReceivable, 0m, 450.55m, currency: "EUR", baseCredit: 486.59m),
            L("contribution", Accounts.Cash, 488.15m, 0m),
            L("contribution", Accounts.ExchangeDifferencesRestricted, 0m, 1.56m),
            L("fee", Accounts.AdministrativeAgentFee, 4.88m, 0m),
            L("fee", Accounts.Cash, 0m, 4.88m),
            L("disbursement", Accounts.TransfersToPartners, 300m, 0m, project: "p1", partner: "partner-x"),
            L("disbursement", Accounts.Cash, 0m, 300m, project: "p1", partner: "partner-x"),
            L("refund", Accounts.Cash, 20m, 0m, project: "p1", partner: "partner-x"),
            L("refund", Accounts.RefundsFromPartners, 0m, 20m, project: "p1", partner: "partner-x"),
        ]);

        var eur = Assert.Single(statement.Pledges);
        Assert.Equal(("EUR", 0m, 450.55m, 549.45m, 593.41m), (eur.Currency, eur.Pledged, eur.Paid, eur.OutstandingAtEnd, eur.OutstandingAtEndInBaseCurrency));
        Assert.Equal((488.15m, 4.88m, 1.56m), (statement.ContributionsReceived, statement.AdministrativeAgentFee, statement.ExchangeDifferences));
        Assert.Equal([("p1", "partner-x", "project", 300m, 20m, 280m)], statement.Uses.Select(u => (u.ProjectId, u.PartnerId, u.EarmarkKind, u.Transferred, u.Refunded, u.Net)));
        Assert.Equal(488.15m - 4.88m - 300m + 20m, statement.HeldAtEnd);
    }
}
