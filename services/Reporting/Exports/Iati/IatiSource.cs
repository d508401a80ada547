namespace TrustFund.Reporting.Exports.Iati;

/// <summary>One line of a journal entry that concerns a project, with its entry, as the export reads it from the ledger.</summary>
public sealed record IatiLedgerLine(long EntryId, string SourceType, string SourceId, DateOnly ValueDate, DateOnly PostingDate, DateTimeOffset PostedAt,
    string Description, string ProjectId, string? PartnerId, string BaseCurrency, string Account, string? DonorId, string Currency, decimal Debit,
    decimal Credit, string? EarmarkKind);

/// <summary>What Reporting's copy of the fund structure says of a project; every field may be unknown (the copy may lag or predate it).</summary>
public sealed record IatiProject(string ProjectId, string? Name, string? WindowId, string? WindowName, string? PartnerId, string? Status);

/// <summary>
/// Everything an IATI export of a fund is built from: the lines of the entries posted in the range that concern a
/// project, the date of each project's first entry, and the names the structure copy knows.
/// </summary>
public sealed record IatiSource(string FundId, string? FundName, DateOnly From, DateOnly To, IReadOnlyList<IatiLedgerLine> Lines,
    IReadOnlyDictionary<string, DateOnly> FirstEntryDates, IReadOnlyDictionary<string, IatiProject> Projects)
{
    public IReadOnlyList<string> ProjectIds => [.. Lines.Select(l => l.ProjectId).Distinct().Order(StringComparer.Ordinal)];
}
