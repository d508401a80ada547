using TrustFund.Reporting.Statements;

namespace TrustFund.Reporting.Exports.Documents;

public static class AssessedContributionsDocument
{
    public const string Statement = "assessed-contributions";

    /// <summary>One section per currency: each member's assessed contributions of the year and their status.</summary>
    public static ExportDocument Map(AssessedContributionsResponse status, DateOnly from)
    {
        ExportColumn[] columns =
        [
            new("Member"), new("Assessed", ColumnKind.Amount), new("Paid", ColumnKind.Amount), new("Cancelled or written off", ColumnKind.Amount),
            new("Outstanding", ColumnKind.Amount), new("Earliest unpaid due"), new("Status"),
        ];
        ExportRow Row(MemberStatus m, bool total) => new([total ? "Total" : m.MemberId, m.Assessed, m.Paid, m.CancelledOrWrittenOff, m.Outstanding,
            m.EarliestDueUnpaid?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "", m.Status], total);
        var sections = status.Totals.Select(t => new ExportSection($"Assessed contributions {status.Year} in {t.Currency}", t.Currency, columns,
            [.. status.Members.Where(m => m.Currency == t.Currency).Select(m => Row(m, false)), Row(t, true)])).ToList();
        return new ExportDocument(Statement, $"Assessed contributions {status.Year}", status.FundId, from, status.AsOf, null, sections,
        [
            $"Every assessment of {status.Year} (the year's and any supplementary one), with the payments posted up to {status.AsOf:yyyy-MM-dd}.",
            .. sections.Count == 0 ? [$"No assessment of {status.Year} is in the ledger."] : Array.Empty<string>(),
        ]);
    }
}
