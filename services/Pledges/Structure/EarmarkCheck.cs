using System.Data.Common;
using Dapper;
using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Storage;

namespace TrustFund.Pledges.Structure;

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
