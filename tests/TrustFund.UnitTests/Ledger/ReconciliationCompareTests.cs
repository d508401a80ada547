using TrustFund.Reporting.Ledger;
using TrustFund.Reporting.Reconciliation;

namespace TrustFund.UnitTests.Ledger;

public sealed class ReconciliationCompareTests
{
    private static readonly FundFigures Ledger = new("USD", Contributions: 1250m, Interest: 3.21m, Fees: 25m, Transfers: 400m, Refunds: 50m, Cash: 878.21m,
        DisbursementsPaid: 400m);

    private static readonly EarmarkingTotals Agreeing = new("USD", Contributions: 1250m, Interest: 3.21m, Fees: 25m, Available: 533.21m, Reserved: 100m,
        Disbursed: 350m, Refunded: 50m, Suspense: 245m);

    private static readonly PledgesTotals PledgesAgreeing = new("fund-1",
        [new PledgedTotals("USD", Pledged: 600m, Paid: 600m, Cancelled: 0m, WrittenOff: 0m, Outstanding: 0m)],
        [new ReceivedTotals("USD", 1250m)]);

    [Fact]
    public void Agreeing_figures_give_no_difference()
    {
        Assert.Empty(ReconciliationApi.Compare([Ledger], [Agreeing]));
        Assert.Empty(ReconciliationApi.Compare([Ledger], PledgesAgreeing));
        Assert.Empty(ReconciliationApi.Compare([Ledger], [new DisbursementsTotals("fund-1", "USD", 400m)]));
    }

    [Fact]
    public void Each_disagreeing_figure_is_listed_with_the_service_both_values_and_the_ledgers_excess()
    {
        var differences = ReconciliationApi.Compare([Ledger with { Fees = 25.01m }], [Agreeing with { Suspense = 244m }]);

        Assert.Equal([("Earmarking", "fees", 25.01m, 25m, 0.01m), ("Earmarking", "cash held", 878.21m, 877.21m, 1m)],
            differences.Select(d => (d.Service, d.Figure, d.Reporting, d.ServiceValue, d.Amount)));
        Assert.All(differences, d => Assert.Equal(d.ServiceValue, d.Earmarking));
    }

    [Fact]
    public void A_currency_only_one_side_knows_shows_in_full() =>
        Assert.Contains(ReconciliationApi.Compare([Ledger], [Agreeing, new EarmarkingTotals("EUR", 80m, 0m, 0m, 0m, 0m, 0m, 0m, 80m)]),
            d => d.Currency == "EUR" && d.Figure == "contributions" && d.Amount == -80m);

    [Fact]
    public void A_pledge_outstanding_that_the_ledger_has_not_booked_as_receivable_is_a_Pledges_difference_in_the_pledges_currency()
    {
        // 1000 EUR pledged, 400 paid (converted to 430 USD), 100 written off: 500 EUR outstanding, no receivable in the ledger yet.
        var pledges = PledgesAgreeing with
        {
            Pledges = [.. PledgesAgreeing.Pledges, new PledgedTotals("EUR", 1000m, 400m, 0m, 100m, 500m)],
            Contributions = [new ReceivedTotals("USD", 1680m)],
        };
        var ledger = Ledger with { Contributions = 1680m };

        var differences = ReconciliationApi.Compare([ledger], pledges);

        var difference = Assert.Single(differences);
        Assert.Equal(("Pledges", "EUR", "pledges outstanding", 0m, 500m, -500m, (decimal?)null),
            (difference.Service, difference.Currency, difference.Figure, difference.Reporting, difference.ServiceValue, difference.Amount, difference.Earmarking));
        Assert.Empty(ReconciliationApi.Compare([ledger, new FundFigures("EUR", 0, 0, 0, 0, 0, 0, PledgesReceivable: 500m)], pledges));
    }

    [Fact]
    public void Cash_received_that_Pledges_never_recorded_is_a_Pledges_difference_and_an_unknown_fund_counts_as_zeros()
    {
        Assert.Equal([("Pledges", "contributions received", 1250m, 1000m, 250m)],
            ReconciliationApi.Compare([Ledger], PledgesAgreeing with { Contributions = [new ReceivedTotals("USD", 1000m)] })
                .Select(d => (d.Service, d.Figure, d.Reporting, d.ServiceValue, d.Amount)));
        Assert.Equal([("contributions received", 1250m)], ReconciliationApi.Compare([Ledger], (PledgesTotals?)null).Select(d => (d.Figure, d.Amount)));
    }

    [Fact]
    public void A_payment_the_ledger_lacks_is_a_Disbursements_difference()
    {
        var differences = ReconciliationApi.Compare([Ledger], [new DisbursementsTotals("fund-1", "USD", 700m)]);

        Assert.Equal([("Disbursements", "USD", "paid", 400m, 700m, -300m)],
            differences.Select(d => (d.Service, d.Currency, d.Figure, d.Reporting, d.ServiceValue, d.Amount)));
    }

    [Fact]
    public void Contributions_are_the_cash_received_in_contribution_entries_not_the_revenue_and_receivables_and_payments_are_balances()
    {
        const string Pledge = "pledge";
        SourceBalance[] balances =
        [
            // A pledge of 1000 EUR booked as revenue and receivable, 500 EUR of it settled since (whatever the entries that settle it),
            // and cash of 430 USD received from a contribution.
            new(Pledge, Accounts.ContributionsReceivable, "EUR", 1000m, 500m),
            new(Pledge, Accounts.ContributionRevenueRestricted, "EUR", 0m, 1000m),
            new("contribution", Accounts.Cash, "USD", 430m, 0m),
            // An unpledged gift, its fee and a transfer to a partner.
            new("contribution", Accounts.Cash, "USD", 1000m, 0m),
            new("contribution", Accounts.ContributionRevenueUnrestricted, "USD", 0m, 1000m),
            new("fee", Accounts.AdministrativeAgentFee, "USD", 10m, 0m),
            new("fee", Accounts.Cash, "USD", 0m, 10m),
            new("disbursement", Accounts.TransfersToPartners, "USD", 300m, 0m),
            new("disbursement", Accounts.Cash, "USD", 0m, 300m),
        ];

        var figures = ReconciliationApi.FiguresOf(balances);

        Assert.Equal(["EUR", "USD"], figures.Select(f => f.Currency));
        Assert.Equal((0m, 500m), (figures[0].Contributions, figures[0].PledgesReceivable));
        Assert.Equal((1430m, 10m, 300m, 300m, 1120m, 0m), (figures[1].Contributions, figures[1].Fees, figures[1].Transfers, figures[1].DisbursementsPaid,
            figures[1].Cash, figures[1].PledgesReceivable));
    }
}
