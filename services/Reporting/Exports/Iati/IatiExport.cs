using Dapper;
using Microsoft.Extensions.Options;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Storage;
using TrustFund.Reporting.Ledger;
using TrustFund.Reporting.Statements;

namespace TrustFund.Reporting.Exports.Iati;

/// <summary>
/// A fund's IATI activity XML over the entries posted in a date range: read from the ledger (and, for names only, the
/// structure copy), built by <see cref="IatiDocument"/>.
/// </summary>
public sealed class IatiExport(IOptions<IatiOptions> options)
{
    private static readonly string[] AccountsRead = [Accounts.Cash, Accounts.ContributionsReceivable, Accounts.TransfersToPartners, Accounts.RefundsFromPartners];

    private sealed record ProjectStart(string ProjectId, DateOnly FirstDate);

    /// <summary>The records of the export, read on the query's connection (and in its snapshot, when it has one).</summary>
    public static async Task<IatiSource> LoadAsync(StatementQuery query)
    {
        var (connection, sql, tx) = (query.Connection, query.Database.Sql, query.Transaction);
        var parameters = new { query.FundId, query.From, query.To, Accounts = query.Database.List(AccountsRead) };
        var lines = (await connection.QueryAsync<IatiLedgerLine>(sql["iati.project_lines"], parameters, tx)).ToList();
        var starts = await connection.QueryAsync<ProjectStart>(sql["iati.project_starts"], parameters, tx);
        var projects = await connection.QueryAsync<IatiProject>(sql["structure.projects_of_fund"], parameters, tx);
        var fundName = await connection.QuerySingleOrDefaultAsync<string>(sql["structure.fund_name"], parameters, tx);
        return new IatiSource(query.FundId, fundName, query.From, query.To, lines, starts.ToDictionary(s => s.ProjectId, s => s.FirstDate),
            projects.ToDictionary(p => p.ProjectId));
    }

    /// <summary>The file's kind as exports record it.</summary>
    public static readonly ExportFileKind Kind = new("xml", "application/xml", "xml");

    public const string Statement = "iati-activities";

    public byte[] Build(IatiSource source) => IatiDocument.ToBytes(IatiDocument.Build(source, options.Value));
}
