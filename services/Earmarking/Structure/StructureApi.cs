using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Idempotency;

namespace TrustFund.Earmarking.Structure;

public static class StructureApi
{
    public static IEndpointRouteBuilder MapStructureApi(this IEndpointRouteBuilder app)
    {
        var funds = app.MapGroup("/funds").WithTags("Fund structure");
        funds.MapPost("/", Funds.DefineAsync).RequireAuthorization(Roles.FundManager).RequireIdempotencyKey()
            .WithName("DefineFund").WithSummary("Define a fund with its core window (fund manager)");
        funds.MapPost("/{fundId}/settings", Funds.ChangeSettingsAsync).RequireAuthorization(Roles.FundManager).RequireManagerOfFund().RequireIdempotencyKey()
            .WithName("ChangeFundSettings").WithSummary("Change a fund's name, fee rate or interest policy (a manager of the fund); the threshold changes by proposal and confirmation");
        funds.MapGet("/", Funds.ListAsync).RequireAuthorization()
            .WithName("ListFunds").WithSummary("All funds");
        funds.MapGet("/{fundId}", Funds.GetAsync).RequireAuthorization()
            .WithName("GetFund").WithSummary("A fund with its windows and projects");
        funds.MapPost("/{fundId}/windows", Windows.OpenAsync).RequireAuthorization(Roles.FundManager).RequireManagerOfFund().RequireIdempotencyKey()
            .WithName("OpenWindow").WithSummary("Open a window in a fund (fund manager)");
        funds.MapPost("/{fundId}/windows/{windowId}/close", Windows.CloseAsync).RequireAuthorization(Roles.FundManager).RequireManagerOfFund().RequireIdempotencyKey()
            .WithName("CloseWindow").WithSummary("Close a window: no new money flows to it (fund manager)");
        funds.MapPost("/{fundId}/projects", Projects.OpenAsync).RequireAuthorization(Roles.FundManager).RequireManagerOfFund().RequireIdempotencyKey()
            .WithName("OpenProject").WithSummary("Open a project in a window (fund manager)");
        funds.MapGet("/{fundId}/projects/{projectId}", Projects.GetAsync).RequireAuthorization()
            .WithName("GetProject").WithSummary("A project's allocation, reserved, disbursed and remaining");
        funds.MapPost("/{fundId}/projects/{projectId}/close", Projects.CloseAsync).RequireAuthorization(Roles.FundManager).RequireManagerOfFund().RequireIdempotencyKey()
            .WithName("CloseProject").WithSummary("Close a project: no new money flows to it (fund manager)");
        funds.MapPost("/{fundId}/projects/{projectId}/allocation", Projects.SetAllocationAsync).RequireAuthorization(Roles.FundManager).RequireManagerOfFund().RequireIdempotencyKey()
            .WithName("SetProjectAllocation").WithSummary("Set the total approved for a project (fund manager)");
        funds.MapGet("/{fundId}/managers", FundManagerAssignments.ListAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.FundManager, Roles.Finance, Roles.Auditor)).RequireReaderOfFund()
            .WithName("GetFundManagers").WithSummary("Who manages a fund (its fund managers, finance, auditors)");
        funds.MapPost("/{fundId}/managers", FundManagerAssignments.AssignAsync).RequireAuthorization(Roles.FundManager).RequireManagerOfFund()
            .RequireIdempotencyKey()
            .WithName("AssignFundManager").WithSummary("Assign another fund manager to a fund, with a reason (a manager of the fund)");
        funds.MapPost("/{fundId}/managers/{manager}/remove", FundManagerAssignments.RemoveAsync).RequireAuthorization(Roles.FundManager)
            .RequireManagerOfFund().RequireIdempotencyKey()
            .WithName("RemoveFundManager").WithSummary("Remove a fund manager from a fund, with a reason; never the last one (a manager of the fund)");
        funds.MapGet("/{fundId}/approval-rule-changes", ApprovalRuleChanges.ListAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.FundManager, Roles.Finance, Roles.Auditor)).RequireReaderOfFund()
            .WithName("ListApprovalRuleChanges").WithSummary("Proposed, confirmed and rejected changes to a fund's two-approver threshold, oldest first, paged");
        funds.MapPost("/{fundId}/approval-rule-changes", ApprovalRuleChanges.ProposeAsync).RequireAuthorization(Roles.FundManager)
            .RequireManagerOfFund().RequireIdempotencyKey()
            .WithName("ProposeApprovalRuleChange").WithSummary("Propose a new two-approver threshold, with a reason; another manager of the fund must confirm it");
        funds.MapPost("/{fundId}/approval-rule-changes/{changeId:guid}/confirm", ApprovalRuleChanges.ConfirmAsync).RequireAuthorization(Roles.FundManager)
            .RequireManagerOfFund().RequireIdempotencyKey()
            .WithName("ConfirmApprovalRuleChange").WithSummary("Confirm a proposed threshold, which then applies (a manager of the fund other than the proposer)");
        funds.MapPost("/{fundId}/approval-rule-changes/{changeId:guid}/reject", ApprovalRuleChanges.RejectAsync).RequireAuthorization(Roles.FundManager)
            .RequireManagerOfFund().RequireIdempotencyKey()
            .WithName("RejectApprovalRuleChange").WithSummary("Reject (or, as its proposer, withdraw) a proposed threshold, with a reason (a manager of the fund)");
        app.MapPost("/structure/republish", Republish.HandleAsync).WithTags("Fund structure")
            .RequireAuthorization(Roles.FundManager).RequireIdempotencyKey()
            .WithName("RepublishStructure").WithSummary("Publish every fund you manage again, with its managers, windows and projects, for services that start consuming late (fund manager)");
        return app;
    }
}
