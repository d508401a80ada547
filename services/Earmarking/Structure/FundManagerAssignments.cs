using Dapper;
using TrustFund.Hosting.Audit;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Idempotency;
using TrustFund.Hosting.Storage;

namespace TrustFund.Earmarking.Structure;

public sealed record AssignManagerRequest(string? Manager, string? Reason);

public sealed record RemoveManagerRequest(string? Reason);

public sealed record FundManagersResponse(string FundId, IReadOnlyList<FundManagerRow> Managers, int Version);

/// <summary>
/// Who manages a fund. Whoever defines a fund is its first manager; a manager of the fund assigns others and removes
/// them (never the last one), each change audited with its reason and published to every service.
/// </summary>
public static class FundManagerAssignments
{
    /// <summary>Longest subject accepted for a manager (token <c>sub</c>).</summary>
    public const int MaxSubjectLength = 200;

    public static async Task<IResult> ListAsync(string fundId, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (await connection.QuerySingleOrDefaultAsync<FundRow>(database.Sql["funds.get"], new { FundId = fundId }) is null)
        {
            return StructureProblems.UnknownFund(fundId);
        }
        return TypedResults.Ok(await LoadAsync(connection, database, fundId));
    }

    public static async Task<IResult> AssignAsync(string fundId, AssignManagerRequest request, HttpContext http, IdempotentExecutor idempotency,
        Database database, StructureEvents events, AuditTrail audit, TimeProvider clock)
    {
        var errors = new ValidationErrors();
        errors.RequireText("manager", request.Manager, MaxSubjectLength);
        errors.RequireText("reason", request.Reason, 500);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        return await idempotency.ExecuteAsync(http, request, async tx =>
        {
            var actor = http.User.SubjectOf()!;
            await tx.Connection!.ExecuteAsync(database.Sql["fund_managers.lock"], new { FundId = fundId }, tx);
            if (await tx.Connection!.ExecuteAsync(database.Sql["fund_managers.assign"],
                    new { FundId = fundId, request.Manager, Now = clock.GetUtcNow(), Actor = actor }, tx) == 0)
            {
                return Problems.Conflict("Already a manager", $"'{request.Manager}' already manages fund '{fundId}'.", "manager", "not-assigned");
            }
            await events.ManagersAsync(tx, fundId, "assigned", request.Manager!);
            await audit.RecordAsync(tx, actor, "fund.manager-assigned", "fund", fundId, new { request.Manager, request.Reason });
            return TypedResults.Created($"/funds/{fundId}/managers", await LoadAsync(tx.Connection!, database, fundId, tx));
        });
    }

    public static async Task<IResult> RemoveAsync(string fundId, string manager, RemoveManagerRequest request, HttpContext http,
        IdempotentExecutor idempotency, Database database, StructureEvents events, AuditTrail audit, TimeProvider clock)
    {
        var errors = new ValidationErrors();
        errors.RequireText("reason", request.Reason, 500);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        return await idempotency.ExecuteAsync(http, request, async tx =>
        {
            var actor = http.User.SubjectOf()!;
            await tx.Connection!.ExecuteAsync(database.Sql["fund_managers.lock"], new { FundId = fundId }, tx);
            var managers = (await tx.Connection!.QueryAsync<FundManagerRow>(database.Sql["fund_managers.of_fund"], new { FundId = fundId }, tx)).ToList();
            if (managers.All(m => m.Manager != manager))
            {
                return Problems.NotFound("Not a manager", $"'{manager}' does not manage fund '{fundId}'.", "manager");
            }
            if (managers.Count == 1)
            {
                return Problems.Unprocessable("Last manager", $"'{manager}' is the only manager of fund '{fundId}'; assign another one first.",
                    "manager", "last-manager");
            }
            await tx.Connection!.ExecuteAsync(database.Sql["fund_managers.remove"], new { FundId = fundId, Manager = manager, Now = clock.GetUtcNow(), Actor = actor }, tx);
            await events.ManagersAsync(tx, fundId, "removed", manager);
            await audit.RecordAsync(tx, actor, "fund.manager-removed", "fund", fundId, new { Manager = manager, request.Reason });
            return TypedResults.Ok(await LoadAsync(tx.Connection!, database, fundId, tx));
        });
    }

    /// <summary>Makes the definer of a new fund its first manager, in the definition's transaction.</summary>
    internal static async Task AssignFirstAsync(System.Data.Common.DbTransaction tx, Database database, StructureEvents events, string fundId, string actor,
        DateTimeOffset now)
    {
        await tx.Connection!.ExecuteAsync(database.Sql["fund_managers.assign"], new { FundId = fundId, Manager = actor, Now = now, Actor = actor }, tx);
        await events.ManagersAsync(tx, fundId, "assigned", actor);
    }

    private static async Task<FundManagersResponse> LoadAsync(System.Data.Common.DbConnection connection, Database database, string fundId,
        System.Data.Common.DbTransaction? tx = null)
    {
        var managers = (await connection.QueryAsync<FundManagerRow>(database.Sql["fund_managers.of_fund"], new { FundId = fundId }, tx)).ToList();
        var set = await connection.QuerySingleOrDefaultAsync<FundManagerSet>(database.Sql["fund_managers.set_version"], new { FundId = fundId }, tx);
        return new FundManagersResponse(fundId, managers, set?.Version ?? 0);
    }
}
