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
        funds.MapPost("/{fundId}/settings", Funds.ChangeSettingsAsync).RequireAuthorization(Roles.FundManager).RequireIdempotencyKey()
            .WithName("ChangeFundSettings").WithSummary("Change a fund's name, fee rate, two-approver threshold or interest policy (fund manager)");
        funds.MapGet("/", Funds.ListAsync).RequireAuthorization()
            .WithName("ListFunds").WithSummary("All funds");
        funds.MapGet("/{fundId}", Funds.GetAsync).RequireAuthorization()
            .WithName("GetFund").WithSummary("A fund with its windows and projects");
        funds.MapPost("/{fundId}/windows", Windows.OpenAsync).RequireAuthorization(Roles.FundManager).RequireIdempotencyKey()
            .WithName("OpenWindow").WithSummary("Open a window in a fund (fund manager)");
        funds.MapPost("/{fundId}/windows/{windowId}/close", Windows.CloseAsync).RequireAuthorization(Roles.FundManager).RequireIdempotencyKey()
            .WithName("CloseWindow").WithSummary("Close a window: no new money flows to it (fund manager)");
        funds.MapPost("/{fundId}/projects", Projects.OpenAsync).RequireAuthorization(Roles.FundManager).RequireIdempotencyKey()
            .WithName("OpenProject").WithSummary("Open a project in a window (fund manager)");
        funds.MapGet("/{fundId}/projects/{projectId}", Projects.GetAsync).RequireAuthorization()
            .WithName("GetProject").WithSummary("A project's allocation, reserved, disbursed and remaining");
        funds.MapPost("/{fundId}/projects/{projectId}/close", Projects.CloseAsync).RequireAuthorization(Roles.FundManager).RequireIdempotencyKey()
            .WithName("CloseProject").WithSummary("Close a project: no new money flows to it (fund manager)");
        funds.MapPost("/{fundId}/projects/{projectId}/allocation", Projects.SetAllocationAsync).RequireAuthorization(Roles.FundManager).RequireIdempotencyKey()
            .WithName("SetProjectAllocation").WithSummary("Set the total approved for a project (fund manager)");
        app.MapPost("/structure/republish", Republish.HandleAsync).WithTags("Fund structure")
            .RequireAuthorization(Roles.FundManager).RequireIdempotencyKey()
            .WithName("RepublishStructure").WithSummary("Publish every fund, window and project again, for services that start consuming late (fund manager)");
        return app;
    }
}
