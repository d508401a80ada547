using TrustFund.Reporting.Statements;

namespace TrustFund.Reporting.Exports.Documents;

public static class ReceivablesAgeingDocument
{
    public const string Statement = "receivables-ageing";

    /// <summary>One section per pledge currency: each donor's outstanding pledges by days past due, then the total.</summary>
    public static ExportDocument Map(ReceivablesAgeingResponse ageing, DateOnly from)
    {
        ExportColumn[] columns =
        [
            new("Donor"), new("Not yet due", ColumnKind.Amount), new("1-30 days", ColumnKind.Amount), new("31-90 days", ColumnKind.Amount),
            new("91-365 days", ColumnKind.Amount), new("Over 365 days", ColumnKind.Amount), new("Outstanding", ColumnKind.Amount),
        ];
        ExportRow Row(AgeingLine l, bool total) => new([total ? "Total" : l.DonorId, l.Ageing.NotYetDue, l.Ageing.Days1To30, l.Ageing.Days31To90,
            l.Ageing.Days91To365, l.Ageing.Over365, l.Outstanding], total);
        var sections = ageing.Totals.Select(t => new ExportSection($"Pledges receivable in {t.Currency} at {ageing.AsOf:yyyy-MM-dd}", t.Currency, columns,
            [.. ageing.ByDonor.Where(l => l.Currency == t.Currency).Select(l => Row(l, false)), Row(t, true)])).ToList();
        return new ExportDocument(Statement, "Pledges receivable and their ageing", ageing.FundId, from, ageing.AsOf, null, sections,
        [
            "The ledger's receivable of each pledge, placed on its latest instalments (payments and write-offs settle the oldest first), aged by days past due.",
            .. ageing.Totals.Select(t => $"Outstanding {ExportDocument.Amount(t.Outstanding, t.Currency)}, valued {t.OutstandingInBaseCurrency:N2} in the base currency at the booked rates."),
            .. sections.Count == 0 ? ["No pledge of this fund is outstanding at that date."] : Array.Empty<string>(),
        ]);
    }
}
