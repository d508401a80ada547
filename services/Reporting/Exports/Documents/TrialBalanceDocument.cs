using TrustFund.Reporting.Periods;

namespace TrustFund.Reporting.Exports.Documents;

public static class TrialBalanceDocument
{
    public const string Statement = "trial-balance";

    /// <summary>One section per currency: debits and credits per account, then the currency's totals.</summary>
    public static ExportDocument Map(TrialBalance balance)
    {
        ExportColumn[] columns = [new("Account"), new("Debit", ColumnKind.Amount), new("Credit", ColumnKind.Amount)];
        var sections = balance.Totals.Select(total => new ExportSection($"Trial balance in {total.Currency}", total.Currency, columns,
            [
                .. balance.Lines.Where(l => l.Currency == total.Currency).Select(l => ExportRow.Line(l.Account, l.Debit, l.Credit)),
                ExportRow.Total("Total", total.Debit, total.Credit),
            ])).ToList();
        var currency = sections.Count == 1 ? sections[0].Currency : null;
        return new ExportDocument(Statement, "Trial balance", balance.FundId, balance.From, balance.To, currency, sections,
        [
            "Debits and credits per account over the journal entries posted (by posting date) in the period.",
            .. sections.Count == 0 ? ["No entries of this fund were posted in the period."] : Array.Empty<string>(),
        ]);
    }
}
