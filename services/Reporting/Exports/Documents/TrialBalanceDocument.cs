using TrustFund.Reporting.Periods;

namespace TrustFund.Reporting.Exports.Documents;

public static class TrialBalanceDocument
{
    public const string Statement = "trial-balance";

    /// <summary>One section per currency: debits and credits per account, then the currency's totals.</summary>
    public static ExportDocument Map(TrialBalance balance)
    {
        ExportColumn[] columns = [new("Account"), new("Debit", ColumnKind.Amount), new("Credit", ColumnKind.Amount)];
        ExportSection Section(string title, TrialBalanceLine total, IEnumerable<TrialBalanceLine> lines) => new(title, total.Currency, columns,
            [
                .. lines.Where(l => l.Currency == total.Currency).Select(l => ExportRow.Line(l.Account, l.Debit, l.Credit)),
                ExportRow.Total("Total", total.Debit, total.Credit),
            ]);
        var sections = balance.Totals.Select(total => Section($"Trial balance in {total.Currency}", total, balance.Lines)).ToList();
        var valued = (balance.BaseTotals ?? []).Select(total => Section($"Trial balance valued in the base currency {total.Currency}", total, balance.InBaseCurrency!)).ToList();
        var currency = sections.Count == 1 ? sections[0].Currency : null;
        return new ExportDocument(Statement, "Trial balance", balance.FundId, balance.From, balance.To, currency, [.. sections, .. valued],
        [
            "Debits and credits per account over the journal entries posted (by posting date) in the period.",
            .. sections.Count == 0 ? ["No entries of this fund were posted in the period."] : Array.Empty<string>(),
        ]);
    }
}
