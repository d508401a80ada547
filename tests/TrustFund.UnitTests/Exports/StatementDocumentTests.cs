using TrustFund.Reporting.Exports;
using TrustFund.Reporting.Exports.Documents;
using TrustFund.Reporting.Ledger;
using TrustFund.Reporting.Periods;
using TrustFund.Reporting.Statements;

namespace TrustFund.UnitTests.Exports;

public sealed class StatementDocumentTests
{
    private static readonly PeriodLine[] Lines =
    [
        new("contribution", Accounts.Cash, "donor-a", null, null, "USD", 1000m, 0m),
        new("contribution", Accounts.ContributionRevenueUnrestricted, "donor-a", null, null, "USD", 0m, 1000m),
        new("fee", Accounts.AdministrativeAgentFee, "donor-a", null, null, "USD", 10m, 0m),
        new("fee", Accounts.Cash, "donor-a", null, null, "USD", 0m, 10m),
        new("disbursement", Accounts.TransfersToPartners, "donor-a", "p1", "partner-y", "USD", 300m, 0m),
        new("disbursement", Accounts.Cash, null, "p1", "partner-y", "USD", 0m, 300m),
        new("refund", Accounts.RefundsFromPartners, "donor-a", "p1", "partner-y", "USD", 0m, 20m),
        new("refund", Accounts.Cash, null, "p1", "partner-y", "USD", 20m, 0m),
        new("contribution", Accounts.ContributionRevenueUnrestricted, "donor-c", null, null, "JPY", 0m, 7000m),
        new("contribution", Accounts.Cash, "donor-c", null, null, "JPY", 7000m, 0m),
    ];

    private static decimal Figure(ExportSection section, string label) =>
        section.Rows.Single(r => r.Cells[0].Text == label).Cells[1].Number!.Value;

    [Fact]
    public void Sources_and_uses_maps_to_one_section_per_currency_whose_lines_add_up_to_the_totals()
    {
        var (from, to) = (new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
        var statements = new[] { "JPY", "USD" }.Select(c => SourcesAndUses.Build("f", c, from, to, c == "USD" ? 50m : 0m, Lines)).ToList();

        var document = SourcesAndUsesDocument.Map(statements, "f", from, to);

        Assert.Null(document.Currency);
        Assert.Equal(2, document.Sections.Count);
        var usd = document.Sections[1];
        Assert.Equal(("USD", 2), (usd.Currency, usd.AmountDecimals));
        Assert.Equal(1000m, Figure(usd, "Total source of funds"));
        Assert.Equal(300m - 20m + 10m, Figure(usd, "Total use of funds"));
        Assert.Equal(Figure(usd, "Transferred to participating organisations") + Figure(usd, "Refunds from participating organisations")
            + Figure(usd, "Administrative agent fee"), Figure(usd, "Total use of funds"));
        Assert.Equal(50m + 1000m - 290m, Figure(usd, "Closing balance"));
        Assert.Equal((0, 7000m), (document.Sections[0].AmountDecimals, Figure(document.Sections[0], "Contributions from donor-c")));
        Assert.All(new[] { "Total source of funds", "Total use of funds", "Closing balance" },
            label => Assert.True(usd.Rows.Single(r => r.Cells[0].Text == label).IsTotal));
    }

    [Fact]
    public void A_trial_balance_without_entries_in_the_period_is_an_empty_statement_that_says_so()
    {
        var document = TrialBalanceDocument.Map(new TrialBalance("f", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), [], []));

        Assert.Empty(document.Sections);
        Assert.Contains(document.Notes, n => n.Contains("No entries", StringComparison.Ordinal));
    }

    [Fact]
    public void Financial_position_and_donor_statement_map_their_figures_and_totals_to_sections()
    {
        var position = FinancialPosition.Build("f", new DateOnly(2026, 12, 31), "USD",
        [
            new(Accounts.Cash, "USD", 1000m, 200m), new(Accounts.ContributionsReceivable, "USD", 500m, 0m),
            new(Accounts.ContributionRevenueRestricted, "USD", 0m, 1500m), new(Accounts.TransfersToPartners, "USD", 200m, 0m),
            new(Accounts.ReleasedFromRestrictionWith, "USD", 200m, 0m), new(Accounts.ReleasedFromRestrictionWithout, "USD", 0m, 200m),
        ]);
        var section = Assert.Single(FinancialPositionDocument.Map([position], "f", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)).Sections);
        Assert.Equal((1300m, 0m, 1300m, 1300m), (Figure(section, "Total assets"), Figure(section, "Net assets without donor restrictions"),
            Figure(section, "Net assets with donor restrictions"), Figure(section, "Total liabilities and net assets")));

        var donor = DonorStatement.Build("f", "donor-a", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), "USD",
        [
            new("contribution", Accounts.Cash, "USD", null, null, "project", true, 1000m, 0m, 1000m, 0m),
            new("disbursement", Accounts.TransfersToPartners, "USD", "p1", "partner-x", "project", true, 200m, 0m, 200m, 0m),
            new("disbursement", Accounts.Cash, "USD", "p1", "partner-x", "project", true, 0m, 200m, 0m, 200m),
        ]);
        var document = DonorStatementDocument.Map(donor);
        Assert.Equal("Donor statement of donor-a", document.Title);
        Assert.Equal((1000m, 800m), (Figure(document.Sections[0], "Received in the period"), Figure(document.Sections[0], "Held by the fund at the end of the period")));
        var uses = document.Sections[1].Rows;
        Assert.Equal(("p1", "partner-x", 200m), (uses[0].Cells[0].Text, uses[0].Cells[1].Text, uses[0].Cells[3].Number));
        Assert.True(uses[^1].IsTotal);
    }

    [Fact]
    public void A_trial_balance_with_lines_in_another_currency_adds_the_balance_valued_in_the_base_currency()
    {
        var (from, to) = (new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
        var document = TrialBalanceDocument.Map(new TrialBalance("f", from, to,
            [new(Accounts.ContributionsReceivable, "EUR", 100m, 0m), new(Accounts.CurrencyExchangePosition, "EUR", 0m, 100m)],
            [new("(total)", "EUR", 100m, 100m)],
            [new(Accounts.ContributionsReceivable, "USD", 108m, 0m), new(Accounts.CurrencyExchangePosition, "USD", 0m, 108m)],
            [new("(total)", "USD", 108m, 108m)]));

        Assert.Equal(["Trial balance in EUR", "Trial balance valued in the base currency USD"], document.Sections.Select(s => s.Title));
        Assert.Equal(108m, document.Sections[1].Rows[^1].Cells[1].Number);
    }
}
