using TrustFund.Reporting.Reconciliation;

namespace TrustFund.UnitTests.Ledger;

public sealed class ReconciliationCompareTests
{
    private static readonly FundFigures Ledger = new("USD", Contributions: 1250m, Interest: 3.21m, Fees: 25m, Transfers: 400m, Refunds: 50m, Cash: 878.21m);

    private static readonly EarmarkingTotals Agreeing = new("USD", Contributions: 1250m, Interest: 3.21m, Fees: 25m, Available: 533.21m, Reserved: 100m,
        Disbursed: 350m, Refunded: 50m, Suspense: 245m);

    [Fact]
    public void Agreeing_figures_give_no_difference() => Assert.Empty(ReconciliationApi.Compare([Ledger], [Agreeing]));

    [Fact]
    public void Each_disagreeing_figure_is_listed_with_both_values_and_the_ledgers_excess()
    {
        var differences = ReconciliationApi.Compare([Ledger with { Fees = 25.01m }], [Agreeing with { Suspense = 244m }]);

        Assert.Equal([("fees", 25.01m, 25m, 0.01m), ("cash held", 878.21m, 877.21m, 1m)],
            differences.Select(d => (d.Figure, d.Reporting, d.Earmarking, d.Amount)));
    }

    [Fact]
    public void A_currency_only_one_side_knows_shows_in_full() =>
        Assert.Contains(ReconciliationApi.Compare([Ledger], [Agreeing, new EarmarkingTotals("EUR", 80m, 0m, 0m, 0m, 0m, 0m, 0m, 80m)]),
            d => d.Currency == "EUR" && d.Figure == "contributions" && d.Amount == -80m);
}
