using Dapper;
using TrustFund.Contracts.Amounts;
using TrustFund.Hosting.Audit;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Http;
using TrustFund.Hosting.Idempotency;
using TrustFund.Hosting.Storage;

namespace TrustFund.Earmarking.Structure;

public sealed record OpenProjectRequest(string? ProjectId, string? WindowId, string? Name, string? ProjectLead, string? PartnerId,
    decimal? Allocation);

public sealed record SetAllocationRequest(decimal? Allocation, string? Currency, string? Reason);

/// <summary>
/// Projects belong to a window and are run by one project lead. Their allocation is the most that may ever be
/// reserved or disbursed for them; requests beyond it are refused.
/// </summary>
public static class Projects
{
    public static async Task<IResult> OpenAsync(string fundId, OpenProjectRequest request, HttpContext http, IdempotentExecutor idempotency,
        Database database, StructureEvents events, AuditTrail audit, TimeProvider clock)
    {
        var errors = new ValidationErrors();
        errors.RequireId("projectId", request.ProjectId);
        errors.RequireId("windowId", request.WindowId);
        errors.RequireText("name", request.Name);
        errors.RequireText("projectLead", request.ProjectLead, 128);
        errors.RequireId("partnerId", request.PartnerId);
        if (request.Allocation is not null)
        {
            errors.RequireAmount("allocation", request.Allocation, null, allowZero: true);
        }
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        return await idempotency.ExecuteAsync(http, request, async tx =>
        {
            var fund = await tx.Connection!.QuerySingleOrDefaultAsync<FundRow>(database.Sql["funds.get"], new { FundId = fundId }, tx);
            if (fund is null)
            {
                return StructureProblems.UnknownFund(fundId);
            }
            var allocation = request.Allocation ?? 0m;
            if (!Money.TryOf(allocation, fund.Currency, out _, out var rule))
            {
                return ValidationErrors.Single("allocation", rule, $"allocation does not fit {fund.BaseCurrency} ({rule}).");
            }
            var window = await tx.Connection!.QuerySingleOrDefaultAsync<WindowRow>(database.Sql["windows.get"], new { FundId = fundId, request.WindowId }, tx);
            if (window is null)
            {
                return Problems.Unprocessable("Unknown window", $"Fund '{fundId}' has no window '{request.WindowId}'.", "windowId", "exists");
            }
            if (window.Status != "open")
            {
                return Problems.Unprocessable("Window closed", $"Window '{request.WindowId}' is closed and takes no new projects.", "windowId", "open");
            }

            var actor = http.User.SubjectOf()!;
            var inserted = await tx.Connection!.ExecuteAsync(database.Sql["projects.insert"], new
            {
                FundId = fundId, request.ProjectId, request.WindowId, request.Name, request.ProjectLead, request.PartnerId,
                Allocation = allocation, Now = clock.GetUtcNow(), Actor = actor,
            }, tx);
            if (inserted == 0)
            {
                return Problems.Conflict("Project already exists", $"Fund '{fundId}' already has a project '{request.ProjectId}'.", "projectId", "unique");
            }
            var project = await events.ProjectAsync(tx, fundId, request.ProjectId!, "opened");
            await audit.RecordAsync(tx, actor, "project.opened", "project", $"{fundId}/{request.ProjectId}", request);
            return TypedResults.Created($"/funds/{fundId}/projects/{request.ProjectId}", Funds.ToResponse(project));
        });
    }

    public static async Task<IResult> CloseAsync(string fundId, string projectId, CloseRequest request, HttpContext http,
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
            var closed = await tx.Connection!.ExecuteAsync(database.Sql["projects.close"], new { FundId = fundId, ProjectId = projectId, Now = clock.GetUtcNow(), Actor = actor }, tx);
            if (closed == 0)
            {
                var existing = await tx.Connection!.QuerySingleOrDefaultAsync<ProjectRow>(database.Sql["projects.find"], new { FundId = fundId, ProjectId = projectId }, tx);
                return existing is null
                    ? StructureProblems.UnknownProject(fundId, projectId)
                    : Problems.Conflict("Project already closed", $"Project '{projectId}' is already closed.", "projectId", "open");
            }
            var project = await events.ProjectAsync(tx, fundId, projectId, "closed");
            await audit.RecordAsync(tx, actor, "project.closed", "project", $"{fundId}/{projectId}", request);
            return TypedResults.Ok(Funds.ToResponse(project));
        });
    }

    public static async Task<IResult> SetAllocationAsync(string fundId, string projectId, SetAllocationRequest request, HttpContext http,
        IdempotentExecutor idempotency, Database database, StructureEvents events, AuditTrail audit, TimeProvider clock)
    {
        var errors = new ValidationErrors();
        var currency = errors.RequireCurrency("currency", request.Currency);
        errors.RequireAmount("allocation", request.Allocation, currency, allowZero: true);
        errors.RequireText("reason", request.Reason, 500);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        return await idempotency.ExecuteAsync(http, request, async tx =>
        {
            var before = await tx.Connection!.QuerySingleOrDefaultAsync<ProjectRow>(database.Sql["projects.find"], new { FundId = fundId, ProjectId = projectId }, tx);
            if (before is null)
            {
                return StructureProblems.UnknownProject(fundId, projectId);
            }
            if (before.Currency != request.Currency)
            {
                return Problems.Unprocessable("Wrong currency", $"Allocations are in the fund's base currency, {before.Currency}.", "currency", "base-currency");
            }
            if (before.Status != "open")
            {
                return Problems.Conflict("Project closed", $"Project '{projectId}' is closed; its allocation cannot change.", "projectId", "open");
            }
            var actor = http.User.SubjectOf()!;
            var changed = await tx.Connection!.ExecuteAsync(database.Sql["projects.set_allocation"], new
            {
                FundId = fundId, ProjectId = projectId, Allocation = request.Allocation!.Value, Now = clock.GetUtcNow(), Actor = actor,
            }, tx);
            if (changed == 0)
            {
                var used = Money.Normalise(before.Reserved + before.Disbursed, before.Currency);
                return Problems.Conflict("Allocation below what is used",
                    $"Project '{projectId}' already has {used} {before.Currency} reserved or disbursed; the allocation cannot be lower.", "allocation", "not-below-used");
            }
            var project = await events.ProjectAsync(tx, fundId, projectId, "allocation-changed");
            await audit.RecordAsync(tx, actor, "project.allocation-changed", "project", $"{fundId}/{projectId}",
                new { before = before.Allocation, after = request.Allocation, request.Reason });
            return TypedResults.Ok(Funds.ToResponse(project));
        });
    }

    public static async Task<IResult> GetAsync(string fundId, string projectId, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var project = await connection.QuerySingleOrDefaultAsync<ProjectRow>(database.Sql["projects.find"], new { FundId = fundId, ProjectId = projectId });
        return project is null
            ? StructureProblems.UnknownProject(fundId, projectId)
            : TypedResults.Ok(Funds.ToResponse(project));
    }
}
