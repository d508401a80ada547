using TrustFund.Reporting.Exports.Documents;
using TrustFund.Reporting.Periods;
using TrustFund.Reporting.Statements;

namespace TrustFund.Reporting.Exports;

/// <summary>A statement that can be exported: how it is read from the ledger and how it maps to a document.</summary>
public sealed record StatementExport(string Name, Func<StatementQuery, Task<ExportDocument>> BuildAsync)
{
    public static StatementExport Of<T>(string name, Func<StatementQuery, Task<T>> load, Func<T, StatementQuery, ExportDocument> map) =>
        new(name, async query => map(await load(query), query));
}

/// <summary>
/// The statements the export endpoint knows, by the name a request gives. Adding one is a mapping function (the
/// statement to an <see cref="ExportDocument"/>, in <c>Exports/Documents</c>) and one line here.
/// </summary>
public static class StatementExports
{
    public static readonly IReadOnlyDictionary<string, StatementExport> All = new[]
    {
        StatementExport.Of(TrialBalanceDocument.Statement, PeriodsApi.LoadTrialBalanceAsync, (s, _) => TrialBalanceDocument.Map(s)),
        StatementExport.Of(SourcesAndUsesDocument.Statement, SourcesAndUses.LoadAsync, (s, q) => SourcesAndUsesDocument.Map(s, q.FundId, q.From, q.To)),
        StatementExport.Of(FinancialPositionDocument.Statement, FinancialPosition.LoadAsync, (s, q) => FinancialPositionDocument.Map(s, q.FundId, q.From, q.To)),
        StatementExport.Of(ReceivablesAgeingDocument.Statement, ReceivablesAgeing.LoadAsync, (s, q) => ReceivablesAgeingDocument.Map(s, q.From)),
        StatementExport.Of(AssessedContributionsDocument.Statement, AssessedContributions.LoadAsync, (s, q) => AssessedContributionsDocument.Map(s, q.From)),
        StatementExport.Of(DonorStatementDocument.Statement, async q => (await DonorStatement.LoadAsync(q))!, (s, _) => DonorStatementDocument.Map(s)),
    }.ToDictionary(s => s.Name, StringComparer.Ordinal);
}
