using Dapper;
using TrustFund.Hosting.Audit;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Idempotency;
using TrustFund.Hosting.Storage;

namespace TrustFund.Earmarking.Structure;

public sealed record RepublishResponse(int Funds, int Windows, int Projects);

/// <summary>
/// Publishes the current state of every fund the caller manages, with its managers, windows and projects, again (change "republished", same versions), so a
/// service that starts consuming the structure later can build its copy; consumers ignore versions they have seen.
/// </summary>
public static class Republish
{
    public static async Task<IResult> HandleAsync(HttpContext http, IdempotentExecutor idempotency, Database database, StructureEvents events, AuditTrail audit,
        FundManagers managers)
    {
        var request = new { };
        return await idempotency.ExecuteAsync(http, request, async tx =>
        {
            var connection = tx.Connection!;
            var managed = (await managers.FundsOfAsync(connection, http.User, tx)).ToHashSet(StringComparer.Ordinal);
            var funds = (await connection.QueryAsync<FundRow>(database.Sql["funds.all"], new { AfterId = (string?)null, Limit = (int?)null }, tx)).Where(f => managed.Contains(f.FundId)).ToList();
            int windows = 0, projects = 0;
            foreach (var fund in funds)
            {
                await events.FundAsync(tx, fund.FundId, "republished");
                await events.ManagersAsync(tx, fund.FundId, "republished", null);
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
            await audit.RecordAsync(tx, http.User.SubjectOf()!, "structure.republished", "structure", "managed-funds", new { result, funds = funds.Select(f => f.FundId) });
            return TypedResults.Ok(result);
        });
    }
}
