using TrustFund.Reporting.Statements;

namespace TrustFund.Reporting.Exports.Documents;

public static class SourcesAndUsesDocument
{
    public const string Statement = "sources-and-uses";

    /// <summary>One section per currency, in the order of the MPTF Office's funding status, subtotals in bold.</summary>
    public static ExportDocument Map(IReadOnlyList<SourcesAndUsesStatement> statements, string fundId, DateOnly from, DateOnly to)
    {
        ExportColumn[] columns = [new("Line"), new("Amount", ColumnKind.Amount)];
        var sections = statements.Select(s => new ExportSection($"Sources and uses of funds in {s.Currency}", s.Currency, columns, Rows(s))).ToList();
        return new ExportDocument(Statement, "Sources and uses of funds", fundId, from, to, sections.Count == 1 ? sections[0].Currency : null, sections,
        [
            "Laid out as the UN MPTF Office's funding status; every figure is a sum of ledger lines posted (by posting date) in the period.",
            "Opening balance: the fund's cash from the entries posted before the period. Administrative agent fee: deducted when each deposit arrives.",
            .. statements.Where(s => s.BalanceAsPercentOfDeposits is not null)
                .Select(s => $"{s.Currency}: balance for the period is {s.BalanceAsPercentOfDeposits:0.00}% of the contributions of the period."),
            .. sections.Count == 0 ? ["No entries of this fund were posted in or before the period."] : Array.Empty<string>(),
        ]);
    }

    private static List<ExportRow> Rows(SourcesAndUsesStatement s) =>
    [
        ExportRow.Total("Opening balance", s.OpeningBalance),
        .. s.ContributionsByDonor.Select(d => ExportRow.Line($"Contributions from {d.Label}", d.Value)),
        ExportRow.Line("Contributions from donors", s.Contributions),
        ExportRow.Line("Interest and investment income", s.Interest),
        ExportRow.Line("Other income", s.OtherIncome),
        ExportRow.Total("Total source of funds", s.TotalSources),
        .. s.TransfersByProjectAndPartner.Select(t => ExportRow.Line($"Transferred to {t.PartnerId} for {t.ProjectId}", t.Value)),
        ExportRow.Line("Transferred to participating organisations", s.Transfers),
        ExportRow.Line("Refunds from participating organisations", -s.Refunds),
        ExportRow.Line("Administrative agent fee", s.AdministrativeAgentFee),
        ExportRow.Line("Direct cost", s.DirectCosts),
        ExportRow.Line("Bank charges", s.BankCharges),
        ExportRow.Total("Total use of funds", s.TotalUses),
        ExportRow.Total("Balance for the period", s.BalanceForPeriod),
        ExportRow.Total("Closing balance", s.ClosingBalance),
    ];
}
