using Dapper;
using TrustFund.Hosting.Audit;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Idempotency;
using TrustFund.Hosting.Storage;

namespace TrustFund.Earmarking.Structure;

public sealed record OpenWindowRequest(string? WindowId, string? Name);

public sealed record CloseRequest(string? Reason);

/// <summary>Windows are purposes inside a fund. A closed window takes no new money: contributions to it go to suspense.</summary>
public static class Windows
{
    public static async Task<IResult> OpenAsync(string fundId, OpenWindowRequest request, HttpContext http, IdempotentExecutor idempotency,
        Database database, StructureEvents events, AuditTrail audit, TimeProvider clock)
    {
        var errors = new ValidationErrors();
        errors.RequireId("windowId", request.WindowId);
        errors.RequireText("name", request.Name);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        return await idempotency.ExecuteAsync(http, request, async tx =>
        {
            if (await tx.Connection!.QuerySingleOrDefaultAsync<FundRow>(database.Sql["funds.get"], new { FundId = fundId }, tx) is null)
            {
                return StructureProblems.UnknownFund(fundId);
            }
            var actor = http.User.SubjectOf()!;
            var inserted = await tx.Connection!.ExecuteAsync(database.Sql["windows.insert"],
                new { FundId = fundId, request.WindowId, request.Name, Now = clock.GetUtcNow(), Actor = actor }, tx);
            if (inserted == 0)
            {
                return Problems.Conflict("Window already exists", $"Fund '{fundId}' already has a window '{request.WindowId}'.", "windowId", "unique");
            }
            var window = await events.WindowAsync(tx, fundId, request.WindowId!, "opened");
            await audit.RecordAsync(tx, actor, "window.opened", "window", $"{fundId}/{request.WindowId}", request);
            return TypedResults.Created($"/funds/{fundId}/windows/{request.WindowId}",
                new WindowResponse(window.WindowId, window.Name, window.Status, window.Version));
        });
    }

    public static async Task<IResult> CloseAsync(string fundId, string windowId, CloseRequest request, HttpContext http,
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
            var window = await tx.Connection!.QuerySingleOrDefaultAsync<WindowRow>(database.Sql["windows.get"], new { FundId = fundId, WindowId = windowId }, tx);
            if (window is null)
            {
                return Problems.NotFound("Unknown window", $"Fund '{fundId}' has no window '{windowId}'.", "windowId");
            }
            if (windowId == WindowRow.Core)
            {
                return Problems.Unprocessable("The core window cannot be closed",
                    "Unearmarked money always belongs to the core window; close the fund's projects or windows instead.", "windowId", "not-core");
            }
            var actor = http.User.SubjectOf()!;
            var closed = await tx.Connection!.ExecuteAsync(database.Sql["windows.close"], new { FundId = fundId, WindowId = windowId, Now = clock.GetUtcNow(), Actor = actor }, tx);
            if (closed == 0)
            {
                return Problems.Conflict("Window already closed", $"Window '{windowId}' of fund '{fundId}' is already closed.", "windowId", "open");
            }
            window = await events.WindowAsync(tx, fundId, windowId, "closed");
            await audit.RecordAsync(tx, actor, "window.closed", "window", $"{fundId}/{windowId}", request);
            return TypedResults.Ok(new WindowResponse(window.WindowId, window.Name, window.Status, window.Version));
        });
    }
}
