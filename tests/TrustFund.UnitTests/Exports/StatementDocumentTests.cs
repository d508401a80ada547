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
}
