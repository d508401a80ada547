using TrustFund.Contracts.Messages;
using TrustFund.Earmarking.Structure;

namespace TrustFund.Earmarking.Pools;

/// <summary>Where money lands: a purpose pool (window and project, '' when none) or suspense, with the reason.</summary>
public sealed record PoolTarget(string PoolKind, string WindowId, string ProjectId, string? SuspenseReason)
{
    public const string Purpose = "purpose";
    public const string Fee = "fee";
    public const string Suspense = "suspense";

    public bool IsSuspense => PoolKind == Suspense;
}

public static class SuspenseReasons
{
    public const string UnknownFund = "unknown-fund";
    public const string UnknownWindow = "unknown-window";
    public const string WindowClosed = "window-closed";
    public const string UnknownProject = "unknown-project";
    public const string ProjectClosed = "project-closed";
    public const string ProjectNotInWindow = "project-not-in-window";
    public const string NotInBaseCurrency = "not-in-base-currency";
}

/// <summary>
/// Decides which pool an earmark names, given what the structure says about its fund, window and project.
/// An earmark to a closed or unknown target is never dropped nor moved elsewhere: it is held in suspense.
/// </summary>
public static class PoolTargets
{
    public static PoolTarget Resolve(Earmark earmark, FundRow? fund, WindowRow? window, ProjectRow? project)
    {
        ArgumentNullException.ThrowIfNull(earmark);
        if (fund is null)
        {
            return Hold(earmark, SuspenseReasons.UnknownFund);
        }
        switch (earmark.Kind)
        {
            case EarmarkKinds.Unearmarked:
                return new PoolTarget(PoolTarget.Purpose, WindowRow.Core, "", null);
            case EarmarkKinds.Window:
                if (window is null)
                {
                    return Hold(earmark, SuspenseReasons.UnknownWindow);
                }
                return window.Status == StructureStatuses.Open
                    ? new PoolTarget(PoolTarget.Purpose, window.WindowId, "", null)
                    : Hold(earmark, SuspenseReasons.WindowClosed);
            case EarmarkKinds.Project:
                if (project is null)
                {
                    return Hold(earmark, SuspenseReasons.UnknownProject);
                }
                if (project.WindowId != earmark.WindowId)
                {
                    return Hold(earmark, SuspenseReasons.ProjectNotInWindow);
                }
                if (project.Status != StructureStatuses.Open)
                {
                    return Hold(earmark, SuspenseReasons.ProjectClosed);
                }
                return project.WindowStatus == StructureStatuses.Open
                    ? new PoolTarget(PoolTarget.Purpose, project.WindowId, project.ProjectId, null)
                    : Hold(earmark, SuspenseReasons.WindowClosed);
            default:
                throw new ArgumentException($"Unknown earmark kind '{earmark.Kind}'.", nameof(earmark));
        }
    }

    /// <summary>The earmark level of a purpose pool: project, window, or unearmarked (core).</summary>
    public static string EarmarkKindOf(string windowId, string projectId) =>
        projectId.Length > 0 ? EarmarkKinds.Project : windowId == WindowRow.Core ? EarmarkKinds.Unearmarked : EarmarkKinds.Window;

    /// <summary>Suspense keeps the target the donor named, so the fund manager sees what was meant.</summary>
    public static PoolTarget Hold(Earmark earmark, string reason) =>
        new(PoolTarget.Suspense, earmark.WindowId ?? "", earmark.ProjectId ?? "", reason);
}
