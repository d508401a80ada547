using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TrustFund.Hosting.Auth;
using TrustFund.Hosting.Storage;

namespace TrustFund.Hosting.Http;

/// <summary>
/// <c>GET /totals?fundId=</c>: a service's own sums per fund, which Reporting compares with the ledger. Every service
/// answers it alike: finance and auditors only, all funds or one, a malformed fund id refused naming it, and a fund the
/// service has nothing of simply absent from the list.
/// </summary>
public static class TotalsEndpoint
{
    public static RouteHandlerBuilder MapTotals<T>(this IEndpointRouteBuilder app, string summary,
        Func<Database, string?, CancellationToken, Task<IReadOnlyList<T>>> load) =>
        app.MapGet("/totals", async Task<Results<Ok<IReadOnlyList<T>>, ValidationProblem>> (string? fundId, Database database, CancellationToken cancellationToken) =>
            {
                var errors = new ValidationErrors();
                if (fundId is not null && !errors.RequireId("fundId", fundId))
                {
                    return errors.ToProblem();
                }
                return TypedResults.Ok(await load(database, fundId, cancellationToken));
            })
            .WithTags("Reconciliation")
            .RequireAuthorization(p => p.RequireRole(Roles.Finance, Roles.Auditor))
            .WithName("GetTotals").WithSummary(summary);
}
