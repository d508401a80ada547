using TrustFund.Reporting.Statements;

namespace TrustFund.Reporting.Exports.Documents;

public static class DonorStatementDocument
{
    public const string Statement = "donor-statement";

    /// <summary>The donor's pledges (in their currencies), its money in the base currency, and where it went.</summary>
    public static ExportDocument Map(DonorStatementResponse s)
    {
        List<ExportSection> sections = [];
        foreach (var p in s.Pledges)
        {
            sections.Add(new ExportSection($"Pledges in {p.Currency}", p.Currency, [new("Line"), new("Amount", ColumnKind.Amount)],
            [
                ExportRow.Line("Pledged in the period", p.Pledged),
                ExportRow.Line("Paid in the period", p.Paid),
                ExportRow.Line("Cancelled in the period", p.Cancelled),
                ExportRow.Line("Written off in the period", p.WrittenOff),
                ExportRow.Total("Outstanding at the end of the period", p.OutstandingAtEnd),
            ]));
        }
        sections.Add(new ExportSection($"Contributions in {s.Currency}", s.Currency, [new("Line"), new("Amount", ColumnKind.Amount)],
        [
            ExportRow.Line("Received in the period", s.ContributionsReceived),
            ExportRow.Line("Received to the end of the period", s.ContributionsReceivedToDate),
            ExportRow.Line("Administrative agent fee in the period", s.AdministrativeAgentFee),
            ExportRow.Line("Exchange differences in the period (gain +)", s.ExchangeDifferences),
            ExportRow.Line("Interest credited to the donor's pools in the period", s.Interest),
            ExportRow.Line("Transferred to partners in the period", s.Transferred),
            ExportRow.Line("Refunded by partners in the period", s.Refunded),
            ExportRow.Total("Held by the fund at the end of the period", s.HeldAtEnd),
        ]));
        sections.Add(new ExportSection($"Where the money went, in {s.Currency}", s.Currency,
            [new("Project"), new("Partner"), new("Earmark"), new("Transferred", ColumnKind.Amount), new("Refunded", ColumnKind.Amount), new("Net", ColumnKind.Amount)],
            [
                .. s.Uses.Select(u => ExportRow.Line(u.ProjectId, u.PartnerId, u.EarmarkKind, u.Transferred, u.Refunded, u.Net)),
                ExportRow.Total("Total", "", "", s.Transferred, s.Refunded, s.Transferred - s.Refunded),
            ]));
        return new ExportDocument(Statement, $"Donor statement of {s.DonorId}", s.FundId, s.From, s.To, s.Currency, sections,
        [
            "Pledges in their own currency; their outstanding amount is valued in the base currency at the rate each pledge was booked at.",
            .. s.Pledges.Select(p => $"Outstanding {ExportDocument.Amount(p.OutstandingAtEnd, p.Currency)} is {ExportDocument.Amount(p.OutstandingAtEndInBaseCurrency, s.Currency)} at the booked rates."),
            "Where the money went: each transfer to a partner is attributed to the donors whose money paid it (tightest earmark first, oldest receipt first).",
        ]);
    }
}
