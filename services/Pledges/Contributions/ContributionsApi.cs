using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Idempotency;

namespace TrustFund.Pledges.Contributions;

public static class ContributionsApi
{
    public static IEndpointRouteBuilder MapContributionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/contributions").WithTags("Contributions");
        group.MapPost("/", RecordContribution.HandleAsync)
            .RequireAuthorization(Roles.Finance)
            .RequireIdempotencyKey()
            .WithName("RecordContribution")
            .WithSummary("Record cash received from a donor (finance; requires Idempotency-Key)");
        group.MapGet("/{contributionId:guid}", GetContribution.HandleAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Finance, Roles.Auditor))
            .WithName("GetContribution")
            .WithSummary("One recorded contribution (finance, auditor)");
        return app;
    }
}
