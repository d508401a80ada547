using System.Data.Common;
using Dapper;
using TrustFund.Contracts.Amounts;
using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Earmarking.Structure;

/// <summary>
/// Reads an element of the structure back after a change, in the change's transaction, and publishes its whole
/// state. All events of one fund share a partition, so other services receive them in the order they happened.
/// </summary>
public sealed class StructureEvents(Database database, OutboxWriter outbox)
{
    public static string Partition(string fundId) => $"fund:{fundId}";

    public async Task<FundRow> FundAsync(DbTransaction tx, string fundId, string change)
    {
        var fund = await tx.Connection!.QuerySingleAsync<FundRow>(database.Sql["funds.get"], new { FundId = fundId }, tx);
        await outbox.EnqueueAsync(tx, new FundChanged
        {
            FundId = fund.FundId, Name = fund.Name, BaseCurrency = fund.BaseCurrency, FeeRate = fund.FeeRate,
            FinancingModel = fund.FinancingModel, TwoApproverThreshold = Money.Normalise(fund.TwoApproverThreshold, fund.BaseCurrency),
            InterestToCore = fund.InterestToCore, Version = fund.Version, Change = change, ChangedAt = fund.UpdatedAt, ChangedBy = fund.UpdatedBy,
        }, Partition(fundId));
        return fund;
    }

    public async Task<WindowRow> WindowAsync(DbTransaction tx, string fundId, string windowId, string change)
    {
        var window = await tx.Connection!.QuerySingleAsync<WindowRow>(database.Sql["windows.get"], new { FundId = fundId, WindowId = windowId }, tx);
        await outbox.EnqueueAsync(tx, new WindowChanged
        {
            FundId = window.FundId, WindowId = window.WindowId, Name = window.Name, Status = window.Status, Version = window.Version,
            Change = change, ChangedAt = window.UpdatedAt, ChangedBy = window.UpdatedBy,
        }, Partition(fundId));
        return window;
    }

    public async Task<ProjectRow> ProjectAsync(DbTransaction tx, string fundId, string projectId, string change)
    {
        var project = await tx.Connection!.QuerySingleAsync<ProjectRow>(database.Sql["projects.find"], new { FundId = fundId, ProjectId = projectId }, tx);
        await outbox.EnqueueAsync(tx, new ProjectChanged
        {
            FundId = project.FundId, ProjectId = project.ProjectId, WindowId = project.WindowId, Name = project.Name,
            ProjectLead = project.ProjectLead, PartnerId = project.PartnerId, Status = project.Status,
            Allocation = Money.Normalise(project.Allocation, project.Currency), Currency = project.Currency, Version = project.Version,
            Change = change, ChangedAt = project.UpdatedAt, ChangedBy = project.UpdatedBy,
        }, Partition(fundId));
        return project;
    }

    /// <summary>Publishes the fund's whole set of managers at its current version.</summary>
    public async Task ManagersAsync(DbTransaction tx, string fundId, string change, string? manager)
    {
        var connection = tx.Connection!;
        var managers = await connection.QueryAsync<FundManagerRow>(database.Sql["fund_managers.of_fund"], new { FundId = fundId }, tx);
        var set = await connection.QuerySingleAsync<FundManagerSet>(database.Sql["fund_managers.set_version"], new { FundId = fundId }, tx);
        await outbox.EnqueueAsync(tx, new FundManagersChanged
        {
            FundId = fundId, Managers = [.. managers.Select(m => m.Manager)], Version = set.Version, Change = change, Manager = manager,
            ChangedAt = set.ChangedAt, ChangedBy = set.ChangedBy,
        }, Partition(fundId));
    }
}
