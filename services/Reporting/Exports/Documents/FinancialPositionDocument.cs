using TrustFund.Reporting.Statements;

namespace TrustFund.Reporting.Exports.Documents;

public static class FinancialPositionDocument
{
    public const string Statement = "financial-position";

    /// <summary>Assets, liabilities and net assets by class at the end of the period, one section per base currency.</summary>
    public static ExportDocument Map(IReadOnlyList<FinancialPositionResponse> positions, string fundId, DateOnly from, DateOnly to)
    {
        ExportColumn[] columns = [new("Line"), new("Amount", ColumnKind.Amount)];
        var sections = positions.Select(p => new ExportSection($"Statement of financial position at {p.AsOf:yyyy-MM-dd}, {p.Currency}", p.Currency, columns,
        [
            ExportRow.Line("Cash", p.Cash),
            ExportRow.Line("Contributions receivable", p.ContributionsReceivable),
            ExportRow.Line("Currency exchange position", p.CurrencyExchangePosition),
            ExportRow.Total("Total assets", p.TotalAssets),
            ExportRow.Total("Total liabilities", p.TotalLiabilities),
            ExportRow.Line("Net assets without donor restrictions", p.NetAssetsWithoutDonorRestrictions),
            ExportRow.Line("Net assets with donor restrictions", p.NetAssetsWithDonorRestrictions),
            ExportRow.Total("Total net assets", p.TotalNetAssets),
            ExportRow.Total("Total liabilities and net assets", p.TotalLiabilitiesAndNetAssets),
        ])).ToList();
        return new ExportDocument(Statement, "Statement of financial position", fundId, from, to, sections.Count == 1 ? sections[0].Currency : null, sections,
        [
            $"At {to:yyyy-MM-dd}, from every entry posted up to that date, in the fund's base currency.",
            "Receivables at the value they were booked at; net assets are revenue less expenses of each class to date.",
            .. positions.Where(p => !p.Balanced).Select(p => $"{p.Currency}: assets and net assets differ; the ledger needs attention."),
            .. sections.Count == 0 ? ["No entries of this fund were posted up to that date."] : Array.Empty<string>(),
        ]);
    }
}
