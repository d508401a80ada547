using System.Data.Common;
using Dapper;
using MassTransit;
using TrustFund.Contracts.Messages;
using TrustFund.Hosting.Messaging;
using TrustFund.Hosting.Outbox;
using TrustFund.Hosting.Storage;

namespace TrustFund.Disbursements.Structure;

/// <summary>The fund's base currency and two-approver threshold, from Earmarking; the highest version wins.</summary>
public sealed class FundChangedConsumer(Database database, OutboxSignal signal, ILogger<FundChangedConsumer> logger)
    : TransactionalConsumer<FundChanged>(database, signal, logger)
{
    protected override Task HandleAsync(ConsumeContext<FundChanged> context, DbTransaction transaction)
    {
        var f = context.Message;
        return transaction.Connection!.ExecuteAsync(Database.Sql["structure.fund_upsert"],
            new { f.FundId, f.BaseCurrency, f.TwoApproverThreshold, f.Version, f.ChangedAt }, transaction);
    }
}

/// <summary>Each project's lead, partner, window and status, from Earmarking; the highest version wins.</summary>
public sealed class ProjectChangedConsumer(Database database, OutboxSignal signal, ILogger<ProjectChangedConsumer> logger)
    : TransactionalConsumer<ProjectChanged>(database, signal, logger)
{
    protected override Task HandleAsync(ConsumeContext<ProjectChanged> context, DbTransaction transaction)
    {
        var p = context.Message;
        return transaction.Connection!.ExecuteAsync(Database.Sql["structure.project_upsert"],
            new { p.FundId, p.ProjectId, p.WindowId, p.ProjectLead, p.PartnerId, p.Status, p.Version, p.ChangedAt }, transaction);
    }
}
