using TrustFund.Contracts.Amounts;
using TrustFund.Reporting.Ledger;

namespace TrustFund.Reporting.Reconciliation;

/// <summary>A fund's summed debits and credits of one account in one currency, over the entries of one source type.</summary>
public sealed record SourceBalance(string SourceType, string Account, string Currency, decimal Debit, decimal Credit);

/// <summary>
/// The figures of a fund in one currency as the ledger has them, comparable with the services' own totals.
/// <see cref="Contributions"/> is cash received from contributions (the debit of cash in contribution entries), not the
/// revenue credited, which also counts pledges once they are booked as receivable.
/// </summary>
public sealed record FundFigures(string Currency, decimal Contributions, decimal Interest, decimal Fees, decimal Transfers, decimal Refunds, decimal Cash,
    decimal PledgesReceivable = 0m, decimal DisbursementsPaid = 0m)
{
    public decimal DisbursedNet => Transfers - Refunds;
}

public static partial class ReconciliationApi
{
    public static IReadOnlyList<FundFigures> FiguresOf(IEnumerable<SourceBalance> balances) =>
        [.. balances.GroupBy(b => b.Currency.Trim()).Select(g =>
        {
            decimal Sum(Func<SourceBalance, bool> which, Func<SourceBalance, decimal> amount) => Money.Normalise(g.Where(which).Sum(amount), g.Key);
            decimal Credit(params string[] accounts) => Sum(b => accounts.Contains(b.Account), b => b.Credit - b.Debit);
            decimal Debit(params string[] accounts) => Sum(b => accounts.Contains(b.Account), b => b.Debit - b.Credit);
            return new FundFigures(g.Key,
                Contributions: Sum(b => b.SourceType == SourceTypes.Contribution && b.Account == Accounts.Cash, b => b.Debit),
                Interest: Credit(Accounts.InterestIncomeUnrestricted, Accounts.InterestIncomeRestricted),
                Fees: Debit(Accounts.AdministrativeAgentFee), Transfers: Debit(Accounts.TransfersToPartners), Refunds: Credit(Accounts.RefundsFromPartners),
                Cash: Debit(Accounts.Cash), PledgesReceivable: Debit(Accounts.ContributionsReceivable),
                DisbursementsPaid: Sum(b => b.SourceType == SourceTypes.Disbursement && b.Account == Accounts.TransfersToPartners, b => b.Debit - b.Credit));
        }).OrderBy(f => f.Currency, StringComparer.Ordinal)];

    /// <summary>Pure comparison of the ledger's figures with Earmarking's totals rows.</summary>
    public static IReadOnlyList<Difference> Compare(IReadOnlyList<FundFigures> ledger, IReadOnlyList<EarmarkingTotals> earmarking) =>
        ByCurrency(ReconciledServices.Earmarking, ledger, earmarking.Select(e => e.Currency), (l, check) =>
        {
            var e = earmarking.FirstOrDefault(x => x.Currency == l.Currency) ?? new EarmarkingTotals(l.Currency, 0, 0, 0, 0, 0, 0, 0, 0);
            check("contributions", l.Contributions, e.Contributions);
            check("interest", l.Interest, e.Interest);
            check("fees", l.Fees, e.Fees);
            check("disbursed", l.DisbursedNet, e.Disbursed);
            check("refunded", l.Refunds, e.Refunded);
            check("cash held", l.Cash, e.Available + e.Reserved + e.Suspense);
        });

    /// <summary>
    /// Pure comparison with Pledges' totals of the fund (null: Pledges knows nothing of it): cash received from
    /// contributions per base currency, and pledges outstanding per pledge currency against the receivable's balance.
    /// </summary>
    public static IReadOnlyList<Difference> Compare(IReadOnlyList<FundFigures> ledger, PledgesTotals? pledges)
    {
        var pledged = pledges?.Pledges ?? [];
        var received = pledges?.Contributions ?? [];
        return ByCurrency(ReconciledServices.Pledges, ledger, pledged.Select(p => p.Currency).Concat(received.Select(c => c.Currency)), (l, check) =>
        {
            check("contributions received", l.Contributions, received.Where(c => c.Currency == l.Currency).Sum(c => c.Received));
            check("pledges outstanding", l.PledgesReceivable, pledged.Where(p => p.Currency == l.Currency).Sum(p => p.Outstanding));
        });
    }

    /// <summary>Pure comparison with Disbursements' totals rows: what was paid to implementing partners.</summary>
    public static IReadOnlyList<Difference> Compare(IReadOnlyList<FundFigures> ledger, IReadOnlyList<DisbursementsTotals> disbursements) =>
        ByCurrency(ReconciledServices.Disbursements, ledger, disbursements.Select(d => d.Currency), (l, check) =>
            check("paid", l.DisbursementsPaid, disbursements.Where(d => d.Currency == l.Currency).Sum(d => d.Paid)));

    /// <summary>
    /// Calls <paramref name="figures"/> once per currency either side knows (a currency the ledger lacks counts as zeros
    /// there) with a check that lists a figure when the ledger's value and the service's differ.
    /// </summary>
    private static List<Difference> ByCurrency(string service, IReadOnlyList<FundFigures> ledger, IEnumerable<string> serviceCurrencies,
        Action<FundFigures, Action<string, decimal, decimal>> figures)
    {
        var differences = new List<Difference>();
        foreach (var currency in ledger.Select(l => l.Currency).Union(serviceCurrencies).Order(StringComparer.Ordinal))
        {
            var l = ledger.FirstOrDefault(x => x.Currency == currency) ?? new FundFigures(currency, 0, 0, 0, 0, 0, 0);
            figures(l, (figure, reporting, stated) =>
            {
                if (reporting != stated)
                {
                    differences.Add(new Difference(service, currency, figure, reporting, stated, reporting - stated));
                }
            });
        }
        return differences;
    }
}
