using Dapper;
using Microsoft.Extensions.Options;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Storage;
using TrustFund.Reporting.Ledger;

namespace TrustFund.Reporting.Exports.Iati;

/// <summary>
/// A fund's IATI activity XML over the entries posted in a date range: read from the ledger (and, for names only, the
/// structure copy), built by <see cref="IatiDocument"/>.
/// </summary>
public sealed class IatiExport(Database database, IOptions<IatiOptions> options)
{
    private static readonly string[] AccountsRead = [Accounts.Cash, Accounts.ContributionsReceivable, Accounts.TransfersToPartners, Accounts.RefundsFromPartners];

    private sealed record ProjectStart(string ProjectId, DateOnly FirstDate);

    public async Task<IatiSource> LoadAsync(string fundId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var parameters = new { FundId = fundId, From = from, To = to, Accounts = AccountsRead };
        var lines = (await connection.QueryAsync<IatiLedgerLine>(new CommandDefinition(database.Sql["iati.project_lines"], parameters,
            cancellationToken: cancellationToken))).ToList();
        var starts = await connection.QueryAsync<ProjectStart>(new CommandDefinition(database.Sql["iati.project_starts"], parameters, cancellationToken: cancellationToken));
        var projects = await connection.QueryAsync<IatiProject>(new CommandDefinition(database.Sql["structure.projects_of_fund"], parameters,
            cancellationToken: cancellationToken));
        var fundName = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(database.Sql["structure.fund_name"], parameters,
            cancellationToken: cancellationToken));
        return new IatiSource(fundId, fundName, from, to, lines, starts.ToDictionary(s => s.ProjectId, s => s.FirstDate),
            projects.ToDictionary(p => p.ProjectId));
    }

    /// <summary>The export's bytes, for whoever files it (the endpoint, or an export with a manifest). Throws when no project has an entry in the range.</summary>
    public async Task<byte[]> BuildAsync(string fundId, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        Build(await LoadAsync(fundId, from, to, cancellationToken));

    public byte[] Build(IatiSource source) => IatiDocument.ToBytes(IatiDocument.Build(source, options.Value));
}

/// <summary>GET /funds/{fundId}/exports/iati?from=&amp;to=: the export as application/xml.</summary>
public static class IatiExportApi
{
    public static IEndpointRouteBuilder MapIatiExportApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/funds/{fundId}/exports/iati", GetAsync).WithTags("Exports")
            .RequireAuthorization(p => p.RequireRole(Roles.Finance, Roles.Auditor, Roles.FundManager))
            .Produces(StatusCodes.Status200OK, contentType: "application/xml")
            .WithName("GetIatiExport").WithSummary("IATI activity XML 2.03 of a fund: one activity per project, from the entries posted in the range");
        return app;
    }

    private static async Task<IResult> GetAsync(string fundId, DateOnly? from, DateOnly? to, IatiExport export, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.RequireId("fundId", fundId);
        errors.RequirePeriod(from, to);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        var source = await export.LoadAsync(fundId, from!.Value, to!.Value, cancellationToken);
        if (source.Lines.Count == 0)
        {
            return Problems.NotFound("Nothing to export",
                $"The ledger has no entry for a project of fund '{fundId}' posted between {from:yyyy-MM-dd} and {to:yyyy-MM-dd}.", "fundId");
        }
        return TypedResults.File(export.Build(source), "application/xml",
            $"{fundId}-iati-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}.xml");
    }
}
