using Dapper;
using TrustFund.Hosting.Audit;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Idempotency;
using TrustFund.Hosting.Storage;

namespace TrustFund.Earmarking.Structure;

public sealed record RepublishResponse(int Funds, int Windows, int Projects);

/// <summary>
/// Publishes the current state of every fund, window and project again (change "republished", same versions), so a
/// service that starts consuming the structure later can build its copy; consumers ignore versions they have seen.
/// </summary>
public static class Republish
{
    public static async Task<IResult> HandleAsync(HttpContext http, IdempotentExecutor idempotency, Database database, StructureEvents events, AuditTrail audit)
    {
        var request = new { };
        return await idempotency.ExecuteAsync(http, request, async tx =>
        {
            var connection = tx.Connection!;
            var funds = (await connection.QueryAsync<FundRow>(database.Sql["funds.all"], new { AfterId = (string?)null, Limit = (int?)null }, tx)).ToList();
            int windows = 0, projects = 0;
            foreach (var fund in funds)
            {
                await events.FundAsync(tx, fund.FundId, "republished");
                foreach (var window in await connection.QueryAsync<WindowRow>(database.Sql["windows.by_fund"], new { fund.FundId }, tx))
                {
                    await events.WindowAsync(tx, fund.FundId, window.WindowId, "republished");
                    windows++;
                }
                foreach (var project in await connection.QueryAsync<ProjectRow>(database.Sql["projects.find"], new { fund.FundId, ProjectId = (string?)null }, tx))
                {
                    await events.ProjectAsync(tx, fund.FundId, project.ProjectId, "republished");
                    projects++;
                }
            }
            var result = new RepublishResponse(funds.Count, windows, projects);
            await audit.RecordAsync(tx, http.User.SubjectOf()!, "structure.republished", "structure", "all", result);
            return TypedResults.Ok(result);
        });
    }
}
