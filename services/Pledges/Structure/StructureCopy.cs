using System.Data.Common;
using Dapper;
using MassTransit;
using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Messaging;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Pledges.Structure;

/// <summary>The local copy of funds, windows and projects, from Earmarking's events.</summary>
public sealed class FundChangedConsumer(Database database, OutboxSignal signal, ILogger<FundChangedConsumer> logger)
    : CopyConsumer<FundChanged>(database, signal, logger, "structure.fund_upsert",
        f => new { f.FundId, f.Name, f.BaseCurrency, f.FinancingModel, f.Version, f.ChangedAt });

public sealed class WindowChangedConsumer(Database database, OutboxSignal signal, ILogger<WindowChangedConsumer> logger)
    : CopyConsumer<WindowChanged>(database, signal, logger, "structure.window_upsert", w => new { w.FundId, w.WindowId, w.Status, w.Version, w.ChangedAt });

public sealed class ProjectChangedConsumer(Database database, OutboxSignal signal, ILogger<ProjectChangedConsumer> logger)
    : CopyConsumer<ProjectChanged>(database, signal, logger, "structure.project_upsert",
        p => new { p.FundId, p.ProjectId, p.WindowId, p.Status, p.Version, p.ChangedAt });

public sealed record KnownFund(string FundId, string Name, string BaseCurrency, string FinancingModel, int Version);

/// <summary>
/// Judges an earmark against the local copy: the fund, window and project must be known and open. A target the copy
/// does not know yet is refused (422), never accepted silently.
/// </summary>
public static class EarmarkCheck
{
    private sealed record Target(string? WindowStatus, string? ProjectStatus, string? ProjectWindowId);

    /// <returns>null when the earmark may take money; otherwise the field, rule and message of the refusal.</returns>
    public static async Task<(string Field, string Rule, string Message)?> RefusalAsync(DbConnection connection, Database database,
        string fundId, Earmark earmark, DbTransaction? tx = null)
    {
        if (earmark.Kind == EarmarkKinds.Unearmarked)
        {
            return null;
        }
        var target = await connection.QuerySingleAsync<Target>(database.Sql["structure.target"],
            new { FundId = fundId, earmark.WindowId, earmark.ProjectId }, tx);
        if (target.WindowStatus is null)
        {
            return ("earmark.windowId", "exists", $"Fund '{fundId}' has no window '{earmark.WindowId}' (as far as Pledges knows yet).");
        }
        if (target.WindowStatus != StructureStatuses.Open)
        {
            return ("earmark.windowId", "open", $"Window '{earmark.WindowId}' is closed and takes no new money.");
        }
        if (earmark.Kind != EarmarkKinds.Project)
        {
            return null;
        }
        if (target.ProjectStatus is null || target.ProjectWindowId != earmark.WindowId)
        {
            return ("earmark.projectId", "exists", $"Window '{earmark.WindowId}' of fund '{fundId}' has no project '{earmark.ProjectId}' (as far as Pledges knows yet).");
        }
        return target.ProjectStatus == StructureStatuses.Open
            ? null
            : ("earmark.projectId", "open", $"Project '{earmark.ProjectId}' is closed and takes no new money.");
    }
}

/// <summary>What Pledges knows of a fund's structure: what pledges and contributions are judged against.</summary>
public static class KnownStructureApi
{
    private sealed record FundView(string FundId, string Name, string BaseCurrency, string FinancingModel, int Version, string Windows, string Projects);

    public static IEndpointRouteBuilder MapKnownStructureApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/funds/{fundId}", GetAsync).WithTags("Fund structure").RequireAuthorization()
            .WithName("GetKnownFund").WithSummary("The fund, windows and projects as Pledges knows them from Earmarking");
        return app;
    }

    private static async Task<IResult> GetAsync(string fundId, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var fund = await connection.QuerySingleOrDefaultAsync<FundView>(database.Sql["structure.fund_view"], new { FundId = fundId });
        return fund is null
            ? TrustFund.Hosting.Http.Problems.NotFound("Unknown fund", $"Pledges does not know a fund '{fundId}' (yet).", "fundId")
            : TypedResults.Ok(new
            {
                fund.FundId, fund.Name, fund.BaseCurrency, fund.FinancingModel, fund.Version,
                Windows = System.Text.Json.JsonDocument.Parse(fund.Windows).RootElement,
                Projects = System.Text.Json.JsonDocument.Parse(fund.Projects).RootElement,
            });
    }
}
